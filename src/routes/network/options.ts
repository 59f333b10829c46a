// The choices the network forms and filters offer, in the reader's language.
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { EXPERTISE_FIELDS, fieldLabel, NETWORK_LANGUAGES, SECTORS } from '$lib/network/vocab';
import type { Locale } from '$lib/paraglide/runtime';
import { TOPIC_GRAPH_IDS } from '$lib/topics';

export function networkOptions(locale: Locale) {
	const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
		regions: REGIONS.map((id) => ({ id, name: regionName(id, locale) })),
		sectors: [...SECTORS],
		fields: Object.keys(EXPERTISE_FIELDS).map((id) => ({ id, name: fieldLabel(id, locale) })),
		topics: [...TOPIC_GRAPH_IDS],
		languages: NETWORK_LANGUAGES.map((l) => ({ code: l, name: languageNames.of(l) ?? l }))
	};
}
export type NetworkOptions = ReturnType<typeof networkOptions>;
