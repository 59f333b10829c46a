import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	return { email: locals.actor.email };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { locals, url }) => {
		await identity.requestEmailChange(locals.actor, { email: values.email, current: values.current }, { origin: url.origin });
		return { sent: values.email.trim().toLowerCase() };
	})
};
