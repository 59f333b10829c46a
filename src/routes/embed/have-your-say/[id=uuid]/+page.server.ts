import { rethrowAsPage } from '$lib/server/platform/edge';
import * as participation from '$lib/server/participation';
import type { Actions, PageServerLoad } from './$types';

// A consultation other sites (a school, a campaign partner) put in an iframe: no site chrome, no
// cookie, no session read. hooks.server.ts lets any /embed page be framed.
export const load: PageServerLoad = async ({ params }) => {
	const c = await participation.getPublicConsultation(params.id).catch(rethrowAsPage);
	return { c: participation.presentConsultation(c, participation.isoDay(new Date())) };
};

export const actions: Actions = {
	default: participation.answerAction((event) => event.params.id!)
};
