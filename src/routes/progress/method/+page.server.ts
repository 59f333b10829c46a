import { getLocale } from '$lib/i18n';
import { TIER_BANDS } from '$lib/progress/model';
import * as pub from '$lib/server/progress-public';
import type { PageServerLoad } from './$types';

// How scores are computed: the text is in the messages; the tier table comes from the progress
// model's bands, so it follows the code if they change.
export const load: PageServerLoad = () => {
	const locale = getLocale();
	const f = pub.formats(locale);
	return {
		tiers: TIER_BANDS.map((b) => ({ tier: b.tier, label: pub.tierLabel(b.tier, locale), min: f.count(b.min) }))
	};
};
