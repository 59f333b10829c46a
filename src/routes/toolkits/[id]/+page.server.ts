import * as toolkits from '$lib/server/toolkits';
import { rethrowAsPage } from '$lib/server/platform/edge';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const t = await Promise.resolve().then(() => toolkits.getToolkit(params.id)).catch(rethrowAsPage);
	return { toolkit: toolkits.presentToolkit(t), signedIn: !!locals.actor };
};
