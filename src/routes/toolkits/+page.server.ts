import * as toolkits from '$lib/server/toolkits';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	toolkits: toolkits.listToolkits().map(toolkits.presentToolkitSummary)
});
