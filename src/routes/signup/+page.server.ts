import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { clientIp, failWith, setSessionCookie } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			const { token } = await identity.signUp({ ...values, locale: getLocale() }, { ip: clientIp(getClientAddress) });
			setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		} catch (e) {
			return failWith(e, { email: values.email ?? '', name: values.name ?? '' });
		}
		redirect(303, localizeHref('/account'));
	}
};
