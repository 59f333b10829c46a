import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as events from '$lib/server/events';
import { getLocale } from '$lib/i18n';
import { formAction } from '$lib/server/platform/edge';
import { clearSessionCookie, SESSION_COOKIE } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	const [grants, me, mine] = await Promise.all([identity.grantsOf(locals.actor.id), identity.ownAccount(locals.actor.id), events.registrationsOf(locals.actor)]);
	const locale = getLocale();
	return {
		eventRegistrations: mine.map(({ r, e }) => {
			const s = events.presentSummary(e, 0, locale);
			return { id: r.id, eventId: e.id, title: s.title, titleLang: s.titleLang, when: s.when, status: r.status, certificateId: r.certificateId };
		}),
		me: me ?? { name: locals.actor.name, email: locals.actor.email },
		grants: grants.map((g) => ({ id: g.id, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue }))
	};
};

// Each form posts a hidden `form` field, so a failure shows its errors beside the right form.
export const actions: Actions = {
	profile: formAction(async ({ values }, { locals }) => {
		await identity.updateProfile(locals.actor, { name: values.name });
		return { done: 'profile' };
	}),
	password: formAction(async ({ values }, { locals, cookies }) => {
		await identity.changePassword(locals.actor, { current: values.current, password: values.password }, cookies.get(SESSION_COOKIE));
		return { done: 'password' };
	}),
	everywhere: formAction(async (_form, { locals, cookies }) => {
		await identity.signOutEverywhere(locals.actor);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/signout'));
	})
};
