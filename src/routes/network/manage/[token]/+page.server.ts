// An application's private page, reached by the emailed link: confirm it, answer a reviewer's
// question, update it, withdraw it. GET never changes anything (mail scanners open links); every
// change is a button that posts.
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { formAction } from '$lib/server/platform/edge';
import { clientAddress, keepAll } from '../../forms';
import { networkOptions } from '../../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' });
	const found = await network.applicationByToken(params.token);
	if (!found) error(404, 'not_found');
	const locale = getLocale();
	return {
		application: network.presentApplication(found.application, found.messages, locale),
		saved: network.applicationToForm(found.application),
		options: networkOptions(locale)
	};
};

export const actions: Actions = {
	confirm: formAction(async (_form, { params }) => ({ confirmed: await network.confirmApplication(params.token) })),
	answer: formAction(async (form, event) => {
		await network.answerQuestion(event.params.token, { body: form.values.body ?? '' }, { ip: clientAddress(event) });
		return { answered: true };
	}),
	update: keepAll(async (form, { params }) => {
		await network.updateApplication(params.token, network.applicationFromForm(form, getLocale()));
		return { updated: true };
	}),
	withdraw: formAction(async (_form, { params }) => {
		await network.withdrawApplication(params.token);
		return { withdrawn: true };
	})
};
