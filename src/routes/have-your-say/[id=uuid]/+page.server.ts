import { rethrowAsPage } from '$lib/server/platform/edge';
import { AGE_BANDS } from '$lib/participation/types';
import * as participation from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

// One consultation: all questions on one page, posted as a plain form. The band and country from
// the list travel in the query string only to pre-select the same choices on this page.
export const load: PageServerLoad = async ({ params, url }) => {
	const c = await participation.getPublicConsultation(params.id).catch(rethrowAsPage);
	const band = url.searchParams.get('band');
	const country = url.searchParams.get('country')?.toUpperCase() ?? null;
	return {
		c: participation.presentConsultation(c, participation.isoDay(new Date())),
		band: band && (AGE_BANDS as readonly string[]).includes(band) ? band : null,
		country: country && c.countries.includes(country) ? country : null
	};
};

export const actions: Actions = {
	default: participation.answerAction((event) => event.params.id!)
};
