// Every UI string exists in all six languages with the same placeholders as English.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseLocale, locales } from '$lib/paraglide/runtime';

const load = (l: string) => JSON.parse(readFileSync(`messages/${l}.json`, 'utf8')) as Record<string, string>;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const en = load(baseLocale);

describe.each(locales.filter((l) => l !== baseLocale))('messages/%s.json', (locale) => {
	const other = load(locale);
	it('has exactly the keys of en.json', () => {
		expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
	});
	it('keeps every placeholder and translates (not copies) the text', () => {
		for (const [key, text] of Object.entries(en)) {
			if (key === '$schema') continue;
			expect(placeholders(other[key]), key).toEqual(placeholders(text));
			expect(other[key].trim().length, key).toBeGreaterThan(0);
		}
	});
});
