import { error } from '@sveltejs/kit';
import { countryName, listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { countryParam } from '$lib/server/learning';
import { localized, presentSectionSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent, statusHere } from '../../content.server';

export const load: PageServerLoad = async ({ params, url }) => {
	const country = countryParam(url);
	const set = await learning.readerSet(params.set, country, await readerContent());
	if (!set) error(404, 'not_found');
	const locale = getLocale();
	return {
		set: { id: set.id, audience: set.audience, ageBand: set.ageBand ?? null, title: localized(set.title), summary: localized(set.summary), status: statusHere(set) },
		sections: set.sections.map(presentSectionSummary),
		country,
		countryName: country ? (countryName(country, locale) ?? country) : null,
		adapted: await learning.adaptedCountries(set.id),
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name }))
	};
};
