import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { isBand } from '$lib/kids/bands';
import { helpPathFor } from '$lib/topics';
import * as kids from '$lib/server/kids';
import type { PageServerLoad } from './$types';

// A whole scenario on one page: every node is in the HTML and choices are fragment links, so
// playing makes no request at all (with or without JavaScript).
export const load: PageServerLoad = ({ params }) => {
	if (!isBand(params.band)) error(404, 'not_found');
	const s = kids.findScenario(params.band, params.id);
	if (!s) error(404, 'not_found');
	return { scenario: kids.presentScenario(s, getLocale()), helpPath: helpPathFor(s.topics.find((t) => t !== 'get_help' && t !== 'talk_it_out') ?? s.topics[0]) };
};
