// The PDF report: a real PDF in each script, with the right fonts embedded (subset), in time; a
// tagged PDF (structure tree, language, table headers, figures with Alt text); Arabic that copies
// out as the words written. The PDFs are read back with a small reader (pdf/testing.ts: structure
// tree, ToUnicode maps) and with PDF.js (the library module's extractor), not with poppler.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { seedPublishedAssessment } from '../test/progress';
import * as m from '$lib/paraglide/messages';
import { countryName } from '$lib/geo';
import { extractPdfText } from '../library';
import { buildReport, formats, loadScope, renderReportPdf, type ReportDoc } from './index';
import { findAll, PdfReader, runText, type StructNode } from './pdf/testing';
import type { Locale } from '$lib/i18n';

useFreshDatabase();

async function seedWorld() {
	for (const [country, level] of [['KE', 1], ['GH', 0.6], ['SN', 0.3], ['EG', 0.8]] as const) {
		await seedPublishedAssessment(db(), { country, period: 2024, level: level * 0.8, isDemo: true });
		await seedPublishedAssessment(db(), { country, period: 2025, level, isDemo: true });
	}
}

function render(doc: ReportDoc, locale: Locale) {
	const f = formats(locale);
	return renderReportPdf(doc, {
		pageOf: (page, pages) => m.common_page_of({ page: f.count(page), pages: f.count(pages) }, { locale }),
		format: f.score,
		formatPeriod: f.year
	});
}

async function pdfFor(locale: Locale, scope: Parameters<typeof loadScope>[1]) {
	const data = await loadScope(db(), scope);
	const doc = buildReport(data, { locale, mode: 'report' });
	const started = performance.now();
	const pdf = await render(doc, locale);
	return { doc, pdf, ms: performance.now() - started, text: pdf.toString('latin1') };
}

/** Words of a text as they should copy out: vowel marks (harakat) are not part of the glyph text. */
function words(text: string): string[] {
	return text
		.replace(/[\u064B-\u065F\u0670]/g, '')
		.split(/[\s:،,.()؛]+/)
		.filter((w) => /[\u0600-\u06FF]/.test(w));
}

