import { json } from '@sveltejs/kit';
import { countriesInRegion, regionName, REGIONS } from '$lib/geo';
import { RegionsQuery } from '$lib/server/api/geo';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(RegionsQuery, ({ lang = 'en' }) => {
	const data = REGIONS.map((id) => ({ id, name: regionName(id, lang), countries: countriesInRegion(id, lang).map((c) => c.code) }));
	return json({ data }, { headers: { 'cache-control': 'public, max-age=3600' } });
});
