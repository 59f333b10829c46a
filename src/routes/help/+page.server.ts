import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import { readHelpQuery, toSearchParams } from '$lib/server/directory/params';
import { presentResult } from '$lib/server/directory/present';
import { localized, type LocaleMap } from '$lib/i18n';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

// Search for help. Nothing about the search is stored: no cookie, no log of the query string.
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const query = readHelpQuery(url);
	const locale = getLocale();
	const countries = listCountries(locale).map((c) => ({ code: c.code, name: c.name }));
	if (!query.country) return { query, countries, results: null, total: 0, page: 1, pages: 1, emergency: [], languages: [] };
	const country = query.country;
	const requested = Math.min(Math.max(1, Number(url.searchParams.get('page')) || 1), 1000);
	const [found, emergency, languages] = await Promise.all([
		directory.searchPage({ ...toSearchParams({ ...query, country }), page: requested, pageSize: PAGE_SIZE }),
		directory.emergencyServices(country),
		directory.languagesFor(country)
	]);
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		query,
		countries,
		results: found.results.map(presentResult),
		total: found.total,
		page: found.page,
		pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
		emergency: emergency.map((e) => ({ id: e.id, name: localized(e.name as LocaleMap), number: e.value, href: `tel:${e.value.replace(/[^0-9+]/g, '')}`, isDemo: e.isDemo && !e.verifiedAt })),
		languages: languages.map((code) => ({ code, name: names.of(code) ?? code }))
	};
};
