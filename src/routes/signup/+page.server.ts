import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp, setSessionCookie } from '$lib/server/platform/http';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
	return { sent: url.searchParams.has('sent') };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { cookies, url, getClientAddress }) => {
		const result = await identity.signUp({ ...values, locale: getLocale() }, { ip: clientIp(getClientAddress), origin: url.origin });
		// an address that already has an account: no error that would say so, its owner is mailed instead
		if (result.existing) redirect(303, localizeHref('/signup') + '?sent');
		setSessionCookie(cookies, result.token, url, identity.SESSION_DAYS);
		redirect(303, localizeHref('/account'));
	})
};
