import { getLocale, href } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import * as federation from '$lib/server/federation';
import type { PageServerLoad } from './$types';

// Countries with help services: this platform's own, and the verified ones national platforms share
// with it (federation), with whom they come from and the date of their snapshot.
export const load: PageServerLoad = async () => {
	const [own, shared] = await Promise.all([directory.coverage(), federation.federatedCoverage()]);
	const locale = getLocale();
	return {
		...directory.presentHelpMap(own, locale, href('/help'), shared.coverage),
		sources: shared.sources.map((s) => ({ name: s.name, origin: s.origin, snapshotAt: s.snapshotAt.toISOString().slice(0, 10) }))
	};
};
