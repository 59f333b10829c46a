import { error } from '@sveltejs/kit';
import * as network from '$lib/server/network';
import type { LayoutServerLoad } from './$types';

// Network reviewers (and admins). Each page and command checks the application's scope again.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!network.can(locals.actor, 'workspace.enter')) error(403, 'forbidden');
	return {};
};
