import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (!identity.can(locals.actor, 'audit.view')) error(403, 'forbidden');
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	// a page key is an entry id: a whole number, else the first page (1.5 or 1e300 would reach the database)
	const raw = Number(url.searchParams.get('before'));
	const before = Number.isSafeInteger(raw) && raw > 0 ? raw : undefined;
	const rows = await identity.audit.list({ q: q || undefined, before, limit: 50 });
	// checking the whole chain reads every entry: only when asked
	const chain = url.searchParams.get('verify') === '1' ? await identity.audit.verifyChain() : null;
	return {
		q,
		chain,
		entries: rows.map((r) => ({
			id: r.id,
			at: r.at.toISOString(),
			actor: r.actorEmail,
			action: r.action,
			entity: `${r.entityType}:${r.entityId}`,
			before: r.before == null ? null : JSON.stringify(r.before, null, 1),
			after: r.after == null ? null : JSON.stringify(r.after, null, 1)
		})),
		older: rows.length === 50 ? rows[rows.length - 1].id : null
	};
};
