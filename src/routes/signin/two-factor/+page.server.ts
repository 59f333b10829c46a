import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clearPendingCookie, clientIp, PENDING_COOKIE, safeNext, setSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The second step of sign-in for accounts with a second factor: the code from the authenticator
// app, or a recovery code. Only a pending sign-in (cookie set by /signin after the password) may be here.
export const load: PageServerLoad = async ({ locals, cookies, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const next = safeNext(url.searchParams.get('next'), localizeHref('/account'));
	if (locals.actor) redirect(303, next);
	if (!(await identity.pendingSignInValid(cookies.get(PENDING_COOKIE)))) {
		clearPendingCookie(cookies);
		redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(next));
	}
	return {};
};

export const actions: Actions = {
	default: formAction(async ({ values }, { cookies, url, getClientAddress }) => {
		const { token } = await identity.completeTwoFactorSignIn(cookies.get(PENDING_COOKIE), { code: values.code }, { ip: clientIp(getClientAddress) });
		clearPendingCookie(cookies);
		setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	})
};
