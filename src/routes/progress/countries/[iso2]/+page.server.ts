import { error, redirect } from '@sveltejs/kit';
import { isCountryCode } from '$lib/geo';
import { getLocale, href } from '$lib/i18n';
import { db } from '$lib/server/db';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// Country dashboard: scores by area against region and world, indicators (hidden ones marked
// not public), legal measures, trends, tier and roadmap completion.
export const load: PageServerLoad = async ({ params, url }) => {
	const code = params.iso2.toUpperCase();
	if (!/^[A-Z]{2}$/.test(code) || !isCountryCode(code)) error(404, 'not_found');
	if (code !== params.iso2) redirect(308, href(`/progress/countries/${code}`) + url.search);
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) error(400, 'progress_bad_period');
	const locale = getLocale();
	const data = await pub.loadScope(db(), { kind: 'country', country: code }, period);
	const f = pub.formats(locale);
	return {
		country: code,
		doc: pub.buildReport(data, { locale, mode: 'dashboard' }),
		periods: data.periods,
		periodLabels: data.periods.map(f.year),
		period: data.period
	};
};
