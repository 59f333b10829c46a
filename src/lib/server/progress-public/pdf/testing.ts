// For tests: a small reader for the PDFs this module writes (pdfkit: plain objects, Flate
// streams, Identity-H fonts with ToUnicode maps), so tests can check the structure tree and the
// text each glyph copies out as, without poppler or a browser.
import { inflateSync } from 'node:zlib';

export type PdfValue = number | boolean | null | string | PdfName | PdfRef | PdfValue[] | PdfDict;
export class PdfName {
	constructor(readonly name: string) {}
}
export class PdfRef {
	constructor(readonly num: number) {}
}
export type PdfDict = { [key: string]: PdfValue };

interface PdfObject {
	value: PdfValue;
	stream?: Buffer;
}

const DELIM = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%']);
const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00;

/** Parses one PDF value at `pos` of `src` (latin1 text of the file); returns it and the position after it. */
function parseValue(src: string, pos: number): [PdfValue, number] {
	const skip = () => {
		while (pos < src.length) {
			if (isSpace(src.charCodeAt(pos))) pos++;
			else if (src[pos] === '%') while (pos < src.length && src[pos] !== '\n') pos++;
			else break;
		}
	};
	skip();
	const c = src[pos];
	if (c === '<' && src[pos + 1] === '<') {
		pos += 2;
		const dict: PdfDict = {};
		for (;;) {
			skip();
			if (src[pos] === '>' && src[pos + 1] === '>') return [dict, pos + 2];
			const [key, p1] = parseValue(src, pos);
			const [val, p2] = parseValue(src, p1);
			dict[(key as PdfName).name] = val;
			pos = p2;
		}
	}
	if (c === '[') {
		pos++;
		const arr: PdfValue[] = [];
		for (;;) {
			skip();
			if (src[pos] === ']') return [arr, pos + 1];
			const [v, p] = parseValue(src, pos);
			arr.push(v);
			pos = p;
		}
	}
	if (c === '/') {
		let end = pos + 1;
		while (end < src.length && !isSpace(src.charCodeAt(end)) && !DELIM.has(src[end])) end++;
		return [new PdfName(src.slice(pos + 1, end)), end];
	}
	if (c === '(') {
		let depth = 1;
		let out = '';
		pos++;
		while (depth > 0) {
			const ch = src[pos++];
			if (ch === '\\') {
				const e = src[pos++];
				const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
				if (e in map) out += map[e];
				else if (/[0-7]/.test(e)) {
					let oct = e;
					while (oct.length < 3 && /[0-7]/.test(src[pos])) oct += src[pos++];
					out += String.fromCharCode(parseInt(oct, 8));
				} else if (e === '\r' || e === '\n') {
					if (e === '\r' && src[pos] === '\n') pos++;
				} else out += e;
			} else {
				if (ch === '(') depth++;
				if (ch === ')' && --depth === 0) break;
				out += ch;
			}
		}
		return [decodeTextString(out), pos];
	}
	if (c === '<') {
		const end = src.indexOf('>', pos);
		const hex = src.slice(pos + 1, end).replace(/\s+/g, '');
		return [decodeTextString(Buffer.from(hex, 'hex').toString('latin1')), end + 1];
	}
	const m = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(src.slice(pos, pos + 40));
	if (m) {
		const ref = /^(\d+)\s+(\d+)\s+R\b/.exec(src.slice(pos, pos + 40));
		if (ref) return [new PdfRef(Number(ref[1])), pos + ref[0].length];
		return [Number(m[0]), pos + m[0].length];
	}
	for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) if (src.startsWith(word, pos)) return [v, pos + word.length];
	throw new Error(`PDF value expected at ${pos}: ${src.slice(pos, pos + 20)}`);
}

/** A PDF text string: UTF-16BE with a byte-order mark, else (close enough here) Latin-1. */
function decodeTextString(bytes: string): string {
	if (bytes.charCodeAt(0) === 0xfe && bytes.charCodeAt(1) === 0xff) {
		let s = '';
		for (let i = 2; i + 1 < bytes.length; i += 2) s += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
		return s;
	}
	return bytes;
}

export interface StructNode {
	type: string;
	alt?: string;
	actual?: string;
	lang?: string;
	scope?: string;
	children: StructNode[];
	/** marked-content ids directly under this element */
	mcids: number[];
}

/** The text of one text object (BT … ET): each glyph's ToUnicode text, in drawing order. */
export interface TextRun {
	page: number;
	font: string;
	glyphs: string[];
}

export class PdfReader {
	readonly objects = new Map<number, PdfObject>();
	readonly trailer: PdfDict;

	constructor(bytes: Buffer) {
		const src = bytes.toString('latin1');
		const re = /(\d+) 0 obj\s*/g;
		let m: RegExpExecArray | null;
		while ((m = re.exec(src))) {
			const [value, after] = parseValue(src, re.lastIndex);
			const obj: PdfObject = { value };
			const rest = /^\s*stream\r?\n/.exec(src.slice(after, after + 20));
			if (rest) {
				const start = after + rest[0].length;
				const length = this.resolve((value as PdfDict).Length) as number;
				const raw = bytes.subarray(start, start + length);
				const filter = (value as PdfDict).Filter;
				obj.stream = filter instanceof PdfName && filter.name === 'FlateDecode' ? inflateSync(raw) : Buffer.from(raw);
				re.lastIndex = start + length;
			} else re.lastIndex = after;
			this.objects.set(Number(m[1]), obj);
		}
		const t = src.lastIndexOf('trailer');
		this.trailer = parseValue(src, t + 'trailer'.length)[0] as PdfDict;
	}

