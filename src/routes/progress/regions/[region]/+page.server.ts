import { error } from '@sveltejs/kit';
import { isRegionId } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// Regional dashboard: the region's roll-up (or "fewer than 3 countries"), its countries, trends.
export const load: PageServerLoad = async ({ params, url }) => {
	if (!isRegionId(params.region)) error(404, 'not_found');
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) error(400, 'progress_bad_period');
	const locale = getLocale();
	const data = await pub.loadScope(db(), { kind: 'region', region: params.region }, period);
	const f = pub.formats(locale);
	return {
		region: params.region,
		doc: pub.buildReport(data, { locale, mode: 'dashboard' }),
		periods: data.periods,
		periodLabels: data.periods.map(f.year),
		period: data.period
	};
};
