import { error, fail } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { failWith } from '$lib/server/platform/http';
import { ValidationError } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 10 * 1024 * 1024;

export const load: PageServerLoad = ({ locals }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	return { allowed: directory.canForCountries(locals.actor, 'import.run', []) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		try {
			const form = await request.formData().catch(() => {
				throw new ValidationError({ file: 'form_unreadable' }, 'form_unreadable');
			});
			const file = form.get('file');
			if (!(file instanceof File) || file.size === 0) throw new ValidationError({ file: 'file_required' });
			if (file.size > MAX_BYTES) return fail(413, { error: 'file_too_large', fields: { file: 'file_too_large' } });
			const text = await file.text();
			const isJson = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') || text.trimStart().startsWith('[');
			const parsed = isJson ? directory.parseHsdsJson(text) : directory.parseCsv(text);
			const report = await directory.importServices(locals.actor, parsed.rows, { dryRun: form.get('dryRun') === '1' });
			return {
				report: {
					format: isJson ? 'HSDS JSON' : 'CSV',
					dryRun: form.get('dryRun') === '1',
					valid: report.valid,
					invalid: report.invalid,
					written: report.written,
					errors: report.rows.filter((r) => r.errors.length).slice(0, 500).map((r) => ({ line: r.line, errors: r.errors }))
				}
			};
		} catch (e) {
			return failWith(e);
		}
	}
};