	resolve(v: PdfValue | undefined): PdfValue | undefined {
		return v instanceof PdfRef ? this.objects.get(v.num)?.value : v;
	}

	dict(v: PdfValue | undefined): PdfDict {
		return (this.resolve(v) ?? {}) as PdfDict;
	}

	get catalog(): PdfDict {
		return this.dict(this.trailer.Root);
	}

	get pages(): PdfDict[] {
		return (this.dict(this.catalog.Pages).Kids as PdfRef[]).map((k) => this.dict(k));
	}

	/** The structure tree from the StructTreeRoot, or null. */
	structTree(): StructNode | null {
		const root = this.catalog.StructTreeRoot;
		if (!root) return null;
		const walk = (v: PdfValue | undefined): StructNode => {
			const d = this.dict(v);
			const node: StructNode = { type: d.Type instanceof PdfName && d.Type.name === 'StructTreeRoot' ? 'StructTreeRoot' : (d.S as PdfName).name, children: [], mcids: [] };
			if (typeof d.Alt === 'string') node.alt = d.Alt;
			if (typeof d.ActualText === 'string') node.actual = d.ActualText;
			if (typeof d.Lang === 'string') node.lang = d.Lang;
			const a = this.dict(d.A);
			if (a.Scope instanceof PdfName) node.scope = a.Scope.name;
			const kids = d.K === undefined ? [] : Array.isArray(d.K) ? d.K : [d.K];
			for (const k of kids) {
				if (typeof k === 'number') node.mcids.push(k);
				else {
					const kd = this.dict(k);
					if (kd.Type instanceof PdfName && kd.Type.name === 'MCR') node.mcids.push(kd.MCID as number);
					else node.children.push(walk(k));
				}
			}
			return node;
		};
		return walk(root);
	}

	/** ToUnicode map of a font: glyph code -> text. */
	private toUnicode(font: PdfDict): Map<number, string> {
		const map = new Map<number, string>();
		const cmap = font.ToUnicode instanceof PdfRef ? this.objects.get(font.ToUnicode.num)?.stream?.toString('latin1') : undefined;
		if (!cmap) return map;
		const hexText = (h: string) => {
			const clean = h.replace(/\s+/g, '');
			let s = '';
			for (let i = 0; i + 3 < clean.length; i += 4) s += String.fromCharCode(parseInt(clean.slice(i, i + 4), 16));
			return s;
		};
		for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
			for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F\s]*>)/g)) {
				const lo = parseInt(r[1], 16);
				const hi = parseInt(r[2], 16);
				if (r[3].startsWith('[')) [...r[3].matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach((e, i) => map.set(lo + i, hexText(e[1])));
				else {
					const first = hexText(r[3].slice(1, -1));
					for (let c = lo; c <= hi; c++) map.set(c, first.slice(0, -1) + String.fromCharCode(first.charCodeAt(first.length - 1) + c - lo));
				}
			}
		}
		for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
			for (const r of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F\s]*)>/g)) map.set(parseInt(r[1], 16), hexText(r[2]));
		}
		return map;
	}

	/** Every text object of every page with the text of each glyph (two-byte codes, as pdfkit writes them). */
	textRuns(): TextRun[] {
		const runs: TextRun[] = [];
		this.pages.forEach((page, n) => {
			const fonts = this.dict(this.dict(page.Resources).Font);
			const maps = new Map<string, Map<number, string>>();
			const contents = Array.isArray(page.Contents) ? page.Contents : [page.Contents];
			const content = contents.map((c) => (c instanceof PdfRef ? this.objects.get(c.num)?.stream?.toString('latin1') ?? '' : '')).join('\n');
			let font = '';
			let run: TextRun | null = null;
			for (const tok of content.matchAll(/\/([A-Za-z0-9]+)\s+[\d.]+\s+Tf|<([0-9a-fA-F]*)>|\bBT\b|\bET\b/g)) {
				if (tok[0] === 'BT') run = { page: n + 1, font, glyphs: [] };
				else if (tok[0] === 'ET') {
					if (run) runs.push(run);
					run = null;
				} else if (tok[1]) {
					font = tok[1];
					if (run) run.font = font;
					if (!maps.has(font)) maps.set(font, this.toUnicode(this.dict(fonts[font])));
				} else if (run && tok[2] !== undefined) {
					const map = maps.get(font) ?? new Map();
					for (let i = 0; i + 3 < tok[2].length; i += 4) run.glyphs.push(map.get(parseInt(tok[2].slice(i, i + 4), 16)) ?? '\uFFFD');
				}
			}
		});
		return runs;
	}
}

/** The text of a run in reading order: right-to-left runs (Arabic) are drawn last letter first. */
export function runText(run: TextRun): string {
	const text = run.glyphs.join('');
	return /[\u0600-\u06FF]/.test(text) ? [...run.glyphs].reverse().join('') : text;
}

/** Structure elements of a type, depth first. */
export function findAll(node: StructNode, type: string): StructNode[] {
	const out: StructNode[] = [];
	const walk = (n: StructNode) => {
		if (n.type === type) out.push(n);
		n.children.forEach(walk);
	};
	walk(node);
	return out;
}
