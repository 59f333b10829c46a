// A registration's private page, reached by the emailed link: confirm (or take a held seat), see
// the details (the online link once confirmed), change name and answers, cancel. GET never changes
// anything (mail scanners open links); every change is a button that posts.
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import { registrationFromForm } from '$lib/server/events/forms';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex' });
	const found = await events.registrationByToken(params.token);
	if (!found) error(404, 'not_found');
	const locale = getLocale();
	const detail = events.presentDetail({ event: found.event, taken: 0, waiting: 0 }, locale);
	return {
		registration: events.presentOwnRegistration(found.registration, found.event, found.ahead, locale),
		event: { id: detail.id, title: detail.title, titleLang: detail.titleLang, when: detail.when, place: detail.place, mode: detail.mode, status: detail.status, past: detail.past, questions: detail.questions, isDemo: detail.isDemo }
	};
};

export const actions: Actions = {
	confirm: formAction(async (_form, { params }) => ({ confirmed: await events.confirmRegistration(params.token) })),
	cancel: formAction(async (_form, { params }) => {
		await events.cancelRegistration(params.token);
		return { cancelled: true };
	}),
	update: formAction(async (form, { params }) => {
		const input = registrationFromForm(form, getLocale());
		await events.updateRegistration(params.token, { name: input.name, answers: input.answers });
		return { updated: true };
	})
};
