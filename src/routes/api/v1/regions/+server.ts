import { json } from '@sveltejs/kit';
import { countriesInRegion, regionName, REGIONS } from '$lib/geo';
import { langParam } from '$lib/server/api/params';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	try {
		const lang = langParam(url);
		const data = REGIONS.map((id) => ({ id, name: regionName(id, lang), countries: countriesInRegion(id, lang).map((c) => c.code) }));
		return json({ data }, { headers: { 'cache-control': 'public, max-age=3600' } });
	} catch (e) {
		return apiError(e);
	}
};
