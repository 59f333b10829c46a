import { error } from '@sveltejs/kit';
import { localized } from '$lib/i18n';
import * as participation from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

// A campaign page (e.g. "Tell us how you find help online"): the campaign's words, then the consultation itself.
export const load: PageServerLoad = async ({ params }) => {
	if (!/^[a-z0-9-]{3,60}$/.test(params.slug)) error(404, 'not_found');
	const c = await participation.getByCampaign(params.slug);
	const intro = Object.keys(c.campaignIntro ?? {}).length ? localized(c.campaignIntro) : null;
	return { c: participation.presentConsultation(c, participation.isoDay(new Date())), intro, slug: params.slug };
};

export const actions: Actions = {
	default: participation.answerAction(async (event) => (await participation.getByCampaign(event.params.slug!)).id)
};
