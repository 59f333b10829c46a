import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import type { LayoutServerLoad } from './$types';

// The back office is for admins only. Every command below checks again on its own.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!identity.can(locals.actor, 'admin.enter')) error(403, 'forbidden');
};
