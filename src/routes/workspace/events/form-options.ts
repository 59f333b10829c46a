// What the event form offers: vocabularies, countries, regions, time zones.
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { getLocale, locales } from '$lib/i18n';
import { AUDIENCES, COP_AREAS, EVENT_KINDS } from '$lib/events/vocab';
import { TOPIC_GRAPH_IDS } from '$lib/topics';

export function formOptions() {
	const locale = getLocale();
	return {
		kinds: EVENT_KINDS,
		audiences: AUDIENCES,
		areas: COP_AREAS,
		topics: TOPIC_GRAPH_IDS,
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
		regions: REGIONS.map((id) => ({ id, name: regionName(id, locale) })),
		timeZones: Intl.supportedValuesOf('timeZone'),
		languages: locales.map((l) => ({ code: l, name: new Intl.DisplayNames([locale], { type: 'language' }).of(l) ?? l }))
	};
}
