// What the document form offers: vocabularies, languages, countries.
import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { CONTRIBUTION_STATUSES, COP_AREAS, DOCUMENT_LANGUAGES, DOCUMENT_TYPES } from '$lib/library/vocab';
import { TOPIC_GRAPH_IDS } from '$lib/topics';

export function formOptions() {
	const locale = getLocale();
	const names = new Intl.DisplayNames([locale], { type: 'language' });
	return {
		types: DOCUMENT_TYPES,
		areas: COP_AREAS,
		topics: TOPIC_GRAPH_IDS,
		statuses: CONTRIBUTION_STATUSES,
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
		languages: DOCUMENT_LANGUAGES.map((l) => ({ code: l, name: names.of(l) ?? l }))
	};
}
