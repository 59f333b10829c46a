import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import { readHelpQuery, toSearchParams } from '$lib/server/directory/params';
import { presentResult } from '$lib/server/directory/present';
import { localized, type LocaleMap } from '$lib/i18n';
import type { PageServerLoad } from './$types';

// Search for help. Nothing about the search is stored: no cookie, no log of the query string.
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const query = readHelpQuery(url);
	const locale = getLocale();
	const countries = listCountries(locale).map((c) => ({ code: c.code, name: c.name }));
	if (!query.country) return { query, countries, results: null, emergency: [], languages: [] };
	const country = query.country;
	const [results, emergency, languages] = await Promise.all([
		directory.search(toSearchParams({ ...query, country })),
		directory.emergencyServices(country),
		directory.languagesFor(country)
	]);
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		query,
		countries,
		results: results.map(presentResult),
		emergency: emergency.map((e) => ({ id: e.id, name: localized(e.name as LocaleMap), number: e.value, href: `tel:${e.value.replace(/[^0-9+]/g, '')}`, isDemo: e.isDemo && !e.verifiedAt })),
		languages: languages.map((code) => ({ code, name: names.of(code) ?? code }))
	};
};
