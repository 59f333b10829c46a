import { getLocale } from '$lib/i18n';
import * as toolkits from '$lib/server/toolkits';
import * as translations from '$lib/server/translations';
import { rethrowAsPage } from '$lib/server/platform/edge';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const hidden = await translations.hiddenLocale(getLocale());
	const t = await Promise.resolve().then(() => toolkits.getToolkit(params.id, hidden)).catch(rethrowAsPage);
	return { toolkit: toolkits.presentToolkit(t), signedIn: !!locals.actor };
};