describe('status report PDF', () => {
	it('renders in English, Arabic, Chinese and Russian with embedded subset fonts, in time', async () => {
		await seedWorld();
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
			times.push([locale, ms]);
		}
		for (const [locale, ms] of times) {
			// first use of a script's fonts includes reading them; later reports reuse them
			expect(ms, `${locale} took ${Math.round(ms)} ms`).toBeLessThan(5000);
		}
	});

	it('writes a country report with its own sections', async () => {
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1 });
		const { pdf, text } = await pdfFor('en', { kind: 'country', country: 'KE' });
		expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(text).toContain('/Title');
		expect(text).toContain('/Lang (en)');
	});

	it('is a tagged PDF: headings, tables with header cells, figures with Alt text, page numbers as artifacts', async () => {
		await seedWorld();
		const { doc, pdf } = await pdfFor('en', { kind: 'world' });
		const r = new PdfReader(pdf);
		expect(r.dict(r.catalog.MarkInfo).Marked).toBe(true);
		expect(r.catalog.Lang).toBe('en');
		expect(r.dict(r.catalog.ViewerPreferences).DisplayDocTitle).toBe(true);
		const tree = r.structTree()!;
		expect(tree).not.toBeNull();
		expect(tree.children.map((c) => c.type)).toEqual(['Document']);
		const document = tree.children[0];
		// reading order: the title first, then the lines under it
		expect(document.children[0].type).toBe('H1');
		expect(findAll(document, 'H1')).toHaveLength(1);
		expect(findAll(document, 'H2')).toHaveLength(doc.sections.length);
		// every table of the model is a Table with rows of header and data cells
		const modelTables = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'chart' && b.table ? [b.table] : b.kind === 'facts' ? [null] : [])));
		const tables = findAll(document, 'Table');
		expect(tables).toHaveLength(modelTables.length);
		tables.forEach((t, i) => {
			const model = modelTables[i];
			const rows = t.children.filter((c) => c.type === 'TR');
			for (const row of rows) for (const cell of row.children) expect(cell.mcids.length, 'a cell has content').toBeGreaterThan(0);
			if (model === null) {
				// a fact list: a header cell for the term, a data cell for the value
				for (const row of rows) expect(row.children.map((c) => [c.type, c.scope])).toEqual([['TH', 'Row'], ['TD', undefined]]);
				return;
			}
			expect(t.children.filter((c) => c.type === 'Caption')).toHaveLength(model.caption ? 1 : 0);
			expect(rows).toHaveLength(model.rows.length + (model.head.length ? 1 : 0));
			if (model.head.length) expect(rows[0].children.map((c) => [c.type, c.scope])).toEqual(model.head.map(() => ['TH', 'Column']));
			for (const row of rows.slice(model.head.length ? 1 : 0)) {
				expect(row.children[0]).toMatchObject({ type: 'TH', scope: 'Row' });
				expect(row.children.slice(1).every((c) => c.type === 'TD')).toBe(true);
			}
		});
		// charts: figures with an Alt text made from the chart's own description and figures
		const charts = doc.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'chart' ? [b.chart] : [])));
		const figures = findAll(document, 'Figure');
		expect(figures).toHaveLength(charts.length);
		figures.forEach((fig, i) => {
			expect(fig.alt?.startsWith(charts[i].desc)).toBe(true);
			expect(fig.alt!.length).toBeGreaterThan(charts[i].desc.length);
		});
		const bars = charts.findIndex((c) => c.type === 'bars');
		expect(figures[bars].alt).toMatch(/Legal: \d/);
		// page numbers are artifacts, not text of the document
		const content = r.pages.map((p) => r.objects.get((p.Contents as unknown as { num: number }).num)?.stream?.toString('latin1') ?? '').join('\n');
		expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*>> BDC/);
		// every marked-content sequence with an MCID belongs to a structure element
		const mcids = (n: StructNode): number => n.mcids.length + n.children.reduce((a, c) => a + mcids(c), 0);
		expect((content.match(/\/MCID \d+/g) ?? []).length).toBe(mcids(tree));
	});

	it('marks the language of untranslated text on its table cell', async () => {
		const doc: ReportDoc = {
			title: 'Rapport',
			meta: [],
			lang: 'fr',
			dir: 'ltr',
			demo: null,
			empty: false,
			sections: [
				{
					id: 's',
					title: 'Section',
					blocks: [{ kind: 'table', table: { caption: 'Tableau', head: ['Question', 'Valeur'], rows: [{ head: { text: 'Offences in law', lang: 'en', fallback: true }, cells: [{ text: '2' }] }] } }]
				}
			]
		};
		const r = new PdfReader(await render(doc, 'fr'));
		const cells = findAll(r.structTree()!, 'TH');
		expect(cells.find((c) => c.scope === 'Row')).toMatchObject({ lang: 'en' });
		expect(cells.filter((c) => c.scope === 'Column').every((c) => c.lang === undefined)).toBe(true);
		expect(r.catalog.Lang).toBe('fr');
	});

	it('copies out Arabic as the words written (each glyph maps to its letter)', async () => {
		await seedWorld();
		const { doc, pdf } = await pdfFor('ar', { kind: 'world' });
		const r = new PdfReader(pdf);
		const runs = r.textRuns();
		expect(runs.length).toBeGreaterThan(100);
		// every glyph drawn carries text: no empty or unmapped glyph for a reader to invent a character for
		for (const run of runs) for (const g of run.glyphs) expect(g, `glyph in "${runText(run)}"`).toMatch(/^[^\u0000-\u001f\uFFFD]+$/);
		const shown = new Set(runs.map(runText).flatMap((t) => words(t)));
		// the title, every section heading, messages and country names, letter for letter
		const expected = [
			doc.title,
			...doc.sections.map((s) => s.title),
			m.progress_pub_overall({}, { locale: 'ar' }),
			m.progress_pub_tier({}, { locale: 'ar' }),
			countryName('EG', 'ar')!,
			countryName('KE', 'ar')!,
			countryName('SN', 'ar')!
		];
		for (const text of expected) for (const w of words(text)) expect(shown, `"${w}" of "${text}"`).toContain(w);
		expect(shown).toContain('الإنترنت');
		expect(shown).toContain('تقرير');
		// vowel marks are kept where the text has them: as the ActualText of its structure element
		const withMarks = findAll(r.structTree()!, 'P').filter((p) => p.actual);
		expect(withMarks.map((p) => p.actual)).toContain(doc.demo);
	});

	it('reads back in logical order through PDF.js (the library extractor)', async () => {
		await seedWorld();
		const { doc, pdf } = await pdfFor('ar', { kind: 'country', country: 'EG' });
		const out = await extractPdfText(new Uint8Array(pdf), 20_000);
		expect(out.ok).toBe(true);
		if (!out.ok) return;
		// the title up to its colon, as one phrase, and the country's name
		const title = doc.title.split(':')[0];
		expect(title.split(' ').length).toBeGreaterThan(3);
		expect(out.text).toContain(title);
		expect(out.text).toContain(countryName('EG', 'ar')!);
		for (const s of doc.sections) for (const w of words(s.title)) expect(out.text).toContain(w);
	});

	it('keeps a rendered report until what it shows changes (progress, course completions, translations) or the day does', async () => {
		const { memoReportPdf } = await import('./index');
		const cache = await import('../platform/cache');
		let made = 0;
		const make = async () => ({ pdf: Buffer.from(`pdf ${++made}`), period: 2025 });
		const get = () => memoReportPdf('KE|2025|en', make);
		expect((await get())!.pdf.toString()).toBe('pdf 1');
		expect((await get())!.pdf.toString()).toBe('pdf 1');
		expect((await memoReportPdf('KE|2025|ar', make))!.pdf.toString()).toBe('pdf 2');
		for (const [n, tag] of [[3, 'progress'], [4, 'learning'], [5, 'translations']] as const) {
			await cache.invalidate(db(), tag);
			expect((await get())!.pdf.toString()).toBe(`pdf ${n}`);
			expect((await get())!.pdf.toString()).toBe(`pdf ${n}`);
		}
		// an invalid request is answered from the memo too, without making anything
		expect(await memoReportPdf('KE|1999|en', async () => null)).toBeNull();
	});
});
