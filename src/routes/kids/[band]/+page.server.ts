import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { isBand } from '$lib/kids/bands';
import * as kids from '$lib/server/kids';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

// One age band's stories, scenarios or dilemmas. Any visitor may open any band: the band in the
// path is a page, not a record of who is reading.
export const load: PageServerLoad = async ({ params }) => {
	if (!isBand(params.band)) error(404, 'not_found');
	const locale = getLocale();
	const hidden = await translations.hiddenLocale(locale);
	const course = kids.courseFor(params.band, hidden);
	return { band: params.band, cards: kids.scenariosFor(params.band, hidden).map((s) => kids.presentCard(s, locale)), course: course ? kids.presentCourse(course, locale) : null };
};
