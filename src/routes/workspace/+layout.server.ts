import { error } from '@sveltejs/kit';
import * as progress from '$lib/server/progress';
import type { LayoutServerLoad } from './$types';

// The assessment workspace is for focal points, validators, coordinators (and admins). Each page checks its own rule again.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!progress.mayEnterWorkspace(locals.actor)) error(403, 'forbidden');
	return {};
};
