import * as mail from '$lib/server/mail';
import * as identity from '$lib/server/identity';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const { total } = await identity.listUsers(locals.actor, { limit: 1 });
	return { users: total, outbox: await mail.countByStatus() };
};
