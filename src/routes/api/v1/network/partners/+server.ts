// Accepted partners as open data: paged, filterable, public fields only (no contact person, no address).
import * as network from '$lib/server/network';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(network.PartnerListQuery, async (query) => {
	const result = await network.listDirectory({ ...query, kind: 'partner' });
	return new Response(
		JSON.stringify({
			data: result.items.map(network.presentPartnerOpenData),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			note: 'Accepted partners only, public fields only. Items with demo=true are fictional demonstration content.'
		}),
		{ headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
});
