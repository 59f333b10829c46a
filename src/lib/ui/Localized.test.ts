// Fallback text must carry its own language and direction: English inside an Arabic page is
// `lang="en" dir="ltr"` (so its punctuation lands on the right side and screen readers switch
// voice), Arabic inside an English page `lang="ar" dir="rtl"`. Rendered on the server, as pages are.
import { afterAll, describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import { locales, overwriteGetLocale, type Locale } from '$lib/paraglide/runtime';
import { localized } from '$lib/i18n';
import Localized from './Localized.svelte';

let page: Locale = 'en';
overwriteGetLocale(() => page);
afterAll(() => overwriteGetLocale(() => 'en'));

function html(locale: Locale, props: Record<string, unknown>): string {
	page = locale;
	return render(Localized, { props: props as never }).body.replace(/<!--[^>]*-->/g, '');
}

/** Every element whose text is `text`, with its attributes. */
function elementOf(body: string, text: string): string {
	const m = new RegExp(`<(\\w+)([^>]*)>${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(body);
	if (!m) throw new Error(`"${text}" not found in ${body}`);
	return m[2];
}

describe('Localized', () => {
	it('English fallback inside an Arabic page: lang="en" dir="ltr" and the mark in Arabic', () => {
		for (const as of ['span', 'p', 'h2']) {
			const body = html('ar', { value: { en: 'Talk early.' }, as });
			expect(elementOf(body, 'Talk early.'), as).toMatch(/lang="en"/);
			expect(elementOf(body, 'Talk early.'), as).toMatch(/dir="ltr"/);
			expect(body).toContain('class="untranslated"');
			expect(body).not.toMatch(/class="untranslated"[^>]*lang="en"/);
		}
	});

	it('Arabic text inside an English page: lang="ar" dir="rtl"', () => {
		const body = html('en', { value: { text: 'تحدث مبكرا', lang: 'ar', fallback: true } });
		expect(elementOf(body, 'تحدث مبكرا')).toMatch(/lang="ar" dir="rtl"|dir="rtl" lang="ar"/);
	});

	it('every fallback, whatever the input form or element, carries lang and dir', () => {
		for (const locale of locales.filter((l) => l !== 'en')) {
			for (const value of [{ en: 'Only English' }, localized({ en: 'Only English' }, locale)]) {
				for (const as of ['span', 'p', 'div', 'h1', 'h2', 'h3']) {
					for (const mark of [true, false]) {
						const attrs = elementOf(html(locale, { value, as, mark }), 'Only English');
						expect(attrs, `${locale} ${as} mark=${mark}`).toMatch(/lang="en"/);
						expect(attrs, `${locale} ${as} mark=${mark}`).toMatch(/dir="ltr"/);
					}
				}
			}
		}
	});

	it('text in the page language has no lang, dir or mark; mark={false} omits the mark for proper names', () => {
		const own = html('fr', { value: { en: 'Talk', fr: 'Parler' } });
		expect(own).toBe('<span>Parler</span>');
		const name = html('ar', { value: { en: 'Childline' }, mark: false });
		expect(name).not.toContain('untranslated');
		expect(name).toContain('lang="en"');
		expect(html('ar', { value: { en: '' } })).toBe('');
	});
});
