import { describe, expect, it } from 'vitest';
import { dirOf, href, locales, localized } from '.';

describe('localized: authored locale maps with a visible fallback', () => {
	const map = { en: 'Talk to someone', fr: 'Parler à quelqu’un' };

	it('uses the reader’s language when it exists', () => {
		expect(localized(map, 'fr')).toEqual({ text: 'Parler à quelqu’un', lang: 'fr', fallback: false });
	});
	it('falls back to English and says so', () => {
		expect(localized(map, 'ar')).toEqual({ text: 'Talk to someone', lang: 'en', fallback: true });
	});
	it('falls back to any language present when English is missing', () => {
		expect(localized({ es: 'Hablar' }, 'zh')).toEqual({ text: 'Hablar', lang: 'es', fallback: true });
	});
	it('treats empty strings as missing', () => {
		expect(localized({ en: 'Help', ru: '' }, 'ru')).toMatchObject({ text: 'Help', fallback: true });
	});
	it('copes with no map at all', () => {
		expect(localized(undefined, 'en')).toEqual({ text: '', lang: 'en', fallback: false });
		expect(localized(null, 'fr').fallback).toBe(true);
	});
	it('gives Arabic a right-to-left direction', () => {
		expect(dirOf('ar')).toBe('rtl');
		for (const l of locales.filter((x) => x !== 'ar')) expect(dirOf(l)).toBe('ltr');
	});
});

describe('href: links to the final address', () => {
	it('writes a language home page without a trailing slash (no 308 on the way)', () => {
		expect(href('/', 'fr')).toBe('/fr');
		expect(href('/?q=1', 'ar')).toBe('/ar?q=1');
		expect(href('/', 'en')).toBe('/');
		expect(href('/help', 'ru')).toBe('/ru/help');
		expect(href('/help?country=KE', 'zh')).toBe('/zh/help?country=KE');
	});
});
