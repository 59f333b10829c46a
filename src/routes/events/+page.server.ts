import { error } from '@sveltejs/kit';
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { getLocale, localized } from '$lib/i18n';
import { AUDIENCES, EVENT_KINDS } from '$lib/events/vocab';
import { TOPIC_GRAPH_IDS } from '$lib/topics';
import * as events from '$lib/server/events';
import * as federation from '$lib/server/federation';
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
	// on a hub: the events national platforms share, filtered the same way, on the first page
	const shared = query.page === 1 ? await federation.federatedEvents(query, now) : { items: [], more: false };
	return {
		query: { ...query, page: String(query.page) },
		items: result.items.map((i) => ({ ...events.presentSummary(i.event, i.taken, locale, now), languageNames: i.event.languages.map((l) => languageNames.of(l) ?? l) })),
		total: result.total,
		federated: shared.items.map(({ event: e, source }) => {
			const title = localized(e.title, locale);
			const startsAt = new Date(e.start);
			return {
				id: `${source.url}/${e.id}`,
				href: events.memberEventUrl(e.url, locale).href,
				title: title.text,
				titleLang: title.lang,
				isDemo: e.demo,
				kind: e.kind,
				mode: e.mode,
				place: events.placeName(e, locale),
				when: events.formatWhen({ startsAt, endsAt: new Date(e.end), timeZone: e.timeZone }, locale),
				startsAt: startsAt.toISOString(),
				languageNames: e.languages.map((l) => languageNames.of(l) ?? l),
				childAges: e.childAgeRange,
				seatsLeft: e.seatsLeft,
				past: new Date(e.end) < now,
				source: source.name || source.url,
				date: source.snapshotAt.slice(0, 10),
				unreachable: !!source.unreachable
			};
		}),
		federatedMore: shared.more,
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
