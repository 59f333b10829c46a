import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import type { PageServerLoad } from './$types';

const PAGE = 50;

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!identity.can(locals.actor, 'user.list')) error(403, 'forbidden');
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const page = Math.max(1, Math.min(10_000, Math.trunc(Number(url.searchParams.get('page'))) || 1));
	const { users, total } = await identity.listUsers(locals.actor, { q, limit: PAGE, offset: (page - 1) * PAGE });
	return {
		q,
		page,
		pages: Math.max(1, Math.ceil(total / PAGE)),
		total,
		users: users.map((u) => ({ id: u.id, name: u.name, email: u.email, createdAt: u.createdAt.toISOString().slice(0, 10) }))
	};
};
