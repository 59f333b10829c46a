// A small strict XML parser for translation files. It reads elements, attributes, text, CDATA,
// comments and processing instructions, the five predefined entities and numeric character
// references, and refuses everything else: a DOCTYPE (so no external or internal entities, no
// "billion laughs"), unknown entities, mismatched or unclosed tags, duplicate attributes and
// characters XML forbids. Errors carry the line number.

export interface XmlElement {
	name: string;
	attrs: Record<string, string>;
	children: XmlNode[];
	line: number;
}
export type XmlNode = XmlElement | string;

export class XmlError extends Error {
	constructor(
		message: string,
		readonly line: number
	) {
		super(`line ${line}: ${message}`);
		this.name = 'XmlError';
	}
}

const NAME = /[A-Za-z_:][A-Za-z0-9_:.\-]*/y;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
// XML 1.0 Char: tab, LF, CR and U+0020 upwards except surrogates (handled by JS strings) and FFFE/FFFF
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Parses a whole document and returns its root element. */
export function parseXml(text: string): XmlElement {
	const src = text.replace(/^\uFEFF/, '');
	let pos = 0;
	const newlines: number[] = [];
	for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) newlines.push(i);
	const lineAt = (p: number) => {
		let lo = 0;
		let hi = newlines.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (newlines[mid] < p) lo = mid + 1;
			else hi = mid;
		}
		return lo + 1;
	};
	const fail = (msg: string, p = pos): never => {
		throw new XmlError(msg, lineAt(p));
	};
	const bad = FORBIDDEN.exec(src);
	if (bad) fail('a character XML does not allow (control character)', bad.index);

	const decode = (raw: string, at: number): string =>
		raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
			if (!whole.endsWith(';')) fail('"&" must be written &amp;', at);
			if (ref in ENTITIES) return ENTITIES[ref];
			const m = /^#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}))$/.exec(ref);
			if (!m) fail(`unknown entity &${ref}; (only &lt; &gt; &amp; &quot; &apos; and character references)`, at);
			const code = m![1] !== undefined ? parseInt(m![1], 16) : parseInt(m![2], 10);
			if (code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13) || (code >= 0xd800 && code <= 0xdfff)) fail(`character reference &${ref}; is not allowed`, at);
			return String.fromCodePoint(code);
		});

	const name = (): string => {
		NAME.lastIndex = pos;
		const m = NAME.exec(src);
		if (!m) fail('a name was expected');
		pos += m![0].length;
		return m![0];
	};
	const space = () => {
		while (pos < src.length && /\s/.test(src[pos])) pos++;
	};
	const skipMisc = (allowDecl: boolean) => {
		for (;;) {
			space();
			if (src.startsWith('<?', pos)) {
				const end = src.indexOf('?>', pos);
				if (end < 0) fail('unclosed processing instruction');
				const isDecl = /^<\?xml[\s?]/.test(src.slice(pos, pos + 6));
				if (isDecl && (!allowDecl || pos !== 0)) fail('the XML declaration must come first');
				pos = end + 2;
				allowDecl = false;
			} else if (src.startsWith('<!--', pos)) {
				const end = src.indexOf('-->', pos + 4);
				if (end < 0) fail('unclosed comment');
				pos = end + 3;
			} else if (src.startsWith('<!DOCTYPE', pos) || src.startsWith('<!doctype', pos)) {
				fail('a DOCTYPE is not accepted (no entity declarations in translation files)');
			} else return;
			allowDecl = false;
		}
	};

	const element = (): XmlElement => {
		const line = lineAt(pos);
		if (src[pos] !== '<') fail('an element was expected');
		pos++;
		const el: XmlElement = { name: name(), attrs: {}, children: [], line };
		for (;;) {
			const before = pos;
			space();
			if (src.startsWith('/>', pos)) {
				pos += 2;
				return el;
			}
			if (src[pos] === '>') {
				pos++;
				break;
			}
			if (pos === before) fail(`space expected between attributes of <${el.name}>`);
			const attr = name();
			space();
			if (src[pos] !== '=') fail(`"=" expected after attribute ${attr}`);
			pos++;
			space();
			const q = src[pos];
			if (q !== '"' && q !== "'") fail(`attribute ${attr} needs a quoted value`);
			const end = src.indexOf(q, pos + 1);
			if (end < 0) fail(`unclosed attribute ${attr}`);
			const raw = src.slice(pos + 1, end);
			if (raw.includes('<')) fail(`"<" inside attribute ${attr}`);
			if (attr in el.attrs) fail(`attribute ${attr} appears twice`);
			el.attrs[attr] = decode(raw, pos);
			pos = end + 1;
		}
		// content
		let text = '';
		const flush = () => {
			if (text) el.children.push(text);
			text = '';
		};
		for (;;) {
			if (pos >= src.length) fail(`<${el.name}> (line ${line}) is never closed`);
			if (src.startsWith('</', pos)) {
				pos += 2;
				const closing = name();
				if (closing !== el.name) fail(`</${closing}> closes <${el.name}> (line ${line})`);
				space();
				if (src[pos] !== '>') fail('">" expected');
				pos++;
				flush();
				return el;
			}
			if (src.startsWith('<![CDATA[', pos)) {
				const end = src.indexOf(']]>', pos);
				if (end < 0) fail('unclosed CDATA section');
				text += src.slice(pos + 9, end);
				pos = end + 3;
			} else if (src.startsWith('<!--', pos)) {
				const end = src.indexOf('-->', pos + 4);
				if (end < 0) fail('unclosed comment');
				pos = end + 3;
			} else if (src.startsWith('<?', pos)) {
				const end = src.indexOf('?>', pos);
				if (end < 0) fail('unclosed processing instruction');
				pos = end + 2;
			} else if (src.startsWith('<!', pos)) {
				fail('a DOCTYPE or declaration is not accepted here');
			} else if (src[pos] === '<') {
				flush();
				el.children.push(element());
			} else {
				const next = src.indexOf('<', pos);
				const end = next < 0 ? src.length : next;
				const raw = src.slice(pos, end);
				if (raw.includes(']]>')) fail('"]]>" is not allowed in text');
				text += decode(raw, pos);
				pos = end;
			}
		}
	};

	skipMisc(true);
	if (pos >= src.length) fail('the file is empty');
	const root = element();
	skipMisc(false);
	if (pos < src.length) fail('text after the root element');
	return root;
}

/** Child elements named `name` (local name, namespace prefix ignored only when absent). */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
	return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (!name || c.name === name));
}

/** The text of an element that may hold only text; undefined when it holds elements. */
export function textOnly(el: XmlElement): string | undefined {
	if (el.children.some((c) => typeof c !== 'string')) return undefined;
	return el.children.join('');
}
