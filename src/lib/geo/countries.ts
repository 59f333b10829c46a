/**
 * Country names in the platform's six languages, and the ITU region of each country.
 *
 * Country names come from the `i18n-iso-countries` package and its locale files;
 * they are never typed by hand here. Only the six region names (regionName) are
 * typed in this file, because no package provides them.
 *
 * Runs in the browser, in SvelteKit SSR, under vitest and under tsx on Node 20:
 *   - The package is CommonJS, so it is imported as a default import (Node's ESM
 *     loader exposes only `default` for it; named imports would fail under tsx/Node).
 *   - Its locale files are imported as JSON with the `with { type: 'json' }` import
 *     attribute, which Node's native ESM loader requires and Vite/esbuild accept.
 *   - We register the six locales ourselves: the package's browser build registers
 *     none, while its Node entry registers all of them (registering again is harmless).
 */
import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import es from 'i18n-iso-countries/langs/es.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import ru from 'i18n-iso-countries/langs/ru.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import { locales } from '../paraglide/runtime';
import { REGION_OF, type RegionId } from './regions';

/** The platform's languages: Paraglide's list (project.inlang), the one source. */
export const LOCALES = locales;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

for (const data of [en, fr, es, ru, zh, ar]) countries.registerLocale(data);

/** All ISO 3166-1 alpha-2 codes the package knows (uppercase). */
const CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()));

/** Every alpha-2 code known to i18n-iso-countries, in the package's order. */
export function allCountryCodes(): string[] {
	return [...CODES];
}

/**
 * True only for an uppercase ISO 3166-1 alpha-2 code that the package knows.
 * Lowercase ('ke'), alpha-3 ('KEN'), numeric and unknown codes ('XX') are rejected.
 */
export function isCountryCode(code: string): boolean {
	return typeof code === 'string' && /^[A-Z]{2}$/.test(code) && CODES.has(code);
}

/**
 * The package's official short name of `code` in `locale`, falling back to English.
 * Undefined when `code` is not a valid uppercase alpha-2 code (see isCountryCode).
 */
export function countryName(code: string, locale: Locale): string | undefined {
	if (!isCountryCode(code)) return undefined;
	return countries.getName(code, locale) || countries.getName(code, 'en') || undefined;
}

/** ITU region of an alpha-2 code, or undefined for anything that is not one. */
export function regionOf(code: string): RegionId | undefined {
	if (!isCountryCode(code)) return undefined;
	return Object.prototype.hasOwnProperty.call(REGION_OF, code) ? REGION_OF[code] : undefined;
}

export interface CountryEntry {
	code: string;
	name: string;
	region: RegionId;
}

const collators = new Map<Locale, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
	let c = collators.get(locale);
	if (!c) {
		c = new Intl.Collator(locale);
		collators.set(locale, c);
	}
	return c;
}

const listCache = new Map<Locale, readonly CountryEntry[]>();

function buildList(locale: Locale): readonly CountryEntry[] {
	const entries: CountryEntry[] = [];
	for (const code of CODES) {
		const region = regionOf(code);
		const name = countryName(code, locale);
		// regions.ts covers every code (enforced by geo.test.ts); skip defensively if not.
		if (!region || !name) continue;
		entries.push({ code, name, region });
	}
	const cmp = collator(locale);
	entries.sort((a, b) => cmp.compare(a.name, b.name) || (a.code < b.code ? -1 : 1));
	return entries.map((e) => Object.freeze(e));
}

/** Every country/territory with its name in `locale`, sorted by name with Intl.Collator(locale). */
export function listCountries(locale: Locale): CountryEntry[] {
	let list = listCache.get(locale);
	if (!list) {
		list = buildList(locale);
		listCache.set(locale, list);
	}
	return [...list];
}

/** The countries/territories of one region, sorted by name in `locale`. */
export function countriesInRegion(region: RegionId, locale: Locale): CountryEntry[] {
	return listCountries(locale).filter((c) => c.region === region);
}

/**
 * Region names as ITU uses them in its six official languages.
 * These are the only names typed by hand in this module.
 */
const REGION_NAMES: Readonly<Record<Locale, Readonly<Record<RegionId, string>>>> = {
	en: {
		africa: 'Africa',
		americas: 'Americas',
		arab_states: 'Arab States',
		asia_pacific: 'Asia-Pacific',
		cis: 'CIS',
		europe: 'Europe'
	},
	fr: {
		africa: 'Afrique',
		americas: 'Amériques',
		arab_states: 'États arabes',
		asia_pacific: 'Asie-Pacifique',
		cis: 'CEI',
		europe: 'Europe'
	},
	es: {
		africa: 'África',
		americas: 'Américas',
		arab_states: 'Estados Árabes',
		asia_pacific: 'Asia-Pacífico',
		cis: 'CEI',
		europe: 'Europa'
	},
	ru: {
		africa: 'Африка',
		americas: 'Северная и Южная Америка',
		arab_states: 'Арабские государства',
		asia_pacific: 'Азиатско-Тихоокеанский регион',
		cis: 'СНГ',
		europe: 'Европа'
	},
	zh: {
		africa: '非洲',
		americas: '美洲',
		arab_states: '阿拉伯国家',
		asia_pacific: '亚太',
		cis: '独联体',
		europe: '欧洲'
	},
	ar: {
		africa: 'أفريقيا',
		americas: 'الأمريكتان',
		arab_states: 'الدول العربية',
		asia_pacific: 'آسيا والمحيط الهادئ',
		cis: 'كومنولث الدول المستقلة',
		europe: 'أوروبا'
	}
};

/** The name of an ITU region in `locale` (English if the locale is unknown). */
export function regionName(region: RegionId, locale: Locale): string {
	return (REGION_NAMES[locale] ?? REGION_NAMES.en)[region];
}
