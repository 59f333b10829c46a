// Text in the PDF report: font fallback per character, line wrapping, and the Unicode
// bidirectional algorithm, so Arabic is shaped and laid out right to left with numbers and Latin
// words in the right order, and Chinese wraps between characters.
//
// pdfkit shapes text with fontkit, which reverses a run into visual order when the run's script
// is right-to-left (Arabic) but knows nothing of bidi levels: left to itself it would reverse
// Arabic-Indic digits, keep Latin words of an Arabic line in the wrong order, and (word by word)
// lay Arabic words out left to right. So this engine resolves levels with bidi-js, reorders each
// wrapped line into visual runs (one word each), and hands fontkit each run in the order that
// makes its own reversal come out right. Each glyph copies out as the letter it was shaped from
// (unicode.ts). (Runs go through pdfkit's default, cached layout: passing
// an explicit feature list makes fontkit rebuild its shaping plan on every call, about 100 ms a
// call with the Chinese font.)
import bidiFactory from 'bidi-js';
import { face, fallbackOrder, type Face, type Weight } from './fonts';
import { exactUnicode, mirroredText } from './unicode';

const bidi = bidiFactory();

/** Characters fontkit treats as right-to-left script (Arabic blocks; Hebrew too, for safety). */
const RTL_SCRIPT = /[\u0590-\u05FF\u0600-\u06FF\u0750-\u077F\u0870-\u089F\u08A0-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
const CJK = /[\u2E80-\u2FFF\u3000-\u303F\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]/;
/** No line break before these (closing punctuation). */
const NO_BREAK_BEFORE = /[，。、；：？！）》」』】〕,.;:?!)\]}%]/;

export interface TextStyle {
	size: number;
	weight?: Weight;
	color?: string;
	/** 'start' follows the document direction (right in Arabic); 'end' the opposite; 'center' */
	align?: 'start' | 'end' | 'center';
	/** line height as a multiple of the size (default 1.45: Arabic needs room) */
	leading?: number;
}

interface Run {
	face: Face;
	text: string;
	/** brackets in `text` are mirrored (a neutral run in right-to-left text) */
	mirrored?: boolean;
}

/** The minimal part of a pdfkit document the engine drives. */
export interface PdfDoc {
	registerFont(name: string, src: Buffer): unknown;
	font(name: string): PdfDoc;
	fontSize(size: number): PdfDoc;
	fillColor(color: string): PdfDoc;
	widthOfString(text: string, options?: Record<string, unknown>): number;
	text(text: string, x: number, y: number, options?: Record<string, unknown>): PdfDoc;
}

export class TextEngine {
	private registered = new Set<string>();
	private order: string[];
	private faceCache = new Map<number, Face>();
	/** advance width at size 1 per face and text (layout with fontkit is the slow part) */
	private widthCache = new Map<string, number>();

	constructor(
		private doc: PdfDoc,
		readonly locale: string,
		readonly dir: 'ltr' | 'rtl'
	) {
		this.order = fallbackOrder(locale);
	}

	private use(f: Face): void {
		if (!this.registered.has(f.id)) {
			this.doc.registerFont(f.id, f.data);
			this.registered.add(f.id);
		}
		this.doc.font(f.id);
		exactUnicode(this.doc);
	}

	/** The first face (in the locale's order) that has a glyph for the code point (cached). */
	private faceFor(cp: number, weight: Weight): Face {
		const key = weight === 'bold' ? -cp - 1 : cp;
		const hit = this.faceCache.get(key);
		if (hit) return hit;
		let found = face(this.order[0], weight);
		for (const name of this.order) {
			const f = face(name, weight);
			if (f.font.hasGlyphForCodePoint(cp)) {
				found = f;
				break;
			}
		}
		this.faceCache.set(key, found);
		return found;
	}

