// The PDF text engine's bidi and wrapping decisions, checked without rendering: which runs go to
// fontkit, in which visual order, and in which string order (fontkit itself reverses Arabic runs).
import bidiFactory from 'bidi-js';
import { describe, expect, it } from 'vitest';
import { TextEngine, type PdfDoc } from './text';
import { face, fallbackOrder, fontsDir, woffToSfnt } from './fonts';

const bidi = bidiFactory();

/** A stand-in document: fixed-width glyphs, records nothing (layout decisions only). */
function fakeDoc(): PdfDoc {
	let size = 10;
	const doc: PdfDoc = {
		registerFont: () => doc,
		font: () => doc,
		fontSize: (s: number) => ((size = s), doc),
		fillColor: () => doc,
		widthOfString: (t: string) => Array.from(t).length * size * 0.5,
		text: () => doc
	};
	return doc;
}

function runs(text: string, dir: 'ltr' | 'rtl', locale = dir === 'rtl' ? 'ar' : 'en'): string[] {
	const engine = new TextEngine(fakeDoc(), locale, dir);
	const levels = bidi.getEmbeddingLevels(text, dir);
	return engine.visualRuns(text, levels, 0, text.length, 'regular').map((r) => r.text);
}

describe('PDF text engine', () => {
	it('keeps left-to-right text in order', () => {
		expect(runs('Kenya 2025', 'ltr').join('')).toBe('Kenya 2025');
	});

	it('orders an Arabic line right to left, word by word, with numbers left to right', () => {
		// visual order, left to right on the page: the number first, then the words from last to first
		const r = runs('العالم 2025', 'rtl');
		expect(r).toEqual(['2025', ' ', 'العالم']);
		const words = runs('نعم 1، جزئيًا 0.5', 'rtl');
		expect(words.join('|')).toBe(['0.5', ' ', 'جزئيًا', ' ', '،', '1', ' ', 'نعم'].join('|'));
	});

	it('mirrors brackets around Latin text in an Arabic line', () => {
		const r = runs('أقصى (Kenya 2025)', 'rtl');
		// the logical ")" is the leftmost glyph, mirrored to "("; the Latin words keep their order
		expect(r[0]).toBe('(');
		expect(r.join('')).toBe('(Kenya 2025) أقصى');
		expect(r).toContain('Kenya');
		expect(r.indexOf('Kenya')).toBeLessThan(r.indexOf('2025'));
		expect(r[r.length - 1]).toBe('أقصى');
	});

	it('hands Arabic-Indic digits to fontkit reversed, so its own reversal shows them in order', () => {
		expect(runs('عام ٢٠٢٥', 'rtl')).toEqual(['٥٢٠٢', ' ', 'عام']);
	});

	it('wraps Chinese between characters, never before closing punctuation, and English at spaces', () => {
		const zh = new TextEngine(fakeDoc(), 'zh', 'ltr');
		const text = '儿童在线保护，进展报告';
		const lines = zh.wrap(text, 5 * 5, { size: 10 }).map(([s, e]) => text.slice(s, e));
		expect(lines.join('')).toBe(text);
		for (const l of lines) expect(l.startsWith('，')).toBe(false);
		expect(lines.length).toBeGreaterThan(1);
		const en = new TextEngine(fakeDoc(), 'en', 'ltr');
		const sentence = 'Scores of the five areas';
		const enLines = en.wrap(sentence, 12 * 5, { size: 10 }).map(([s, e]) => sentence.slice(s, e).trim());
		expect(enLines).toEqual(['Scores of', 'the five', 'areas']);
	});

	it('finds every face in the committed font folder (assets/fonts)', () => {
		expect(fontsDir()).toMatch(/[/\\]assets[/\\]fonts$/);
		for (const name of fallbackOrder('en')) {
			for (const weight of ['regular', 'bold'] as const) expect(face(name, weight).font.postscriptName).toMatch(/^NotoSans/);
		}
	});

	it('unpacks WOFF into a TrueType file and leaves other data alone', async () => {
		const { readFileSync } = await import('node:fs');
		const path = await import('node:path');
		const woff = readFileSync(path.join(fontsDir(), 'noto-sans-arabic-arabic-400-normal.woff'));
		const sfnt = woffToSfnt(woff);
		expect(sfnt.readUInt32BE(0)).toBe(woff.readUInt32BE(4)); // the flavor becomes the sfnt version
		expect(sfnt.readUInt16BE(4)).toBe(woff.readUInt16BE(12)); // same number of tables
		expect(sfnt.length).toBeGreaterThan(woff.length);
		const other = Buffer.from('not a font');
		expect(woffToSfnt(other)).toBe(other);
	});
});
