import * as events from '$lib/server/events';
import { getLocale } from '$lib/i18n';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { event, registrations } = await events.eventForOrganiser(locals.actor, params.id).catch(rethrowAsPage);
	const people = registrations
		.filter((r) => r.status === 'confirmed')
		.map((r) => events.presentForOrganiser(r, event))
		.sort((a, b) => a.name.localeCompare(b.name, getLocale()));
	return { event: events.presentSummary(event, 0, getLocale()), people };
};

export const actions: Actions = {
	mark: formAction(async (form, { locals }) => {
		const id = isUuid(form.values.registration ?? '') ? form.values.registration : '00000000-0000-0000-0000-000000000000';
		await events.setAttendance(locals.actor, id, form.values.present === '1');
		return { marked: id };
	})
};