	/** Faces per UTF-16 index; spaces and punctuation keep the face around them when it has the glyph. */
	private facesOf(text: string, weight: Weight): Face[] {
		const out: Face[] = new Array(text.length);
		let prev: Face | null = null;
		for (let i = 0; i < text.length; ) {
			const cp = text.codePointAt(i)!;
			const width = cp > 0xffff ? 2 : 1;
			const neutral = /[\s\p{P}\p{S}\p{N}]/u.test(String.fromCodePoint(cp));
			const f: Face = neutral && prev && prev.font.hasGlyphForCodePoint(cp) ? prev : this.faceFor(cp, weight);
			for (let k = 0; k < width; k++) out[i + k] = f;
			prev = f;
			i += width;
		}
		return out;
	}

	private runs(text: string, weight: Weight): Run[] {
		const faces = this.facesOf(text, weight);
		const runs: Run[] = [];
		let start = 0;
		for (let i = 1; i <= text.length; i++) {
			if (i === text.length || faces[i] !== faces[start]) {
				runs.push({ face: faces[start], text: text.slice(start, i) });
				start = i;
			}
		}
		return runs;
	}

	private runWidth(run: Run, size: number): number {
		const key = `${run.face.id}\u0000${run.text}`;
		let w = this.widthCache.get(key);
		if (w === undefined) {
			this.use(run.face);
			w = this.doc.fontSize(1000).widthOfString(run.text) / 1000;
			this.widthCache.set(key, w);
		}
		return w * size;
	}

	/** Width of text set in logical order (shaping included). */
	width(text: string, style: TextStyle): number {
		if (!text) return 0;
		return this.runs(text, style.weight ?? 'regular').reduce((w, r) => w + this.runWidth(r, style.size), 0);
	}

	lineHeight(style: TextStyle): number {
		return style.size * (style.leading ?? 1.45);
	}

	/** Breakable pieces [start, end) of the text: words with their trailing spaces, and single CJK characters. */
	private tokens(text: string): [number, number][] {
		const out: [number, number][] = [];
		let start = 0;
		for (let i = 0; i < text.length; i++) {
			const ch = text[i];
			const next = text[i + 1];
			const breakAfter =
				(/\s/.test(ch) && next !== undefined && !/\s/.test(next)) ||
				(next !== undefined && (CJK.test(ch) || CJK.test(next)) && !NO_BREAK_BEFORE.test(next) && !/\s/.test(next));
			if (breakAfter) {
				out.push([start, i + 1]);
				start = i + 1;
			}
		}
		if (start < text.length) out.push([start, text.length]);
		return out;
	}

	/** Wraps a paragraph into lines of at most maxWidth: [start, end) ranges in logical order. */
	wrap(text: string, maxWidth: number, style: TextStyle): [number, number][] {
		const lines: [number, number][] = [];
		let lineStart = -1;
		let lineEnd = -1;
		let lineWidth = 0;
		const push = () => {
			if (lineStart >= 0) lines.push([lineStart, lineEnd]);
			lineStart = -1;
			lineWidth = 0;
		};
		for (const [s, e] of this.tokens(text)) {
			const piece = text.slice(s, e);
			const w = this.width(piece, style);
			const wTrim = this.width(piece.replace(/\s+$/, ''), style);
			if (lineStart >= 0 && lineWidth + wTrim > maxWidth) push();
			if (lineStart < 0 && wTrim > maxWidth) {
				// a word longer than the line (a URL, a long citation): break it by characters
				let cs = s;
				let acc = 0;
				for (let i = s; i < e; i++) {
					const cw = this.width(text[i], style);
					if (acc + cw > maxWidth && i > cs) {
						lines.push([cs, i]);
						cs = i;
						acc = 0;
					}
					acc += cw;
				}
				lineStart = cs;
				lineEnd = e;
				lineWidth = acc;
				continue;
			}
			if (lineStart < 0) lineStart = s;
			lineEnd = e;
			lineWidth += w;
		}
		push();
		return lines.length ? lines : [[0, 0]];
	}

