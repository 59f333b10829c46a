// Public events as open data: paged, filterable, no personal data (no registrations, no online link).
import * as events from '$lib/server/events';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(events.ListQuery, async (query) => {
	const result = await events.listPublic(query);
	return new Response(
		JSON.stringify({
			data: result.items.map((i) => events.presentOpenData(i.event, i.taken)),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			note: 'Published events only. Items with demo=true are demonstration content and will not take place.'
		}),
		{ headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
});
