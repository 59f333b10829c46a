import { describe, it, expect } from 'vitest';
import countries from 'i18n-iso-countries';
import {
	ITU_REGION_MEMBERS,
	LOCALES,
	REGIONS,
	REGION_OF,
	TERRITORIES,
	allCountryCodes,
	countriesInRegion,
	countryName,
	isCountryCode,
	isRegionId,
	listCountries,
	regionName,
	regionOf,
	type RegionId
} from './index';

const PACKAGE_CODES = Object.keys(countries.getAlpha2Codes());

const ARAB_LEAGUE = [
	'DZ', 'BH', 'KM', 'DJ', 'EG', 'IQ', 'JO', 'KW', 'LB', 'LY', 'MR',
	'MA', 'OM', 'PS', 'QA', 'SA', 'SO', 'SD', 'SY', 'TN', 'AE', 'YE'
];

describe('regions', () => {
	it('the package knows about 250 alpha-2 codes', () => {
		expect(PACKAGE_CODES.length).toBeGreaterThanOrEqual(245);
		expect(PACKAGE_CODES.length).toBeLessThanOrEqual(255);
		expect(allCountryCodes().sort()).toEqual([...PACKAGE_CODES].sort());
	});

	it('every alpha-2 code from the package has a region', () => {
		const missing = PACKAGE_CODES.filter((c) => !isRegionId(REGION_OF[c]));
		expect(missing).toEqual([]);
		for (const c of PACKAGE_CODES) expect(regionOf(c)).toBe(REGION_OF[c]);
	});

	it('lists no code the package does not know, and no code twice', () => {
		const listed = [
			...REGIONS.flatMap((r) => ITU_REGION_MEMBERS[r]),
			...Object.keys(TERRITORIES)
		];
		expect(listed.filter((c) => !PACKAGE_CODES.includes(c))).toEqual([]);
		const seen = new Set<string>();
		const dupes = listed.filter((c) => (seen.has(c) ? true : (seen.add(c), false)));
		expect(dupes).toEqual([]);
		expect(Object.keys(REGION_OF).sort()).toEqual([...PACKAGE_CODES].sort());
	});

	it('has plausible member counts per region (193 ITU Member States + Palestine)', () => {
		const n = (r: RegionId) => ITU_REGION_MEMBERS[r].length;
		expect(n('africa')).toBeGreaterThanOrEqual(42);
		expect(n('africa')).toBeLessThanOrEqual(46);
		expect(n('americas')).toBe(35);
		expect(n('arab_states')).toBe(22);
		expect(n('asia_pacific')).toBeGreaterThanOrEqual(36);
		expect(n('asia_pacific')).toBeLessThanOrEqual(40);
		expect(n('cis')).toBeGreaterThanOrEqual(8);
		expect(n('cis')).toBeLessThanOrEqual(12);
		expect(n('europe')).toBeGreaterThanOrEqual(43);
		expect(n('europe')).toBeLessThanOrEqual(49);
		expect(REGIONS.reduce((sum, r) => sum + n(r), 0)).toBe(194);
	});

	it('Arab States are exactly the 22 Arab League members', () => {
		expect([...ITU_REGION_MEMBERS.arab_states].sort()).toEqual([...ARAB_LEAGUE].sort());
		for (const c of ARAB_LEAGUE) expect(regionOf(c)).toBe('arab_states');
	});

	it('places well-known members as ITU does', () => {
		expect(regionOf('KE')).toBe('africa');
		expect(regionOf('ZA')).toBe('africa');
		expect(regionOf('BR')).toBe('americas');
		expect(regionOf('US')).toBe('americas');
		expect(regionOf('IR')).toBe('asia_pacific');
		expect(regionOf('AF')).toBe('asia_pacific');
		expect(regionOf('PK')).toBe('asia_pacific');
		expect(regionOf('AU')).toBe('asia_pacific');
		expect(regionOf('RU')).toBe('cis');
		expect(regionOf('KZ')).toBe('cis');
		expect(regionOf('TR')).toBe('europe');
		expect(regionOf('IL')).toBe('europe');
		expect(regionOf('CY')).toBe('europe');
	});

	it('territories are not ITU members and get a region', () => {
		expect(regionOf('PR')).toBe('americas');
		expect(regionOf('GL')).toBe('americas');
		expect(regionOf('HK')).toBe('asia_pacific');
		expect(regionOf('NC')).toBe('asia_pacific');
		expect(isRegionId(regionOf('AQ'))).toBe(true);
		expect(isRegionId(regionOf('BV'))).toBe(true);
	});

	it('regionOf rejects non-codes', () => {
		for (const bad of ['ke', 'XX', '', 'KEN', 'constructor', '__proto__', '404']) {
			expect(regionOf(bad)).toBeUndefined();
		}
	});
});

