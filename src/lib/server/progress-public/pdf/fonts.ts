// Fonts for the PDF report: Noto Sans, Noto Sans Arabic and Noto Sans SC (SIL Open Font License
// 1.1), the 16 WOFF files committed in assets/fonts/ (unmodified copies from the @fontsource
// packages, see assets/fonts/README.md), read at first use (never bundled, never fetched). WOFF
// files: fontkit reads them and pdfkit embeds only the glyphs a report uses, so a Chinese report
// stays small although the Simplified Chinese font file is 1.5 MB. (The WOFF2 files of the same
// packages render blank in pdfkit 0.20, so WOFF it is.) Each WOFF is unpacked once into a plain
// TrueType file in memory: fontkit inflates a WOFF table on every access, which made every new
// Chinese glyph cost about 100 ms to lay out and 200 ms to subset.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import * as fontkit from 'fontkit';

export type Weight = 'regular' | 'bold';

interface FontFile {
	/** name pdfkit registers it under */
	name: string;
	file: { regular: string; bold: string };
}

/** Every face, in the order fallback tries them after the locale's own first choice. */
const FILES: FontFile[] = [
	{ name: 'latin', file: { regular: 'noto-sans-latin-400-normal.woff', bold: 'noto-sans-latin-700-normal.woff' } },
	{ name: 'latin-ext', file: { regular: 'noto-sans-latin-ext-400-normal.woff', bold: 'noto-sans-latin-ext-700-normal.woff' } },
	{ name: 'cyrillic', file: { regular: 'noto-sans-cyrillic-400-normal.woff', bold: 'noto-sans-cyrillic-700-normal.woff' } },
	{ name: 'cyrillic-ext', file: { regular: 'noto-sans-cyrillic-ext-400-normal.woff', bold: 'noto-sans-cyrillic-ext-700-normal.woff' } },
	{ name: 'greek', file: { regular: 'noto-sans-greek-400-normal.woff', bold: 'noto-sans-greek-700-normal.woff' } },
	{ name: 'vietnamese', file: { regular: 'noto-sans-vietnamese-400-normal.woff', bold: 'noto-sans-vietnamese-700-normal.woff' } },
	{ name: 'arabic', file: { regular: 'noto-sans-arabic-arabic-400-normal.woff', bold: 'noto-sans-arabic-arabic-700-normal.woff' } },
	{ name: 'sc', file: { regular: 'noto-sans-sc-chinese-simplified-400-normal.woff', bold: 'noto-sans-sc-chinese-simplified-700-normal.woff' } }
];

/** A file every copy of the folder has: how a candidate folder is recognised. */
const MARKER = FILES[0].file.regular;

let dir: string | undefined;

/**
 * The folder holding the font files, found once: `PDF_FONTS_DIR` when set; else `assets/fonts`
 * under the working directory (scripts/start.js, scripts/e2e-server.js and the bench all run the
 * server from the project folder); else the first `assets/fonts` walking up from this module's
 * file, which reaches the project folder both from src/lib/server/progress-public/pdf (Vitest,
 * tsx) and from build/server/chunks (the production build: its chunks are not beside the source,
 * so a path relative to this file alone would break there).
 */
export function fontsDir(): string {
	if (dir) return dir;
	const env = process.env.PDF_FONTS_DIR;
	const candidates = env ? [path.resolve(env)] : [path.resolve('assets', 'fonts')];
	if (!env) {
		for (let d = path.dirname(fileURLToPath(import.meta.url)); path.dirname(d) !== d; d = path.dirname(d)) {
			candidates.push(path.join(d, 'assets', 'fonts'));
		}
	}
	dir = candidates.find((d) => existsSync(path.join(d, MARKER)));
	if (!dir) throw new Error(`PDF fonts: ${MARKER} not found in ${candidates.join(', ')} (PDF_FONTS_DIR names the folder)`);
	return dir;
}

/** The first choice per locale (its script's face), before the common fallback order. */
const FIRST: Record<string, string[]> = { ar: ['arabic'], zh: ['sc'] };

export interface Face {
	/** registered name in the PDF document, e.g. "latin-regular" */
	id: string;
	data: Buffer;
	font: fontkit.Font;
}

const faces = new Map<string, Face>();

/** Loads (once per process) a face's bytes and its fontkit font for glyph-coverage checks. */
export function face(name: string, weight: Weight): Face {
	const id = `${name}-${weight}`;
	let f = faces.get(id);
	if (f) return f;
	const spec = FILES.find((x) => x.name === name);
	if (!spec) throw new Error(`unknown font ${name}`);
	const data = woffToSfnt(readFileSync(path.join(fontsDir(), spec.file[weight])));
	f = { id, data, font: fontkit.create(data) };
	faces.set(id, f);
	return f;
}

/** Face names in the order to try for a locale. */
export function fallbackOrder(locale: string): string[] {
	const first = FIRST[locale] ?? [];
	return [...first, ...FILES.map((f) => f.name).filter((n) => !first.includes(n))];
}

/**
 * Unpacks a WOFF 1.0 file into the sfnt (TrueType/OpenType) it wraps: every table inflated,
 * a fresh table directory, tables 4-byte aligned. Anything that is not WOFF is returned as is.
 */
export function woffToSfnt(woff: Buffer): Buffer {
	if (woff.length < 44 || woff.toString('latin1', 0, 4) !== 'wOFF') return woff;
	const flavor = woff.readUInt32BE(4);
	const numTables = woff.readUInt16BE(12);
	const tables: { tag: string; checksum: number; data: Buffer }[] = [];
	for (let i = 0; i < numTables; i++) {
		const at = 44 + i * 20;
		const tag = woff.toString('latin1', at, at + 4);
		const offset = woff.readUInt32BE(at + 4);
		const compLength = woff.readUInt32BE(at + 8);
		const origLength = woff.readUInt32BE(at + 12);
		const checksum = woff.readUInt32BE(at + 16);
		const raw = woff.subarray(offset, offset + compLength);
		const data = compLength < origLength ? inflateSync(raw) : Buffer.from(raw);
		if (data.length !== origLength) throw new Error(`font table ${tag}: bad length`);
		tables.push({ tag, checksum, data });
	}
	tables.sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
	const headerSize = 12 + 16 * numTables;
	const size = tables.reduce((n, t) => n + ((t.data.length + 3) & ~3), headerSize);
	const out = Buffer.alloc(size);
	let pow = 1;
	while (pow * 2 <= numTables) pow *= 2;
	out.writeUInt32BE(flavor, 0);
	out.writeUInt16BE(numTables, 4);
	out.writeUInt16BE(pow * 16, 6);
	out.writeUInt16BE(Math.log2(pow), 8);
	out.writeUInt16BE(numTables * 16 - pow * 16, 10);
	let offset = headerSize;
	tables.forEach((t, i) => {
		const rec = 12 + i * 16;
		out.write(t.tag, rec, 'latin1');
		out.writeUInt32BE(t.checksum, rec + 4);
		out.writeUInt32BE(offset, rec + 8);
		out.writeUInt32BE(t.data.length, rec + 12);
		t.data.copy(out, offset);
		offset += (t.data.length + 3) & ~3;
	});
	return out;
}
