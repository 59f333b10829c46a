import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import * as federation from '$lib/server/federation';
import { isUuid } from '$lib/uuid';
import { localized, type LocaleMap } from '$lib/i18n';
import { databaseDown } from '$lib/server/platform/health';
import { log } from '$lib/server/platform/log';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;
const MAX_PAGE = 1000;

/** Only the country (and the language prefix, which is in the path): what a snapshot holds. */
function isPlainCountrySearch(url: URL): boolean {
	return [...url.searchParams.keys()].every((k) => k === 'country' || k === 'page');
}

// Search for help. Nothing about the search is stored: no cookie, no log of the query string.
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const query = directory.readHelpQuery(url);
	const locale = getLocale();
	const countries = listCountries(locale).map((c) => ({ code: c.code, name: c.name }));
	if (!query.country) return { query, countries, results: null, total: 0, totalText: '0', capped: false, page: 1, pages: 1, next: null, previous: null, emergency: [], languages: [], offline: null, federated: [] };
	const country = query.country;
	const requested = Math.min(Math.max(1, Math.trunc(Number(url.searchParams.get('page'))) || 1), MAX_PAGE);
	const search = directory.toSearchParams({ ...query, country });
	// keyset paging: Next and Previous links carry the key of the page's last (first) service
	const after = directory.decodeSearchKey(url.searchParams.get('after'));
	const before = after ? undefined : directory.decodeSearchKey(url.searchParams.get('before'));
	const params = { ...search, page: requested, pageSize: PAGE_SIZE, after, before };
	let found: Awaited<ReturnType<typeof directory.searchPage>>;
	let emergency: Awaited<ReturnType<typeof directory.emergencyServices>>;
	let languages: string[];
	// set when the database is down and the page shows the last known list (if any) instead
	let offline: { savedAt: string | null } | null = null;
	// on a hub: verified services a member instance shares for this country, with their source, found by the same filters
	let federated: Awaited<ReturnType<typeof federation.federatedServices>> = [];
	try {
		[found, emergency, languages, federated] = await Promise.all([directory.searchPage(params), directory.emergencyServices(country), directory.languagesFor(country), federation.federatedServices(search)]);
		// the plain country search is kept for when the database is down (directory/snapshot.ts)
		if (requested === 1 && isPlainCountrySearch(url)) directory.saveHelpSnapshot(country, { results: found.results, total: found.total, emergency, languages });
	} catch (err) {
		if (!(await databaseDown(err))) throw err;
		// a child looking for help still gets the last known list (or at least the emergency advice)
		const snapshot = directory.helpSnapshot(country);
		log.warn('help answered without the database', { country, snapshotFrom: snapshot?.savedAt ?? null });
		found = { results: snapshot?.results.slice(0, PAGE_SIZE) ?? [], total: Math.min(snapshot?.total ?? 0, snapshot?.results.length ?? 0), capped: false, page: 1, pageSize: PAGE_SIZE, next: null, previous: null };
		emergency = snapshot?.emergency ?? [];
		languages = snapshot?.languages ?? [];
		offline = {
			savedAt: snapshot ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(snapshot.savedAt)) + ' UTC' : null
		};
	}
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		query,
		countries,
		results: found.results.map(directory.presentResult),
		total: found.total,
		// more than `total` match: counting stops at directory.COUNT_CAP; the pager then offers "next" while pages are full
		capped: found.capped,
		// "1,000" / "1 000", in Latin digits as every number on our pages
		totalText: new Intl.NumberFormat(locale, { numberingSystem: 'latn' }).format(found.total),
		page: found.page,
		pages: Math.max(1, Math.ceil(found.total / PAGE_SIZE)),
		// the key of Next, while more follow (and up to page MAX_PAGE)
		next: found.page < MAX_PAGE ? found.next : null,
		previous: found.previous,
		emergency: emergency.map((e) => ({ id: e.id, name: localized(e.name as LocaleMap), number: e.value, href: `tel:${e.value.replace(/[^0-9+]/g, '')}`, isDemo: e.isDemo && !e.verifiedAt })),
		languages: languages.map((code) => ({ code, name: names.of(code) ?? code })),
		federated: federated.map((s) => ({
			id: s.id,
			name: s.name,
			href: isUuid(s.id) ? `${s.origin}/help/services/${s.id}` : s.origin,
			source: s.source || s.origin,
			date: s.snapshotAt.toISOString().slice(0, 10),
			// the last pull failed: the list may be out of date
			unreachable: s.failures > 0
		})),
		offline
	};
};
