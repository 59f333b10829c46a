import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { localizeHref } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	const grants = await identity.grantsOf(locals.actor.id);
	return {
		me: { name: locals.actor.name, email: locals.actor.email },
		grants: grants.map((g) => ({ id: g.id, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue }))
	};
};
