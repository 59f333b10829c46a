import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({});

export const actions: Actions = {
	default: async ({ cookies }) => {
		const token = cookies.get(SESSION_COOKIE);
		if (token) await identity.signOut(token);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/signout'));
	}
};
