// XLIFF 2.0 (OASIS, core only) for content sets, and PO (gettext) for UI messages: writing a file
// for one language, and reading one back into plain (unit id -> source, target) pairs. Reading
// checks the structure only; apply.ts checks the pairs against the content.
import { locales, type Locale } from '../../paraglide/runtime';
import { escapeXml } from '../../markup';
import { childElements, parseXml, textOnly, XmlError, type XmlElement } from './xml';
import type { SetModel } from './sets';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

export interface Unit {
	id: string;
	source: string;
	/** undefined: no target (untranslated in the file) */
	target?: string;
	line?: number;
}

export interface ParsedFile {
	format: 'xliff' | 'po';
	set: string;
	lang: Locale;
	units: Unit[];
}

/** A problem with the file or one segment of it. */
export interface Problem {
	/** unit id, or undefined for the whole file */
	segment?: string;
	line?: number;
	reason: string;
	/** a stale source (the English changed since export): skippable with --skip-stale */
	stale?: boolean;
}

export class TranslationFileError extends Error {
	constructor(readonly problems: Problem[]) {
		super(problems.map((p) => `${p.segment ?? '(file)'}${p.line ? ` (line ${p.line})` : ''}: ${p.reason}`).join('\n'));
		this.name = 'TranslationFileError';
	}
}

