import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp } from '$lib/server/platform/http';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
	return { sent: url.searchParams.has('sent') };
};

export const actions: Actions = {
	// a new address and one that has an account get the same answer: "check your email" (see identity.signUp)
	default: formAction(async ({ values }, { url, getClientAddress }) => {
		await identity.signUp({ ...values, locale: getLocale() }, { ip: clientIp(getClientAddress), origin: url.origin });
		redirect(303, localizeHref('/signup') + '?sent');
	})
};
