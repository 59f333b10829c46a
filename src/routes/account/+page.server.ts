import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { clearSessionCookie, failWith, SESSION_COOKIE } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	const [grants, me] = await Promise.all([identity.grantsOf(locals.actor.id), identity.ownAccount(locals.actor.id)]);
	return {
		me: me ?? { name: locals.actor.name, email: locals.actor.email },
		grants: grants.map((g) => ({ id: g.id, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue }))
	};
};

export const actions: Actions = {
	profile: async ({ request, locals }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await identity.updateProfile(locals.actor, { name: values.name });
		} catch (e) {
			return failWith(e, { name: values.name ?? '', form: 'profile' });
		}
		return { done: 'profile' };
	},
	password: async ({ request, locals, cookies }) => {
		try {
			const values = await readForm(request);
			await identity.changePassword(locals.actor, { current: values.current, password: values.password }, cookies.get(SESSION_COOKIE));
		} catch (e) {
			return failWith(e, { form: 'password' });
		}
		return { done: 'password' };
	},
	everywhere: async ({ locals, cookies }) => {
		try {
			await identity.signOutEverywhere(locals.actor);
		} catch (e) {
			return failWith(e);
		}
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/signout'));
	}
};
