// Accepted experts as open data: only what each expert chose to make public; never an address.
import * as network from '$lib/server/network';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(network.ExpertListQuery, async (query) => {
	const result = await network.listDirectory({ ...query, kind: 'expert' });
	return new Response(
		JSON.stringify({
			data: result.items.map(network.presentExpertOpenData),
			page: result.page,
			pageSize: result.pageSize,
			total: result.total,
			note: 'Accepted experts only; a field an expert keeps private is null. Items with demo=true are fictional demonstration content.'
		}),
		{ headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } }
	);
});
