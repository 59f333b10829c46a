import type { LayoutServerLoad } from './$types';

// Where quick exit goes: a neutral, busy site. A deployment can choose one familiar locally.
export const load: LayoutServerLoad = () => ({
	quickExitUrl: process.env.QUICK_EXIT_URL || 'https://www.wikipedia.org/'
});
