import * as mail from '$lib/server/mail';
import * as identity from '$lib/server/identity';
import * as directory from '$lib/server/directory';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, parent }) => {
	const { sections } = await parent();
	return {
		users: sections.identity ? (await identity.listUsers(locals.actor, { limit: 1 })).total : null,
		outbox: sections.identity ? await mail.countByStatus() : null,
		pending: sections.directory ? (await directory.moderationQueue(locals.actor, 500)).length : null
	};
};
