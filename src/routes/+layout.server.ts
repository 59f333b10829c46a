import * as identity from '$lib/server/identity';
import * as progress from '$lib/server/progress';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	// embedded pages never read or show who is signed in
	viewer: locals.actor
		? { name: locals.actor.name, isAdmin: identity.can(locals.actor, 'admin.enter'), workspace: progress.mayEnterWorkspace(locals.actor) }
		: null
});
