import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import * as events from '$lib/server/events';
import { formAction } from '$lib/server/platform/edge';
import { formOptions } from '../form-options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ options: formOptions(), slots: events.QUESTION_SLOTS });

export const actions: Actions = {
	default: formAction(async (form, { locals }) => {
		const id = await events.createEvent(locals.actor, events.eventFromForm(form, getLocale()));
		redirect(303, href(`/workspace/events/${id}`));
	})
};
