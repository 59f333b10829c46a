import { redirect } from '@sveltejs/kit';
import { href } from '$lib/i18n';
import * as participation from '$lib/server/participation';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!participation.mayEnterWorkspace(locals.actor)) redirect(303, href('/workspace'));
	return { values: { slots: '2' } };
};

export const actions: Actions = {
	default: formAction(async (form, { locals }) => {
		if (form.values.more) return participation.withOneMoreQuestion(form);
		const id = await participation.draftConsultation(locals.actor, participation.consultationFromForm(form));
		redirect(303, href(`/workspace/participation/${id}`));
	})
};
