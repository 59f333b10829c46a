import type { LayoutServerLoad } from './$types';

// Have your say: the kids zone's quick exit; nothing about the visitor is read here.
export const load: LayoutServerLoad = () => ({
	quickExitUrl: process.env.QUICK_EXIT_URL || 'https://www.wikipedia.org/'
});
