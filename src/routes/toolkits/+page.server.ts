import { getLocale } from '$lib/i18n';
import * as toolkits from '$lib/server/toolkits';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({
	toolkits: toolkits.listToolkits(await translations.hiddenLocale(getLocale())).map(toolkits.presentToolkitSummary)
});
