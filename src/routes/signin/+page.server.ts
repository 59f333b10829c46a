import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp, safeNext, setSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	return { reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { cookies, url, getClientAddress }) => {
		const { token } = await identity.signIn(values, { ip: clientIp(getClientAddress) });
		setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	})
};
