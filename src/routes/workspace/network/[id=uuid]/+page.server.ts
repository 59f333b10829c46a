import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const found = await network.applicationForReviewer(locals.actor, params.id).catch(rethrowAsPage);
	return { application: network.presentApplication(found.application, found.messages, getLocale()), mayReview: found.mayReview };
};

export const actions: Actions = {
	// the commands authorise on the application before they read the form
	ask: formAction(async ({ values }, { locals, params }) => {
		await network.askApplicant(locals.actor, params.id, values);
		return { asked: true };
	}),
	accept: formAction(async (_form, { locals, params }) => {
		await network.acceptApplication(locals.actor, params.id);
		return { accepted: true };
	}),
	decline: formAction(async ({ values }, { locals, params }) => {
		await network.declineApplication(locals.actor, params.id, values);
		return { declined: true };
	})
};
