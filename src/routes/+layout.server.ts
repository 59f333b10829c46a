import * as identity from '$lib/server/identity';
import * as participation from '$lib/server/participation';
import * as progress from '$lib/server/progress';
import * as events from '$lib/server/events';
import * as library from '$lib/server/library';
import * as network from '$lib/server/network';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	// embedded pages never read or show who is signed in
	viewer: locals.actor
		? { name: locals.actor.name, isAdmin: identity.can(locals.actor, 'admin.enter'), workspace: progress.mayEnterWorkspace(locals.actor), eventsWorkspace: events.can(locals.actor, 'workspace.enter'), libraryWorkspace: library.can(locals.actor, 'workspace.enter'), participation: participation.mayEnterWorkspace(locals.actor), networkWorkspace: network.can(locals.actor, 'workspace.enter') }
		: null
});
