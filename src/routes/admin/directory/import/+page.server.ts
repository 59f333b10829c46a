import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { formAction } from '$lib/server/platform/edge';
import { DomainError, ValidationError } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 10 * 1024 * 1024;

export const load: PageServerLoad = ({ locals }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	return { allowed: directory.canForCountries(locals.actor, 'import.run', []) };
};

export const actions: Actions = {
	default: formAction(async (form, { locals }) => {
		// authorise before reading the file: a stranger learns nothing about the format
		directory.assertCan(locals.actor, 'import.run');
		const [file] = form.files('file');
		if (!file) throw new ValidationError({ file: 'file_required' });
		if (file.size > MAX_BYTES) throw new DomainError(413, 'file_too_large', { file: 'file_too_large' });
		const text = await file.text();
		const isJson = file.name.toLowerCase().endsWith('.json') || text.trimStart().startsWith('{') || text.trimStart().startsWith('[');
		const parsed = isJson ? directory.parseHsdsJson(text) : directory.parseCsv(text);
		const dryRun = form.values.dryRun === '1';
		const report = await directory.importServices(locals.actor, parsed.rows, { dryRun });
		return {
			report: {
				format: isJson ? 'HSDS JSON' : 'CSV',
				dryRun,
				valid: report.valid,
				invalid: report.invalid,
				written: report.written,
				errors: report.rows.filter((r) => r.errors.length).slice(0, 500).map((r) => ({ line: r.line, errors: r.errors }))
			}
		};
	})
};
