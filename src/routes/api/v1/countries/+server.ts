import { json } from '@sveltejs/kit';
import { isRegionId, listCountries } from '$lib/geo';
import { langParam } from '$lib/server/api/params';
import { ValidationError } from '$lib/server/platform/errors';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	try {
		const lang = langParam(url);
		const region = url.searchParams.get('region');
		if (region !== null && !isRegionId(region)) throw new ValidationError({ region: 'region_invalid' });
		const data = listCountries(lang).filter((c) => !region || c.region === region);
		return json({ data }, { headers: { 'cache-control': 'public, max-age=3600' } });
	} catch (e) {
		return apiError(e);
	}
};
