import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { countryParam } from '$lib/server/learning';
import { presentSetSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent } from '../content.server';

export const load: PageServerLoad = async ({ url, locals }) => {
	const content = await readerContent();
	return {
		sets: content.guidelines.map(presentSetSummary),
		country: countryParam(url),
		adapted: await learning.adaptedCountries(),
		countries: listCountries(getLocale()).map((c) => ({ code: c.code, name: c.name })),
		canAdapt: (() => {
			const c = learning.adaptableCountries(locals.actor);
			return c === 'all' || c.length > 0;
		})()
	};
};
