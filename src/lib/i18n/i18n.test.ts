import { describe, expect, it } from 'vitest';
import { dirOf, localized } from '.';

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
		for (const l of ['en', 'fr', 'es', 'ru', 'zh']) expect(dirOf(l)).toBe('ltr');
	});
});
