// The PDF report: a real PDF in each script, with the right fonts embedded (subset), in time.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { seedPublishedAssessment } from '../test/progress';
import * as m from '$lib/paraglide/messages';
import { buildReport, formats, loadScope, renderReportPdf } from './index';
import type { Locale } from '$lib/i18n';

useFreshDatabase();

async function pdfFor(locale: Locale, scope: Parameters<typeof loadScope>[1]) {
	const data = await loadScope(db(), scope);
	const doc = buildReport(data, { locale, mode: 'report' });
	const f = formats(locale);
	const started = performance.now();
	const pdf = await renderReportPdf(doc, {
		pageOf: (page, pages) => m.common_page_of({ page: f.count(page), pages: f.count(pages) }, { locale }),
		format: f.score,
		formatPeriod: f.year
	});
	return { pdf, ms: performance.now() - started, text: pdf.toString('latin1') };
}

describe('status report PDF', () => {
	it('renders in English, Arabic, Chinese and Russian with embedded subset fonts', async () => {
		for (const [country, level] of [['KE', 1], ['GH', 0.6], ['SN', 0.3], ['EG', 0.8]] as const) {
			await seedPublishedAssessment(db(), { country, period: 2024, level: level * 0.8, isDemo: true });
			await seedPublishedAssessment(db(), { country, period: 2025, level, isDemo: true });
		}
		const expectations: [Locale, RegExp][] = [
			['en', /\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/],
			['ar', /\/BaseFont \/[A-Z]{6}\+NotoSansArabic/],
			['zh', /\/BaseFont \/[A-Z]{6}\+NotoSansSC/],
			['ru', /\/BaseFont \/[A-Z]{6}\+NotoSans-Regular/]
		];
		const times: [string, number][] = [];
		for (const [locale, font] of expectations) {
			const { pdf, ms, text } = await pdfFor(locale, { kind: 'world' });
			expect(pdf.subarray(0, 5).toString('latin1'), locale).toBe('%PDF-');
			expect(text.trimEnd().endsWith('%%EOF'), locale).toBe(true);
			expect(pdf.length, locale).toBeGreaterThan(10_000);
			// subset, not the whole 1.5 MB Chinese font
			expect(pdf.length, locale).toBeLessThan(400_000);
			expect(text, locale).toMatch(font);
			expect(text, locale).toContain(`/Lang (${locale})`);
		}
		for (const [locale, ms] of times) {
			// first use of a script's fonts includes reading them; later reports reuse them
			expect(ms, `${locale} took ${Math.round(ms)} ms`).toBeLessThan(5000);
			times.push([locale, ms]);
		}
	});

	it('writes a country report with its own sections', async () => {
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1 });
		const { pdf, text } = await pdfFor('en', { kind: 'country', country: 'KE' });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(text).toContain("/Title");
		expect(text).toContain("/Lang (en)");
	});
});
