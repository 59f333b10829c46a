import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp, safeNext, setPendingCookie, setSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.actor) redirect(303, safeNext(url.searchParams.get('next'), localizeHref('/account')));
	return { reset: url.searchParams.has('reset') };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { cookies, url, getClientAddress }) => {
		const result = await identity.signIn(values, { ip: clientIp(getClientAddress) });
		const next = safeNext(url.searchParams.get('next'), localizeHref('/account'));
		if (result.pendingToken !== undefined) {
			// the password was right; the code from the authenticator comes next, on its own page
			setPendingCookie(cookies, result.pendingToken, url, identity.PENDING_MINUTES);
			redirect(303, localizeHref('/signin/two-factor') + '?next=' + encodeURIComponent(next));
		}
		setSessionCookie(cookies, result.token, url, identity.SESSION_DAYS);
		redirect(303, next);
	})
};
