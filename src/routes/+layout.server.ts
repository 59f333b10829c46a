import * as identity from '$lib/server/identity';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	viewer: locals.actor
		? { name: locals.actor.name, isAdmin: identity.can(locals.actor, 'admin.enter') }
		: null
});