describe('country names', () => {
	it('exist in all six locales for every code and are not the code itself', () => {
		for (const locale of LOCALES) {
			for (const code of PACKAGE_CODES) {
				const name = countryName(code, locale);
				expect(typeof name, `${code}/${locale}`).toBe('string');
				expect(name!.trim().length, `${code}/${locale}`).toBeGreaterThan(0);
				expect(name, `${code}/${locale}`).not.toBe(code);
			}
		}
	});

	it('Arabic and Chinese names actually differ from English', () => {
		for (const code of ['KE', 'FR', 'CN', 'EG']) {
			const en = countryName(code, 'en');
			expect(countryName(code, 'ar')).not.toBe(en);
			expect(countryName(code, 'zh')).not.toBe(en);
			expect(countryName(code, 'ru')).not.toBe(en);
		}
		expect(countryName('KE', 'en')).toBe('Kenya');
		expect(countryName('KE', 'ar')).toMatch(/[\u0600-\u06FF]/);
		expect(countryName('KE', 'zh')).toMatch(/[\u4E00-\u9FFF]/);
		expect(countryName('FR', 'fr')).toBe('France');
		expect(countryName('DE', 'fr')).toBe('Allemagne');
		expect(countryName('DE', 'es')).toBe('Alemania');
	});

	it('returns undefined for non-codes (no alpha-3 or numeric look-ups)', () => {
		expect(countryName('KEN', 'en')).toBeUndefined();
		expect(countryName('404', 'en')).toBeUndefined();
		expect(countryName('ke', 'en')).toBeUndefined();
	});
});

describe('isCountryCode', () => {
	it('accepts uppercase known alpha-2 codes', () => {
		for (const c of ['KE', 'FR', 'US', 'PS', 'XK', 'AQ']) expect(isCountryCode(c)).toBe(true);
	});
	it("rejects 'ke', 'XX', '', 'KEN' and friends", () => {
		for (const c of ['ke', 'Ke', 'XX', '', 'KEN', ' KE', 'KE ', '404', 'constructor']) {
			expect(isCountryCode(c)).toBe(false);
		}
	});
});

describe('lists', () => {
	it('listCountries covers every code once, with its region', () => {
		for (const locale of LOCALES) {
			const list = listCountries(locale);
			expect(list.length).toBe(PACKAGE_CODES.length);
			expect(new Set(list.map((c) => c.code)).size).toBe(PACKAGE_CODES.length);
			for (const c of list) {
				expect(c.region).toBe(regionOf(c.code));
				expect(c.name).toBe(countryName(c.code, locale));
			}
		}
	});

	it('is sorted by name with Intl.Collator(locale)', () => {
		for (const locale of LOCALES) {
			const collator = new Intl.Collator(locale);
			const names = listCountries(locale).map((c) => c.name);
			for (let i = 1; i < names.length; i++) {
				expect(collator.compare(names[i - 1], names[i]), `${locale}: ${names[i - 1]} / ${names[i]}`)
					.toBeLessThanOrEqual(0);
			}
		}
	});

	it('sorts accented names where the locale expects them', () => {
		const fr = listCountries('fr').map((c) => c.code);
		// "Égypte" sorts between "Danemark" and "Espagne", not after "Zimbabwe" as a byte sort would put it.
		expect(fr.indexOf('EG')).toBeLessThan(fr.indexOf('ES'));
		expect(fr.indexOf('EG')).toBeGreaterThan(fr.indexOf('DK'));
		expect(fr.at(-1)).not.toBe('EG');
		const en = listCountries('en');
		expect(en[0].code).toBe('AF'); // Afghanistan
		expect(en.findIndex((c) => c.code === 'AX')).toBeLessThan(en.findIndex((c) => c.code === 'BS'));
	});

	it('returns a fresh array each time (callers may mutate it)', () => {
		const a = listCountries('en');
		a.pop();
		expect(listCountries('en').length).toBe(PACKAGE_CODES.length);
	});

	it('countriesInRegion returns that region only, sorted', () => {
		let total = 0;
		for (const region of REGIONS) {
			const list = countriesInRegion(region, 'es');
			total += list.length;
			expect(list.length).toBeGreaterThan(0);
			expect(list.every((c) => c.region === region)).toBe(true);
			const collator = new Intl.Collator('es');
			for (let i = 1; i < list.length; i++) {
				expect(collator.compare(list[i - 1].name, list[i].name)).toBeLessThanOrEqual(0);
			}
		}
		expect(total).toBe(PACKAGE_CODES.length);
		expect(countriesInRegion('cis', 'en').map((c) => c.code)).toContain('RU');
	});
});

describe('regionName', () => {
	it('has a distinct, non-empty name for every region in every locale', () => {
		for (const locale of LOCALES) {
			const names = REGIONS.map((r) => regionName(r, locale));
			expect(names.every((n) => n.trim().length > 0)).toBe(true);
			expect(new Set(names).size).toBe(REGIONS.length);
		}
	});
	it('uses ITU naming', () => {
		expect(regionName('arab_states', 'en')).toBe('Arab States');
		expect(regionName('arab_states', 'fr')).toBe('États arabes');
		expect(regionName('cis', 'ru')).toBe('СНГ');
		expect(regionName('asia_pacific', 'zh')).toBe('亚太');
		expect(regionName('americas', 'ar')).toBe('الأمريكتان');
		expect(regionName('americas', 'es')).toBe('Américas');
	});
});
