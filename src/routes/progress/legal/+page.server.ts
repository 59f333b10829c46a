import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { db } from '$lib/server/db';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// Legal-measures tracker: ?country=KE&country=GH (side by side), ?protection=<question id> (map), ?period=YYYY.
export const load: PageServerLoad = async ({ url }) => {
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) error(400, 'progress_bad_period');
	try {
		const tracker = await pub.legalTracker(db(), {
			locale: getLocale(),
			period,
			countries: url.searchParams.getAll('country').filter((c) => c !== ''),
			protection: url.searchParams.get('protection') || null
		});
		return { tracker, max: pub.MAX_COMPARE };
	} catch (e) {
		if (e instanceof pub.LegalInputError) error(400, e.message === 'protection' ? 'progress_bad_protection' : 'progress_bad_country');
		throw e;
	}
};
