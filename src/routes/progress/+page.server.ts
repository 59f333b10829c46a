import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// World dashboard: map by tier, world and regional roll-ups, scores by area, trends, roadmaps.
export const load: PageServerLoad = async ({ url }) => {
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) error(400, 'progress_bad_period');
	const locale = getLocale();
	const data = await pub.loadScope(db(), { kind: 'world' }, period);
	const f = pub.formats(locale);
	return {
		doc: pub.buildReport(data, { locale, mode: 'dashboard' }),
		periods: data.periods,
		periodLabels: data.periods.map(f.year),
		period: data.period
	};
};
