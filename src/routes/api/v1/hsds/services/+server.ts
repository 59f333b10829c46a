// HSDS 3.0 services, paged (Open Referral API shape). Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import { hsds, openapi } from '$lib/server/directory';
import { apiHandler } from '$lib/server/platform/edge';

// the schema checks each parameter's form; the directory resolves the term and the date
export const GET = apiHandler(openapi.HsdsServicesQuery, async (_query, { url }) =>
	json(await hsds.hsdsServicePage(hsds.readHsdsListParams(url)), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } })
);
