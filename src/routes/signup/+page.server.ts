import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp, setSessionCookie } from '$lib/server/platform/http';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
};

export const actions: Actions = {
	default: formAction(async ({ values }, { cookies, url, getClientAddress }) => {
		const { token } = await identity.signUp({ ...values, locale: getLocale() }, { ip: clientIp(getClientAddress) });
		setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		redirect(303, localizeHref('/account'));
	})
};
