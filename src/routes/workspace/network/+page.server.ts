import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { isDomainError } from '$lib/server/platform/errors';
import { parse } from '$lib/server/platform/validate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	let query: { status: string };
	try {
		query = parse(network.QueueQuery, Object.fromEntries(url.searchParams));
	} catch (e) {
		if (isDomainError(e)) error(400, 'invalid_input');
		throw e;
	}
	const locale = getLocale();
	const [rows, counts] = await Promise.all([network.listForReviewer(locals.actor, query.status), network.queueCounts(locals.actor)]);
	return {
		status: query.status,
		counts: { pending: counts.pending ?? 0, asked: counts.needs_info ?? 0 },
		rows: rows.map((a) => {
			const p = network.presentApplication(a, [], locale);
			return { id: p.id, name: p.name, kind: p.kind, isDemo: p.isDemo, countries: p.countryNames, updatedAt: p.updatedAt };
		})
	};
};
