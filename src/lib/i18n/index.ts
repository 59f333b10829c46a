// Language helpers shared by every page: the six UN languages, text direction, localised links,
// and reading authored locale maps with a visible fallback to English.
import { getLocale, locales, localizeHref, type Locale } from '$lib/paraglide/runtime';
export { getLocale, locales, localizeHref, type Locale };

export const LANGUAGE_NAMES: Record<Locale, string> = {
	en: 'English',
	fr: 'Français',
	es: 'Español',
	ru: 'Русский',
	zh: '中文',
	ar: 'العربية'
};

export function dirOf(locale: string): 'rtl' | 'ltr' {
	return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Authored text in several languages: `{ en: "...", fr: "..." }`. */
export type LocaleMap = Partial<Record<Locale, string>> & { en?: string };

export interface LocalizedText {
	text: string;
	/** the language the text is really in */
	lang: Locale;
	/** true when the reader's language was missing and another was used */
	fallback: boolean;
}

/**
 * Reads a locale map in the reader's language, falling back to English (then any language present).
 * Pages show `fallback` with a "not yet translated" marker and the real `lang` attribute.
 */
export function localized(map: LocaleMap | null | undefined, locale: Locale = getLocale()): LocalizedText {
	const wanted = map?.[locale];
	if (wanted) return { text: wanted, lang: locale, fallback: false };
	if (map?.en) return { text: map.en, lang: 'en', fallback: locale !== 'en' };
	for (const l of locales) {
		const t = map?.[l];
		if (t) return { text: t, lang: l, fallback: true };
	}
	return { text: '', lang: locale, fallback: locale !== 'en' };
}

/** A path in the reader's language: `/help` -> `/fr/help`. */
export function href(path: string, locale: Locale = getLocale()): string {
	// the home page of a language is `/fr`, not `/fr/` (which answers with a 308 to `/fr`): link to the final address
	return localizeHref(path, { locale }).replace(/^(\/[a-z]{2})\/(?=$|[?#])/, '$1');
}

/** Wraps a phone number, code or address so it reads left to right inside any sentence (Unicode isolate). */
export function ltr(text: string): string {
	return String.fromCharCode(0x2066) + text + String.fromCharCode(0x2069);
}
