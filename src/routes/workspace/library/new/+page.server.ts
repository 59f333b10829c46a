import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import * as library from '$lib/server/library';
import { formAction } from '$lib/server/platform/edge';
import { formOptions } from '../form-options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ options: formOptions() });

export const actions: Actions = {
	save: formAction(async (form, { locals }) => {
		const [file] = form.files('file');
		const upload = file ? { language: form.values.fileLanguage ?? '', upload: { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) } } : undefined;
		const id = await library.createDocument(locals.actor, library.documentFromForm(form), { file: upload });
		redirect(303, href(`/workspace/library/${id}`));
	})
};