	/**
	 * The visual runs of one line: bidi levels resolved on the whole paragraph, the line's
	 * characters reordered, then grouped into runs of one face and one direction.
	 */
	visualRuns(text: string, levels: ReturnType<typeof bidi.getEmbeddingLevels>, start: number, end: number, weight: Weight): Run[] {
		// drop trailing spaces of the line
		while (end > start && /\s/.test(text[end - 1])) end--;
		if (end <= start) return [];
		const order: number[] = [];
		for (let i = start; i < end; i++) order.push(i);
		for (const [s, e] of bidi.getReorderSegments(text, levels, start, end - 1)) {
			const a = s - start;
			const b = e - start;
			const part = order.slice(a, b + 1).reverse();
			order.splice(a, part.length, ...part);
		}
		const faces = this.facesOf(text, weight);
		const lv = levels.levels;
		const runs: Run[] = [];
		let i = 0;
		while (i < order.length) {
			const first = order[i];
			const odd = (lv[first] & 1) === 1;
			let j = i + 1;
			while (j < order.length) {
				const prev = order[j - 1];
				const cur = order[j];
				if ((lv[cur] & 1) !== (odd ? 1 : 0) || faces[cur] !== faces[first] || cur !== prev + (odd ? -1 : 1)) break;
				// one word per run: pdfkit lays a run out word by word, which would undo a reversal across words
				if (/\s/.test(text[cur]) !== /\s/.test(text[prev])) break;
				j++;
			}
			const lo = Math.min(order[i], order[j - 1]);
			const hi = Math.max(order[i], order[j - 1]);
			const logical = text.slice(lo, hi + 1);
			const fontkitReverses = RTL_SCRIPT.test(logical);
			let shown: string;
			if (odd) shown = fontkitReverses ? logical : mirrorReverse(logical);
			else shown = fontkitReverses ? Array.from(logical).reverse().join('') : logical;
			// brackets drawn mirrored copy out as the characters written (see unicode.ts)
			const mirrored = odd && !fontkitReverses && shown !== Array.from(logical).reverse().join('');
			runs.push(mirrored ? { face: faces[first], text: shown, mirrored } : { face: faces[first], text: shown });
			i = j;
		}
		return runs;
	}

	/**
	 * Draws a paragraph in the box starting at (x, y) with the given width; returns the height used.
	 * With `measureOnly` nothing is drawn.
	 */
	paragraph(text: string, x: number, y: number, width: number, style: TextStyle, measureOnly = false): number {
		const clean = String(text ?? '').replace(/[\r\n\t]+/g, ' ');
		const lines = this.wrap(clean, width, style);
		const lh = this.lineHeight(style);
		if (measureOnly) return lines.length * lh;
		const weight = style.weight ?? 'regular';
		const levels = bidi.getEmbeddingLevels(clean, this.dir);
		lines.forEach(([s, e], n) => {
			const runs = this.visualRuns(clean, levels, s, e, weight);
			const widths = runs.map((r) => this.runWidth(r, style.size));
			const total = widths.reduce((a, b) => a + b, 0);
			const align = style.align ?? 'start';
			const rightAligned = (align === 'start' && this.dir === 'rtl') || (align === 'end' && this.dir === 'ltr');
			let cx = align === 'center' ? x + (width - total) / 2 : rightAligned ? x + width - total : x;
			const baseline = y + n * lh + style.size * 1.05;
			runs.forEach((r, k) => {
				this.use(r.face);
				const draw = () => this.doc.fontSize(style.size).fillColor(style.color ?? '#1a1a1a').text(r.text, cx, baseline, { lineBreak: false, baseline: 'alphabetic' });
				if (r.mirrored) mirroredText(this.doc, mirrorCodePoint, draw);
				else draw();
				cx += widths[k];
			});
		});
		return lines.length * lh;
	}
}

/** The mirrored counterpart of a code point (brackets), or the code point itself. */
function mirrorCodePoint(cp: number): number {
	const m = bidi.getMirroredCharacter(String.fromCodePoint(cp));
	return m ? m.codePointAt(0)! : cp;
}

/** Reverses a run of neutral characters for right-to-left display, mirroring brackets. */
function mirrorReverse(s: string): string {
	return Array.from(s)
		.reverse()
		.map((c) => bidi.getMirroredCharacter(c) ?? c)
		.join('');
}
