import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { setSessionCookie } from '$lib/server/platform/http';
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
		const { token } = values.mode === 'existing'
			? await identity.acceptInviteAsExisting({ token: params.token, current: values.current })
			: await identity.acceptInvite({ token: params.token, name: values.name, password: values.password });
		setSessionCookie(cookies, token, url, identity.SESSION_DAYS);
		redirect(303, localizeHref('/account'));
	})
};
