import { error } from '@sveltejs/kit';
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { AUDIENCES, EVENT_KINDS } from '$lib/events/vocab';
import { TOPIC_GRAPH_IDS } from '$lib/topics';
import * as events from '$lib/server/events';
import { parse } from '$lib/server/platform/validate';
import { isDomainError } from '$lib/server/platform/errors';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	let query: events.ListQuery;
	try {
		query = parse(events.ListQuery, Object.fromEntries(url.searchParams));
	} catch (e) {
		if (isDomainError(e)) error(400, 'invalid_input');
		throw e;
	}
	const locale = getLocale();
	const now = new Date();
	const result = await events.listPublic(query, now);
	const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		query: { ...query, page: String(query.page) },
		items: result.items.map((i) => ({ ...events.presentSummary(i.event, i.taken, locale, now), languageNames: i.event.languages.map((l) => languageNames.of(l) ?? l) })),
		total: result.total,
		page: result.page,
		pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
		options: {
			countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
			regions: REGIONS.map((id) => ({ id, name: regionName(id, locale) })),
			kinds: EVENT_KINDS,
			audiences: AUDIENCES,
			topics: TOPIC_GRAPH_IDS,
			languages: ['en', 'fr', 'es', 'ru', 'zh', 'ar', 'pt', 'sw'].map((l) => ({ code: l, name: languageNames.of(l) ?? l }))
		}
	};
};
