// Text that copies out right: each glyph drawn in the PDF maps (through the font's ToUnicode CMap)
// to the letter it was shaped from, so copy and paste, search and screen readers get the words.
//
// pdfkit writes one ToUnicode entry per glyph, from the code points fontkit reports for it. Three
// things make that wrong for Arabic in Noto Sans Arabic:
//  1. fontkit caches one Glyph object per glyph id with the code points of the first text it was
//     shaped from, so a medial ي shaped after a medial ت comes back as ت;
//  2. the font draws dotted letters as a dotless body shared by several letters plus dot marks
//     (the initial body of ب ت ث ن ي is one glyph), so a body glyph alone cannot say which letter
//     it is;
//  3. the dots (and hamza, and vowel marks) are zero-width glyphs placed with their own offsets:
//     text extractors read them as characters of their own (pdf.js invents a control character
//     for a glyph without text) and break the word around them (poppler's raw mode).
// The fix, per embedded font of one document:
//  - fontkit's layout asks `font.getGlyph(id, codePoints)` for every shaped glyph with the code
//    points that glyph came from; we hand back a view of the cached glyph carrying them (1);
//  - pdfkit's `encode` is replaced: an Arabic letter's body and the marks placed on it become one
//    composite glyph in the embedded subset (TrueType composite: the same outlines at the same
//    offsets, so the page looks exactly the same), mapped to the letter (2, 3); a glyph drawn for
//    different letters gets one subset id per letter (1). Vowel marks (harakat) are drawn but not
//    part of the glyph text: a mark's code point inside a right-to-left glyph would come out
//    before its letter in poppler and pdf.js, which reverse right-to-left text character by
//    character. The structure tree carries the exact text (ActualText) where they occur.
//  - brackets drawn mirrored in right-to-left text map back to the character written
//    (`mirroredText`).
// This reaches into pdfkit's EmbeddedFont (0.20) and fontkit's Font and TTFSubset (2.0): the
// tests read the text back out of a report to catch a change in either.

interface Glyph {
	id: number;
	codePoints: number[];
	advanceWidth: number;
	bbox: { minX: number; minY: number; maxX: number; maxY: number };
	_getMetrics(): { leftBearing: number };
}

interface FontkitFont {
	unitsPerEm: number;
	getGlyph(id: number, codePoints?: number[]): Glyph;
}

interface Subset {
	glyphs: number[];
	glyf: Uint8Array[];
	loca: { offsets: number[] };
	hmtx: { metrics: { advance: number; bearing: number }[] };
	offset: number;
	includeGlyph(id: number): number;
	_addGlyph(id: number): number;
}

interface Position {
	xAdvance: number;
	yAdvance: number;
	xOffset: number;
	yOffset: number;
	advanceWidth: number;
}

interface EmbeddedFont {
	font: FontkitFont;
	subset: Subset;
	scale: number;
	unicode: number[][];
	widths: number[];
	layout(text: string, features?: unknown): { glyphs: Glyph[]; positions: Position[] };
	encode(text: string, features?: unknown): [string[], Position[]];
}

/** A letter body with the marks placed on it, drawn as one glyph. */
interface Composite {
	base: Glyph;
	marks: { glyph: Glyph; dx: number; dy: number }[];
}

const PATCHED = Symbol('unicode-per-glyph');
const MIRROR = Symbol('mirrored-text');

/** Arabic vowel signs and other combining marks (harakat, Quranic marks). */
export const ARABIC_MARK = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u08D3-\u08FF]/;

function isArabicMark(cp: number): boolean {
	return ARABIC_MARK.test(String.fromCodePoint(cp));
}

function same(a: number[], b: number[]): boolean {
	return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Makes the document's current font (pdfkit's `doc._font`, a TrueType font embedded as a CID
 * font) map each drawn glyph to the characters it was shaped from. Idempotent; other fonts are
 * left alone.
 */
