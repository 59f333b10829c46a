import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as progress from '$lib/server/progress';
import * as learning from '$lib/server/learning';
import * as federation from '$lib/server/federation';
import * as translations from '$lib/server/translations';
import type { LayoutServerLoad } from './$types';

// The back office is for people with a back-office role; each page and command checks its own rule.
export const load: LayoutServerLoad = ({ locals }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	const sections = {
		identity: identity.can(locals.actor, 'admin.enter'),
		invites: identity.mayManageInvites(locals.actor),
		directory: identity.isAdmin(locals.actor) || locals.actor.grants.some((g) => g.role === 'directory_moderator'),
		progress: progress.can(locals.actor, 'framework.manage', { kind: 'global' }),
		learning: learning.canLearn(locals.actor, 'content.review'),
		federation: federation.can(locals.actor, 'federation.view'),
		translations: translations.can(locals.actor, 'translations.view')
	};
	if (!Object.values(sections).some(Boolean)) error(403, 'forbidden');
	return { sections };
};
