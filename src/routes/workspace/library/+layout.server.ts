import { error } from '@sveltejs/kit';
import * as library from '$lib/server/library';
import type { LayoutServerLoad } from './$types';

// Editors (and admins). Each page and command checks the document's scope again.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!library.can(locals.actor, 'workspace.enter')) error(403, 'forbidden');
	return {};
};
