import { error } from '@sveltejs/kit';
import { countryName } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { openStatus } from '$lib/directory/hours';
import * as directory from '$lib/server/directory';
import { localized, type LocaleMap } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const found = await directory.getService(params.id);
	if (!found) error(404, 'not_found');
	setHeaders({ 'cache-control': 'no-store' });
	const locale = getLocale();
	const now = new Date();
	const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		service: {
			...directory.presentServiceSummary({ ...found.service, organizationName: found.organization.name as Record<string, string> }),
			updatedAt: found.service.updatedAt.toISOString().slice(0, 10),
			source: found.service.source,
			organizationWebsite: found.organization.website
		},
		countryNames: found.service.countries.map((c) => (c === 'ZZ' ? null : (countryName(c, locale) ?? c))),
		languageNames: found.service.languages.map((l) => languageNames.of(l) ?? l),
		channels: directory.presentChannels(found.channels.map((c) => ({ ...c, status: openStatus(c.hours, now) }))),
		organizationName: localized(found.organization.name as LocaleMap)
	};
};