export function exactUnicode(doc: unknown): void {
	const ef = (doc as { _font?: EmbeddedFont & { [PATCHED]?: true } })._font;
	if (!ef || ef[PATCHED] || typeof ef.encode !== 'function' || !ef.font || typeof ef.font.getGlyph !== 'function') return;
	const subset = ef.subset;
	if (!subset || typeof subset._addGlyph !== 'function' || !Array.isArray(subset.glyphs)) return;
	ef[PATCHED] = true;

	// 1. glyphs that know which code points they were shaped from
	const font = ef.font;
	const getGlyph = font.getGlyph.bind(font);
	const views = new Map<string, Glyph>();
	font.getGlyph = (id: number, codePoints: number[] = []) => {
		const glyph = getGlyph(id, codePoints);
		if (!glyph || same(glyph.codePoints, codePoints)) return glyph;
		const key = `${id}:${codePoints.join(',')}`;
		let view = views.get(key);
		if (!view) {
			view = Object.create(glyph, { codePoints: { value: codePoints, enumerable: true } }) as Glyph;
			views.set(key, view);
		}
		return view;
	};

	// 2. composite glyphs in the subset: synthetic ids below zero stand for them until it is written
	const composites = new Map<number, Composite>();
	const addGlyph = subset._addGlyph.bind(subset);
	subset._addGlyph = (id: number) => {
		const c = composites.get(id);
		return c ? addComposite(subset, c) : addGlyph(id);
	};

	// 3. encoding: one subset id per (glyph or composite, text)
	const ids = new Map<string, number>();
	const idFor = (key: string, unicode: number[], width: number, make: () => number): number => {
		let gid = ids.get(key);
		if (gid === undefined) {
			gid = make();
			ids.set(key, gid);
			ef.unicode[gid] = unicode;
			ef.widths[gid] = width;
		}
		return gid;
	};
	const scale = ef.scale;
	ef.encode = function encode(this: EmbeddedFont, text: string, features?: unknown): [string[], Position[]] {
		const { glyphs, positions } = this.layout(text, features);
		const mirror = (this as { [MIRROR]?: (cp: number) => number })[MIRROR];
		const res: string[] = [];
		const pos: Position[] = [];
		let i = 0;
		while (i < glyphs.length) {
			// marks of a right-to-left letter come before it (glyphs are in visual order)
			let j = i;
			while (j < glyphs.length && isArabicMarkGlyph(glyphs[j], positions[j])) j++;
			const base = glyphs[j];
			const basePos = positions[j];
			if (j > i && j < glyphs.length && isArabicLetter(base)) {
				const marks = glyphs.slice(i, j).map((glyph, k) => ({
					glyph,
					dx: Math.round((positions[i + k].xOffset - basePos.xOffset) / scale),
					dy: Math.round((positions[i + k].yOffset - basePos.yOffset) / scale)
				}));
				const unicode = base.codePoints;
				const key = `c${base.id}:${marks.map((m) => `${m.glyph.id}@${m.dx},${m.dy}`).join(';')}:${unicode.join(',')}`;
				const gid = idFor(key, unicode, base.advanceWidth * scale, () => {
					const synthetic = -(composites.size + 1);
					composites.set(synthetic, { base, marks });
					subset.glyphs.push(synthetic);
					return subset.glyphs.length - 1;
				});
				res.push(hex(gid));
				pos.push(basePos);
				i = j + 1;
				continue;
			}
			// a glyph on its own
			const glyph = glyphs[i];
			let unicode = glyph.codePoints ?? [];
			if (unicode.length && unicode.every(isArabicMark)) unicode = [];
			else if (mirror && unicode.length === 1) unicode = [mirror(unicode[0])];
			const own = subset.includeGlyph(glyph.id);
			let gid: number;
			if (ef.unicode[own] == null || same(ef.unicode[own], unicode)) {
				gid = own;
				ef.unicode[own] ??= unicode;
				ef.widths[own] ??= glyph.advanceWidth * scale;
			} else {
				// the same outline for another letter: a second slot
				gid = idFor(`g${glyph.id}:${unicode.join(',')}`, unicode, glyph.advanceWidth * scale, () => {
					subset.glyphs.push(glyph.id);
					return subset.glyphs.length - 1;
				});
			}
			res.push(hex(gid));
			pos.push(positions[i]);
			i++;
		}
		return [res, pos];
	};
}

/**
 * Draws with `draw` while each one-character glyph of the current font maps back through
 * `mirror`: a bracket drawn mirrored in right-to-left text copies out as the character written.
 */
export function mirroredText(doc: unknown, mirror: (cp: number) => number, draw: () => void): void {
	const ef = (doc as { _font?: { [MIRROR]?: (cp: number) => number } })._font;
	if (!ef) return draw();
	ef[MIRROR] = mirror;
	try {
		draw();
	} finally {
		delete ef[MIRROR];
	}
}

function hex(gid: number): string {
	return `0000${gid.toString(16)}`.slice(-4);
}

/** A zero-width mark shaped from an Arabic letter (its dots, its hamza) or an Arabic vowel sign. */
function isArabicMarkGlyph(g: Glyph, p: Position): boolean {
	return p.xAdvance === 0 && (g.codePoints.length === 0 || g.codePoints.every(isArabicMark));
}

function isArabicLetter(g: Glyph): boolean {
	return g.codePoints.length > 0 && g.codePoints.every((cp) => (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x08a0 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfeff));
}

// TrueType composite glyph flags
const ARG_1_AND_2_ARE_WORDS = 0x0001;
const ARGS_ARE_XY_VALUES = 0x0002;
const MORE_COMPONENTS = 0x0020;
const USE_MY_METRICS = 0x0200;

/** Writes a composite glyph (the base, then each mark at its offset) into the subset being encoded. */
function addComposite(subset: Subset, c: Composite): number {
	const parts = [{ glyph: c.base, dx: 0, dy: 0 }, ...c.marks];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const p of parts) {
		const b = p.glyph.bbox;
		if (!(b.maxX >= b.minX)) continue; // an empty glyph
		minX = Math.min(minX, b.minX + p.dx);
		minY = Math.min(minY, b.minY + p.dy);
		maxX = Math.max(maxX, b.maxX + p.dx);
		maxY = Math.max(maxY, b.maxY + p.dy);
	}
	if (!Number.isFinite(minX)) minX = minY = maxX = maxY = 0;
	const buffer = new Uint8Array(10 + parts.length * 8);
	const view = new DataView(buffer.buffer);
	view.setInt16(0, -1); // numberOfContours: composite
	view.setInt16(2, Math.floor(minX));
	view.setInt16(4, Math.floor(minY));
	view.setInt16(6, Math.ceil(maxX));
	view.setInt16(8, Math.ceil(maxY));
	parts.forEach((p, k) => {
		const at = 10 + k * 8;
		let flags = ARG_1_AND_2_ARE_WORDS | ARGS_ARE_XY_VALUES;
		if (k < parts.length - 1) flags |= MORE_COMPONENTS;
		if (k === 0) flags |= USE_MY_METRICS;
		view.setUint16(at, flags);
		view.setUint16(at + 2, subset.includeGlyph(p.glyph.id));
		view.setInt16(at + 4, p.dx);
		view.setInt16(at + 6, p.dy);
	});
	subset.glyf.push(buffer);
	subset.loca.offsets.push(subset.offset);
	subset.hmtx.metrics.push({ advance: c.base.advanceWidth, bearing: Number.isFinite(minX) ? Math.floor(minX) : 0 });
	subset.offset += buffer.length;
	return subset.glyf.length - 1;
}
