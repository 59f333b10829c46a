// Glyph text in the PDF: Arabic letters that share a dotless body, and the marks placed on them,
// copy out as the letters written; brackets drawn mirrored copy out as written.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { TextEngine, type PdfDoc } from './text';
import { PdfReader, runText } from './testing';

async function draw(lines: string[], locale: string, dir: 'ltr' | 'rtl'): Promise<Buffer> {
	const doc = new PDFDocument({ size: 'A4', margin: 50 });
	const chunks: Buffer[] = [];
	const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
	doc.on('data', (c: Buffer) => chunks.push(c));
	const engine = new TextEngine(doc as unknown as PdfDoc, locale, dir);
	lines.forEach((line, i) => engine.paragraph(line, 50, 50 + i * 20, 495, { size: 10 }));
	doc.end();
	return done;
}

describe('PDF glyph text', () => {
	it('maps each Arabic glyph to its own letter, also where letters share a body and dots', async () => {
		// ب ت ث ن ي share their bodies in Noto Sans Arabic; the first word shaped used to name the body for all
		const words = ['بيت', 'نبت', 'ثبت', 'يثبت', 'بنت', 'تين', 'يبني', 'ثني', 'الإنترنت', 'لا', 'إلى', 'مؤسسة', 'سئل'];
		const pdf = await draw([words.join(' ')], 'ar', 'rtl');
		const runs = new PdfReader(pdf).textRuns().map(runText).filter((t) => t.trim());
		expect(runs.sort()).toEqual([...words].sort());
	});

	it('leaves vowel marks out of the glyph text and keeps the letters whole', async () => {
		const pdf = await draw(['أُعدّ أيضًا'], 'ar', 'rtl');
		const runs = new PdfReader(pdf).textRuns();
		const texts = runs.map(runText).filter((t) => t.trim());
		expect(texts.sort()).toEqual(['أعد', 'أيضا']);
		// no glyph without text (a reader would invent a character for it)
		for (const r of runs) for (const g of r.glyphs) expect(g.length).toBeGreaterThan(0);
	});

	it('maps brackets drawn mirrored in right-to-left text back to the characters written', async () => {
		const pdf = await draw(['المستوى 2 (متقدم)'], 'ar', 'rtl');
		const glyphs = new PdfReader(pdf).textRuns().flatMap((r) => r.glyphs);
		// the leftmost glyph is drawn as ")" but is the closing bracket written last
		expect(glyphs.filter((g) => g === '(' || g === ')').sort()).toEqual(['(', ')']);
		const runs = new PdfReader(pdf).textRuns().map(runText);
		expect(runs[0]).toBe(')');
		expect(runs.at(-1)).toBe('المستوى');
	});

	it('leaves Latin and Chinese text as it was', async () => {
		const pdf = await draw(['Child online protection (2025)', '儿童在线保护'], 'en', 'ltr');
		const text = new PdfReader(pdf).textRuns().map(runText).join('|');
		expect(text).toBe(['Child', ' ', 'online', ' ', 'protection', ' ', '(2025)', '儿童在线保护'].join('|'));
	});
});
