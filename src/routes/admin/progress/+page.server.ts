import { error } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as identity from '$lib/server/identity';
import * as progress from '$lib/server/progress';
import { formAction } from '$lib/server/platform/edge';
import { ValidationError } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals }) => {
	if (!progress.can(locals.actor, 'framework.manage', { kind: 'global' })) error(403, 'forbidden');
	const versions = await progress.listFrameworkVersionDetails(db());
	return {
		versions: versions.map((v) => ({ ...v, publishedAt: v.publishedAt?.toISOString().slice(0, 10) ?? null, createdAt: v.createdAt.toISOString().slice(0, 10) })),
		files: progress.contentFrameworkFiles().map((f) => f.path)
	};
};

// A refused framework file comes back with its problems (FrameworkInvalid carries them; the edge passes them on).
// Authorised before the file is looked at (the commands check again).
function mayManage(actor: App.Locals['actor']) {
	identity.assertHolds(actor, progress.can(actor, 'framework.manage', { kind: 'global' }));
}

export const actions: Actions = {
	importContent: formAction(async ({ values }, { locals }) => {
		mayManage(locals.actor);
		const rel = values.file ?? '';
		const file = progress.contentFrameworkFiles().find((f) => f.path === rel);
		if (!file) throw new ValidationError({ file: 'not_found' });
		const r = await progress.importFramework(locals.actor, file.text, `${progress.FRAMEWORKS_PATH}/${rel}`);
		return { imported: r.version };
	}),
	upload: formAction(async (form, { locals }) => {
		mayManage(locals.actor);
		const [file] = form.files('json');
		if (!file) throw new ValidationError({ json: 'file_required' });
		if (file.size > MAX_BYTES) throw new ValidationError({ json: 'progress_file_too_large' });
		const r = await progress.importFramework(locals.actor, await file.text(), `upload:${file.name.slice(0, 100)}`);
		return { imported: r.version };
	}),
	publish: formAction(async ({ values }, { locals }) => {
		const version = Number(values.version);
		return { published: version, scored: await progress.publishFramework(locals.actor, version) };
	}),
	retire: formAction(async ({ values }, { locals }) => {
		const version = Number(values.version);
		await progress.retireFramework(locals.actor, version);
		return { retired: version };
	}),
	recompute: formAction(async ({ values }, { locals }) => {
		const version = Number(values.version);
		return { recomputed: version, scored: await progress.recomputeScores(locals.actor, version) };
	})
};
