import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { isBand } from '$lib/kids/bands';
import * as kids from '$lib/server/kids';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

// A whole scenario on one page: every node is in the HTML and choices are fragment links, so
// playing makes no request at all (with or without JavaScript).
export const load: PageServerLoad = async ({ params }) => {
	if (!isBand(params.band)) error(404, 'not_found');
	const s = kids.findScenario(params.band, params.id, await translations.hiddenLocale(getLocale()));
	if (!s) error(404, 'not_found');
	return { scenario: kids.presentScenario(s, getLocale()), helpPath: kids.helpPathOf(s.topics) };
};
