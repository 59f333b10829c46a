import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import * as library from '$lib/server/library';
import * as network from '$lib/server/network';
import * as participation from '$lib/server/participation';
import * as progress from '$lib/server/progress';
import type { LayoutServerLoad } from './$types';

// The workspace is for focal points, validators, coordinators, organisers, safeguarding reviewers,
// editors (library) and network reviewers (and admins): everyone whose section lives under it, so
// that /workspace/library and /workspace/network open for their editors and reviewers too. Each
// page checks its own rule again.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	const sections = [
		progress.mayEnterWorkspace(locals.actor),
		participation.mayEnterWorkspace(locals.actor),
		events.can(locals.actor, 'workspace.enter'),
		library.can(locals.actor, 'workspace.enter'),
		network.can(locals.actor, 'workspace.enter')
	];
	if (!sections.some(Boolean)) error(403, 'forbidden');
	return {};
};
