import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { setPendingCookie, setSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// The invitation link: a new person sets a name and password; someone who already has an account
// proves it with that account's password. Either way the roles arrive and they are signed in.
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	const invite = await identity.inviteForToken(params.token);
	return { invite: invite && { email: invite.email, name: invite.name, grants: invite.grants, hasAccount: invite.hasAccount } };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { params, cookies, url }) => {
		const result = values.mode === 'existing'
			? await identity.acceptInviteAsExisting({ token: params.token, current: values.current })
			: await identity.acceptInvite({ token: params.token, name: values.name, password: values.password });
		if (result.pendingToken !== undefined) {
			// the roles are granted; an account with a second factor answers it before it is signed in
			setPendingCookie(cookies, result.pendingToken, url, identity.PENDING_MINUTES);
			redirect(303, localizeHref('/signin/two-factor') + '?next=' + encodeURIComponent(localizeHref('/account')));
		}
		setSessionCookie(cookies, result.token, url, identity.SESSION_DAYS);
		redirect(303, localizeHref('/account'));
	})
};
