import { countriesInRegion, regionName, REGIONS } from '$lib/geo';
import { getLocale } from '$lib/paraglide/runtime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const locale = getLocale();
	const regions = REGIONS.map((id) => ({ id, name: regionName(id, locale), countries: countriesInRegion(id, locale) }));
	return { regions, total: regions.reduce((n, r) => n + r.countries.length, 0) };
};
