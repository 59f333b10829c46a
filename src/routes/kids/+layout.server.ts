import type { LayoutServerLoad } from './$types';

// Kids pages: the help site's quick exit goes to the same neutral site. Nothing about the visitor
// is read here; the root layout's viewer (signed-in adults only) is never cached offline, because
// the service worker fetches kids pages without cookies (static/kids-sw.js).
export const load: LayoutServerLoad = () => ({
	quickExitUrl: process.env.QUICK_EXIT_URL || 'https://www.wikipedia.org/'
});
