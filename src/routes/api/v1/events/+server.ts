// Public events as open data: paged, filterable, no personal data (no registrations, no online link).
// On a hub, page 1 also lists under `shared` the events national platforms share with it, filtered
// the same way, each with its source (registration happens on the source's own page).
import * as events from '$lib/server/events';
import * as federation from '$lib/server/federation';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(events.ListQuery, async (query) => {
	const now = new Date();
	const [result, shared] = await Promise.all([
		events.listPublic(query, now),
		query.page === 1 ? federation.federatedEvents(query, now) : Promise.resolve({ items: [], more: false })
	]);
	return new Response(
		JSON.stringify({
			data: result.items.map((i) => events.presentOpenData(i.event, i.taken)),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			shared: shared.items.map(({ event, source }) => ({ ...event, source: { name: source.name, url: source.url, snapshotAt: source.snapshotAt, unreachable: source.unreachable } })),
			sharedMore: shared.more,
			note: 'Published events only. Items with demo=true are demonstration content and will not take place. `shared` (page 1 only) holds events national platforms share with this hub: register on their own pages (`url`).'
		}),
		{ headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
});
