import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import * as events from '$lib/server/events';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { formOptions } from '../../form-options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { event } = await events.eventForOrganiser(locals.actor, params.id).catch(rethrowAsPage);
	const form = events.eventToForm(event, getLocale(), events.utcToZoned);
	return { id: event.id, title: events.presentSummary(event, 0, getLocale()).title, ...form, options: formOptions(), slots: events.QUESTION_SLOTS };
};

export const actions: Actions = {
	default: formAction(async (form, { locals, params }) => {
		await events.updateEvent(locals.actor, params.id, events.eventFromForm(form, getLocale()));
		redirect(303, href(`/workspace/events/${params.id}`));
	})
};
