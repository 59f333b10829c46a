import { error } from '@sveltejs/kit';
import { listCountries, REGIONS, regionName } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import * as progress from '$lib/server/progress';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// The status report as an HTML page: choose a scope and a period (GET form), read the report,
// print it or download it as PDF.
export const load: PageServerLoad = async ({ url }) => {
	const scope = pub.parseScope(url.searchParams.get('scope'));
	if (!scope) error(400, 'progress_bad_scope');
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) error(400, 'progress_bad_period');
	const locale = getLocale();
	const data = await pub.loadScope(db(), scope, period);
	if (period !== undefined && !data.periods.includes(period)) error(400, 'progress_bad_period');
	const f = pub.formats(locale);
	// countries with a published result in the period shown (and the one asked for), for the scope selector
	const withResults = new Set(data.period !== null ? (await progress.publishedCountryResults(db(), { period: data.period })).map((r) => r.country) : []);
	if (scope.kind === 'country') withResults.add(scope.country);
	return {
		doc: pub.buildReport(data, { locale, mode: 'report' }),
		scope: pub.scopeParam(scope),
		period: data.period,
		periods: data.periods.map((p) => ({ value: p, label: f.year(p) })),
		scopes: [
			{ group: null, options: [{ value: 'world', label: m.progress_pub_world() }] },
			{ group: m.progress_pub_regions(), options: REGIONS.map((r) => ({ value: r, label: regionName(r, locale) })) },
			{ group: m.progress_pub_country(), options: listCountries(locale).filter((c) => withResults.has(c.code)).map((c) => ({ value: c.code, label: c.name })) }
		]
	};
};
