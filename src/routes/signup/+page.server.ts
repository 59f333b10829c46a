import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { clientIp, failWith, setSessionCookie } from '$lib/server/platform/http';
import { formObject } from '$lib/server/platform/validate';
import { getLocale, localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (locals.actor) redirect(303, localizeHref('/account'));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, getClientAddress }) => {
		const values = formObject(await request.formData());
		try {
			const { token } = await identity.signUp({ ...values, locale: getLocale() }, { ip: clientIp(getClientAddress) });
			setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		} catch (e) {
			return failWith(e, { email: values.email ?? '', name: values.name ?? '' });
		}
		redirect(303, localizeHref('/account'));
	}
};
