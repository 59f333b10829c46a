// Published library documents as open data: full-text search, facets, paged; no personal data.
import * as library from '$lib/server/library';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(library.SearchQuery, async (query) => {
	const result = await library.search(query);
	return new Response(
		JSON.stringify({
			data: result.items.map((i) => library.presentOpenData(i.document, i.files)),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			facets: result.facets,
			note: 'Published documents only. Items with demo=true are demonstration content written for this platform.'
		}),
		{ headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
});
