import { error } from '@sveltejs/kit';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { db } from '$lib/server/db';
import * as progress from '$lib/server/progress';
import { failWith } from '$lib/server/platform/http';
import { ValidationError } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals }) => {
	if (!progress.can(locals.actor, 'framework.manage', { kind: 'global' })) error(403, 'forbidden');
	const versions = await progress.listFrameworkVersionDetails(db());
	const root = progress.FRAMEWORKS_DIR();
	return {
		versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt?.toISOString().slice(0, 10) ?? null, createdAt: v.createdAt.toISOString().slice(0, 10) })),
		files: progress.contentFrameworkFiles().map((f) => path.relative(root, f))
	};
};

function fail(e: unknown) {
	if (e instanceof progress.FrameworkInvalid) return { ...(failWith(e) as object), problems: e.problems } as never;
	return failWith(e);
}

export const actions: Actions = {
	importContent: async ({ request, locals }) => {
		const form = await request.formData();
		const rel = String(form.get('file') ?? '');
		const files = progress.contentFrameworkFiles();
		const root = progress.FRAMEWORKS_DIR();
		const file = files.find((f) => path.relative(root, f) === rel);
		try {
			if (!file) throw new ValidationError({ file: 'not_found' });
			const r = await progress.importFramework(locals.actor, readFileSync(file, 'utf8'), `content/progress/frameworks/${rel}`);
			return { imported: r.version };
		} catch (e) {
			return fail(e);
		}
	},
	upload: async ({ request, locals }) => {
		try {
			const form = await request.formData();
			const file = form.get('json');
			if (!(file instanceof File) || file.size === 0) throw new ValidationError({ json: 'file_required' });
			if (file.size > MAX_BYTES) throw new ValidationError({ json: 'progress_file_too_large' });
			const r = await progress.importFramework(locals.actor, await file.text(), `upload:${file.name.slice(0, 100)}`);
			return { imported: r.version };
		} catch (e) {
			return fail(e);
		}
	},
	publish: async ({ request, locals }) => {
		const version = Number((await request.formData()).get('version'));
		try {
			return { published: version, scored: await progress.publishFramework(locals.actor, version) };
		} catch (e) {
			return fail(e);
		}
	},
	retire: async ({ request, locals }) => {
		const version = Number((await request.formData()).get('version'));
		try {
			await progress.retireFramework(locals.actor, version);
			return { retired: version };
		} catch (e) {
			return fail(e);
		}
	},
	recompute: async ({ request, locals }) => {
		const version = Number((await request.formData()).get('version'));
		try {
			return { recomputed: version, scored: await progress.recomputeScores(locals.actor, version) };
		} catch (e) {
			return fail(e);
		}
	}
};
