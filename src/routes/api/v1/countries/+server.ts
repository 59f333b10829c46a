import { json } from '@sveltejs/kit';
import { listCountries } from '$lib/geo';
import { CountriesQuery } from '$lib/server/api/geo';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(CountriesQuery, ({ lang = 'en', region }) => {
	const data = listCountries(lang).filter((c) => !region || c.region === region);
	return json({ data }, { headers: { 'cache-control': 'public, max-age=3600' } });
});
