import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import type { LayoutServerLoad } from './$types';

// Organisers (and admins). Each page and command checks the event's scope again.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!events.can(locals.actor, 'workspace.enter')) error(403, 'forbidden');
	return {};
};
