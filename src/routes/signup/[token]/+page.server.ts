import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { setSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The link mailed at sign-up. Creating the account takes a button press (a POST), so a mail scanner
// that opens the link creates nothing and does not use the link up.
export const load: PageServerLoad = ({ locals, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	if (locals.actor) redirect(303, localizeHref('/account'));
	return {};
};

export const actions: Actions = {
	default: formAction(async (_form, { params, cookies, url }) => {
		const { token } = await identity.confirmSignUp(params.token);
		setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		redirect(303, localizeHref('/account'));
	})
};
