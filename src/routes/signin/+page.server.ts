import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { clientIp, failWith, safeNext, setSessionCookie } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	return { reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			const { token } = await identity.signIn(values, { ip: clientIp(getClientAddress) });
			setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		} catch (e) {
			return failWith(e, { email: values.email ?? '' });
		}
		redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	}
};
