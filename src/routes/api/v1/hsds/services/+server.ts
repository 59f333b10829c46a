// HSDS 3.0 services, paged (Open Referral API shape). Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import { hsdsServicePage, readHsdsListParams } from '$lib/server/directory/hsds';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		const page = await hsdsServicePage(readHsdsListParams(url));
		return json(page, { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
	} catch (e) {
		return apiError(e);
	}
};