/** The set as XLIFF 2.0 for `lang`: every segment, with the current translation as target when there is one. */
export function exportXliff(model: SetModel, lang: Locale): string {
	const statusOf = new Map(model.items.map((i) => [i.id, i.declared[lang]?.status]));
	const out: string[] = [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="en" trgLang="${lang}">`,
		`  <file id="${escapeXml(model.set.id)}" original="${escapeXml(model.set.id)}">`,
		`    <notes><note category="title">${escapeXml(model.set.title)}</note></notes>`
	];
	for (const s of model.segments) {
		if (s.text.en === undefined) continue;
		const target = s.text[lang];
		const status = target === undefined ? undefined : (statusOf.get(s.item) ?? (lang === 'en' ? 'original' : 'machine-assisted'));
		const state = target === undefined ? 'initial' : status === 'reviewed' ? 'reviewed' : 'translated';
		out.push(`    <unit id="${escapeXml(s.id)}">`);
		out.push(`      <notes><note category="location">${escapeXml(s.note)}</note><note category="format">${s.kind === 'markdown' ? 'Markdown: keep the markup (##, **, -, links); no HTML' : 'plain text; keep {placeholders} as they are'}</note>${status ? `<note category="status">${status}</note>` : ''}</notes>`);
		out.push(`      <segment state="${state}">`);
		out.push(`        <source xml:space="preserve">${escapeXml(s.text.en)}</source>`);
		if (target !== undefined) out.push(`        <target xml:space="preserve">${escapeXml(target)}</target>`);
		out.push('      </segment>');
		out.push('    </unit>');
	}
	out.push('  </file>', '</xliff>', '');
	return out.join('\n');
}

const localName = (el: XmlElement) => el.name.replace(/^.*:/, '');

/** Reads an XLIFF 2.0 file; throws TranslationFileError listing structural problems. */
export function parseXliff(text: string): ParsedFile {
	let root: XmlElement;
	try {
		root = parseXml(text);
	} catch (e) {
		if (e instanceof XmlError) throw new TranslationFileError([{ line: e.line, reason: `not well-formed XML: ${e.message.replace(/^line \d+: /, '')}` }]);
		throw e;
	}
	const problems: Problem[] = [];
	if (root.name !== 'xliff') throw new TranslationFileError([{ line: root.line, reason: `the root element is <${root.name}>, not <xliff>` }]);
	if (root.attrs.xmlns !== XLIFF_NS) problems.push({ line: root.line, reason: `xmlns must be ${XLIFF_NS} (XLIFF 2.0)` });
	if (root.attrs.version !== '2.0') problems.push({ line: root.line, reason: `version must be "2.0" (found "${root.attrs.version ?? ''}")` });
	if (root.attrs.srcLang !== 'en') problems.push({ line: root.line, reason: 'srcLang must be "en": English is the source of every set' });
	const lang = root.attrs.trgLang as Locale;
	if (!lang || !(locales as readonly string[]).includes(lang) || lang === 'en') problems.push({ line: root.line, reason: `trgLang must be one of ${locales.filter((l) => l !== 'en').join(', ')}` });
	const files = childElements(root).filter((e) => localName(e) === 'file');
	if (files.length !== 1) problems.push({ line: root.line, reason: `one <file> element expected (found ${files.length}): export and import one content set at a time` });
	const units: Unit[] = [];
	const file = files[0];
	if (file) {
		if (!file.attrs.id) problems.push({ line: file.line, reason: '<file> needs an id (the content set)' });
		const walk = (el: XmlElement) => {
			for (const c of childElements(el)) {
				const n = localName(c);
				if (n === 'group') walk(c);
				else if (n === 'unit') units.push(readUnit(c, problems));
				else if (n !== 'notes' && n !== 'skeleton' && !c.name.includes(':')) problems.push({ line: c.line, reason: `unexpected <${c.name}> in <${localName(el)}>` });
			}
		};
		walk(file);
	}
	if (problems.length) throw new TranslationFileError(problems);
	return { format: 'xliff', set: file!.attrs.id, lang, units };
}

function readUnit(unit: XmlElement, problems: Problem[]): Unit {
	const id = unit.attrs.id ?? '';
	if (!id) problems.push({ line: unit.line, reason: '<unit> without an id' });
	const segs = childElements(unit).filter((e) => localName(e) === 'segment');
	if (segs.length !== 1) {
		problems.push({ segment: id, line: unit.line, reason: `one <segment> expected per unit (found ${segs.length})` });
		return { id, source: '', line: unit.line };
	}
	const seg = segs[0];
	const source = childElements(seg).find((e) => localName(e) === 'source');
	const target = childElements(seg).find((e) => localName(e) === 'target');
	const text = (el: XmlElement | undefined, what: string): string | undefined => {
		if (!el) return undefined;
		const t = textOnly(el);
		if (t === undefined) problems.push({ segment: id, line: el.line, reason: `<${what}> contains inline elements (<ph>, <pc>, ...): write the text, with Markdown or {placeholders}, as plain text` });
		return t;
	};
	if (!source) problems.push({ segment: id, line: seg.line, reason: '<segment> without <source>' });
	return { id, source: text(source, 'source') ?? '', target: text(target, 'target'), line: seg.line };
}

// ---- PO (gettext) for UI messages ----------------------------------------------------------------

const poString = (s: string) =>
	'"' +
	s
		.replace(/\\/g, '\\\\')
		.replace(/"/g, '\\"')
		.replace(/\t/g, '\\t')
		.replace(/\r/g, '\\r')
		.replace(/\n/g, '\\n') +
	'"';

/** UI messages as PO for `lang`: msgctxt is the message key, msgid the English, msgstr the translation. */
export function exportPo(model: SetModel, lang: Locale): string {
	const out = [
		'# COP Platform UI messages. msgctxt is the message key; keep {placeholders} as they are.',
		'msgid ""',
		'msgstr ""',
		poString('Content-Type: text/plain; charset=UTF-8\n'),
		poString(`Language: ${lang}\n`),
		poString('X-Source-Language: en\n'),
		poString(`X-Content-Set: ${model.set.id}\n`),
		''
	];
	for (const s of model.segments) {
		if (s.text.en === undefined) continue;
		out.push(`msgctxt ${poString(s.id)}`, `msgid ${poString(s.text.en)}`, `msgstr ${poString(s.text[lang] ?? '')}`, '');
	}
	return out.join('\n');
}

/** Reads a PO file of UI messages; throws TranslationFileError listing syntax problems. */
export function parsePo(text: string): ParsedFile {
	const problems: Problem[] = [];
	const entries: { ctx?: string; id?: string; str?: string; line: number }[] = [];
	let cur: { ctx?: string; id?: string; str?: string; line: number } | undefined;
	let field: 'ctx' | 'id' | 'str' | undefined;
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	const unquote = (s: string, line: number): string | undefined => {
		const m = /^"((?:[^"\\]|\\.)*)"$/.exec(s.trim());
		if (!m) {
			problems.push({ line, reason: 'a quoted string was expected' });
			return undefined;
		}
		return m[1].replace(/\\(.)/g, (_w, c: string) => ({ n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\' })[c] ?? (problems.push({ line, reason: `unknown escape \\${c}` }), c));
	};
	lines.forEach((raw, i) => {
		const line = i + 1;
		const l = raw.trim();
		if (!l || l.startsWith('#')) {
			if (!l) field = undefined;
			return;
		}
		const m = /^(msgctxt|msgid|msgstr|msgid_plural|msgstr\[\d+\])\s+(.*)$/.exec(l);
		if (m) {
			if (m[1] === 'msgid_plural' || m[1].startsWith('msgstr[')) {
				problems.push({ line, reason: 'plural forms are not used by the platform messages' });
				return;
			}
			const key = m[1] === 'msgctxt' ? 'ctx' : m[1] === 'msgid' ? 'id' : 'str';
			if (key === 'ctx' || (key === 'id' && (!cur || cur.id !== undefined))) {
				cur = { line };
				entries.push(cur);
			}
			if (!cur) {
				problems.push({ line, reason: `${m[1]} before msgid` });
				return;
			}
			if (cur[key] !== undefined) problems.push({ line, reason: `${m[1]} appears twice in one entry` });
			cur[key] = unquote(m[2], line) ?? '';
			field = key;
		} else if (l.startsWith('"') && cur && field) {
			cur[field] = (cur[field] ?? '') + (unquote(l, line) ?? '');
		} else problems.push({ line, reason: 'not a PO line (msgctxt, msgid, msgstr, a quoted continuation or a # comment)' });
	});
	const header = entries.find((e) => e.id === '' && e.ctx === undefined);
	const headers = Object.fromEntries((header?.str ?? '').split('\n').filter(Boolean).map((h) => [h.slice(0, h.indexOf(':')).trim(), h.slice(h.indexOf(':') + 1).trim()]));
	const lang = headers.Language as Locale;
	if (!header) problems.push({ line: 1, reason: 'the PO header (msgid "") is missing' });
	else if (!(locales as readonly string[]).includes(lang) || lang === 'en') problems.push({ line: header.line, reason: `the Language header must be one of ${locales.filter((l) => l !== 'en').join(', ')}` });
	const units: Unit[] = [];
	for (const e of entries) {
		if (e === header) continue;
		if (e.ctx === undefined) {
			problems.push({ line: e.line, reason: 'an entry without msgctxt (the message key)' });
			continue;
		}
		if (e.id === undefined || e.str === undefined) {
			problems.push({ segment: e.ctx, line: e.line, reason: 'an entry needs msgid and msgstr' });
			continue;
		}
		units.push({ id: e.ctx, source: e.id, target: e.str === '' ? undefined : e.str, line: e.line });
	}
	if (problems.length) throw new TranslationFileError(problems);
	return { format: 'po', set: headers['X-Content-Set'] || 'messages', lang, units };
}
