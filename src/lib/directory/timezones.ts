// Time zones as a reader recognises them: the zone's name in their language (CLDR, through Intl)
// with its city, instead of the English IANA id ("heure normale d’Afrique de l’Est (Nairobi)").
import type { Locale } from '$lib/i18n';

export interface TimeZoneOption {
	/** the IANA id stored with the service */
	value: string;
	label: string;
}

const cache = new Map<Locale, TimeZoneOption[]>();
// a fixed instant, so names do not flip between summer and winter time from one request to the next
const REFERENCE = new Date(Date.UTC(2026, 0, 15, 12));

/** The city part of an IANA id: "America/Argentina/Buenos_Aires" -> "Buenos Aires" (UTC stays UTC). */
export function timeZoneCity(id: string): string {
	return (id.split('/').pop() ?? id).replace(/_/g, ' ');
}

/** The localised generic name of a zone ("East Africa Time", "Восточная Африка"). */
export function timeZoneName(id: string, locale: Locale): string {
	const part = new Intl.DateTimeFormat(locale, { timeZone: id, timeZoneName: 'longGeneric' }).formatToParts(REFERENCE).find((p) => p.type === 'timeZoneName');
	return part?.value ?? id;
}

/** Every zone the runtime knows, labelled in `locale` and sorted the locale's way. */
export function timeZoneOptions(locale: Locale): TimeZoneOption[] {
	const hit = cache.get(locale);
	if (hit) return hit;
	const collator = new Intl.Collator(locale);
	const options = Intl.supportedValuesOf('timeZone')
		.map((value) => ({ value, label: `${timeZoneName(value, locale)} (${timeZoneCity(value)})` }))
		.sort((a, b) => collator.compare(a.label, b.label));
	cache.set(locale, options);
	return options;
}
