import { getLocale } from '$lib/i18n';
import * as library from '$lib/server/library';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { ValidationError } from '$lib/server/platform/errors';
import { formOptions } from '../form-options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const found = await library.documentForEditor(locals.actor, params.id).catch(rethrowAsPage);
	const d = found.document;
	return {
		document: { ...library.presentSummary(d, [], getLocale()), status: d.status, edition: d.edition },
		form: library.documentToForm(d),
		files: found.files.map((f) => ({ id: f.id, url: library.fileUrl(f), language: f.language, edition: f.edition, filename: f.filename, size: f.size, mediaType: f.mediaType, searchable: f.hasText, replaced: !!f.replacedAt })),
		revisions: found.revisions.map((r) => ({ kind: r.kind, edition: r.edition, note: r.note, at: r.createdAt.toISOString() })),
		options: formOptions()
	};
};

export const actions: Actions = {
	save: formAction(async (form, { locals, params }) => {
		await library.updateDocument(locals.actor, params.id, library.documentFromForm(form), { change: form.values.change || 'correction', note: form.values.note ?? '' });
		return { done: 'saved' };
	}),
	upload: formAction(async (form, { locals, params }) => {
		await library.documentForEditor(locals.actor, params.id); // refuses who may not see it before the file is judged
		const [file] = form.files('file');
		if (!file) throw new ValidationError({ file: 'library_file_required' });
		await library.addFile(locals.actor, params.id, form.values.fileLanguage ?? '', { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }, { note: form.values.note ?? '' });
		return { done: 'uploaded' };
	}),
	remove: formAction(async (form, { locals }) => {
		await library.removeFile(locals.actor, form.values.fileId ?? '');
		return { done: 'saved' };
	}),
	publish: formAction(async (_form, { locals, params }) => {
		await library.publishDocument(locals.actor, params.id);
		return { done: 'published' };
	}),
	withdraw: formAction(async (_form, { locals, params }) => {
		await library.withdrawDocument(locals.actor, params.id);
		return { done: 'withdrawn' };
	})
};
