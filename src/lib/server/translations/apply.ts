// Checking a translation file against the current content, and turning it into file writes. The
// whole file is checked before anything is written: structure, known set and unit ids, the English
// source unchanged since export (else "stale"), {placeholders} kept, no raw HTML, Markdown that the
// loader's sanitiser keeps whole, and finally the changed content validated by the real loaders.
// Any problem: no writes at all.
import { Document, parseDocument, isMap, isSeq } from 'yaml';
import { locales, type Locale } from '../../paraglide/runtime';
import { TRANSLATION_STATUSES, type TranslationRecord, type TranslationStatus } from '../content';
import { rawHtmlIn, unsafeLinksIn } from '../learning/markdown';
import { readLearnContent } from '../learning/content';
import { parseToolkit } from '../toolkits/content';
import { parseCourse, parseScenario } from '../kids';
import { readSet, readSidecar, splitFront, SIDECAR, type Item, type RepoFiles, type Segment, type SetModel } from './sets';
import { parsePo, parseXliff, TranslationFileError, type ParsedFile, type Problem } from './xliff';

export interface CheckOptions {
	/** the status given to items whose text the file changes (default "translated"); when given
	 * explicitly it is also recorded for items the file translates without changing them (a review) */
	status?: Exclude<TranslationStatus, 'original'>;
	by?: string;
	/** YYYY-MM-DD; default today */
	at?: string;
	/** leave stale segments (English changed since export) alone instead of refusing the file */
	skipStale?: boolean;
}

export interface CheckResult {
	format?: 'xliff' | 'po';
	set?: string;
	lang?: Locale;
	units: number;
	changed: number;
	unchanged: number;
	untranslated: number;
	stale: number;
	problems: Problem[];
	/** repository path -> new text; empty when there is any problem */
	writes: Record<string, string>;
}

const PLACEHOLDER = /\{[A-Za-z_][A-Za-z0-9_]*\}/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
// HTML elements (not "<file>" or "<fichier>" in a sentence that names a command-line argument),
// any tag with an attribute, comments and processing instructions
const HTML_TAG = /<\/?(?:a|abbr|area|audio|b|base|bdi|bdo|blockquote|body|br|button|canvas|code|details|dialog|div|em|embed|font|form|frame|frameset|h[1-6]|head|html|i|iframe|img|input|link|li|marquee|math|meta|noscript|object|ol|option|p|param|picture|pre|s|script|select|small|source|span|strong|style|sub|sup|svg|table|td|template|textarea|th|tr|u|ul|video)\b[^>]*>|<[A-Za-z][^>]*\s[A-Za-z:-]+\s*=|<!--|<\?/i;
const LIMITS = { text: 2000, markdown: 100_000 };

const placeholders = (s: string) => [...s.matchAll(PLACEHOLDER)].map((m) => m[0]).sort();

/** Problems of one translated text, empty when it is acceptable. */
export function checkTarget(seg: Segment, target: string): string[] {
	const out: string[] = [];
	const want = placeholders(seg.text.en ?? '');
	const have = placeholders(target);
	const missing = want.filter((p) => !have.includes(p));
	const extra = have.filter((p) => !want.includes(p));
	if (missing.length) out.push(`placeholder ${[...new Set(missing)].join(', ')} is missing from the translation`);
	if (extra.length) out.push(`placeholder ${[...new Set(extra)].join(', ')} is not in the English and would not be filled`);
	if (CONTROL.test(target)) out.push('control characters are not allowed');
	if (seg.kind === 'markdown') {
		if (target.length > LIMITS.markdown) out.push(`longer than ${LIMITS.markdown} characters`);
		const html = rawHtmlIn(target);
		if (html) out.push(`raw HTML is not allowed in Markdown: ${html.slice(0, 60)}`);
		for (const href of unsafeLinksIn(target)) out.push(`link "${href.slice(0, 60)}" would be removed: use a site path (/help), https: or mailto:`);
	} else {
		if (target.length > LIMITS.text) out.push(`longer than ${LIMITS.text} characters`);
		if (HTML_TAG.test(target)) out.push('HTML tags are not allowed');
		if (/\n/.test(target) && !/\n/.test(seg.text.en ?? '')) out.push('a line break where the English has none');
	}
	return out;
}

/** Reads a translation file (XLIFF 2.0 or PO, told apart by content) without checking it against content. */
export function readTranslationFile(text: string): ParsedFile {
	return text.trimStart().startsWith('<') ? parseXliff(text) : parsePo(text);
}

const today = () => new Date().toISOString().slice(0, 10);

/** Checks a translation file against `files` and computes the writes; never writes anything itself. */
export function checkTranslation(files: RepoFiles, text: string, opts: CheckOptions = {}): CheckResult {
	const result: CheckResult = { units: 0, changed: 0, unchanged: 0, untranslated: 0, stale: 0, problems: [], writes: {} };
	let parsed: ParsedFile;
	try {
		parsed = readTranslationFile(text);
	} catch (e) {
		if (e instanceof TranslationFileError) {
			result.problems = e.problems;
			return result;
		}
		throw e;
	}
	Object.assign(result, { format: parsed.format, set: parsed.set, lang: parsed.lang, units: parsed.units.length });
	if (opts.status && !TRANSLATION_STATUSES.includes(opts.status)) result.problems.push({ reason: `unknown status "${opts.status}"` });
	let model: SetModel;
	try {
		model = readSet(files, parsed.set);
	} catch (e) {
		result.problems.push({ reason: (e as Error).message });
		return result;
	}
	if (parsed.format === 'po' && model.set.kind !== 'messages') result.problems.push({ reason: 'PO files are for UI messages; content sets use XLIFF' });
	const lang = parsed.lang;
	const byId = new Map(model.segments.map((s) => [s.id, s]));
	const seen = new Set<string>();
	const changes: { seg: Segment; target: string }[] = [];
	const translatedItems = new Set<string>();
	for (const u of parsed.units) {
		const at = { segment: u.id, line: u.line };
		if (seen.has(u.id)) {
			result.problems.push({ ...at, reason: 'this unit id appears twice' });
			continue;
		}
		seen.add(u.id);
		const seg = byId.get(u.id);
		if (!seg) {
			result.problems.push({ ...at, reason: `unknown id: no such segment in ${model.set.id}` });
			continue;
		}
		if (u.source.trim() !== (seg.text.en ?? '').trim()) {
			result.stale++;
			if (!opts.skipStale) result.problems.push({ ...at, stale: true, reason: 'stale: the English source changed since this file was exported; export again (or use --skip-stale to leave it out)' });
			continue;
		}
		if (u.target === undefined || !u.target.trim()) {
			result.untranslated++;
			continue;
		}
		const target = seg.kind === 'markdown' ? u.target.trim() : u.target;
		const issues = checkTarget(seg, target);
		for (const reason of issues) result.problems.push({ ...at, reason });
		if (issues.length) continue;
		translatedItems.add(seg.item);
		if (target === seg.text[lang]) result.unchanged++;
		else changes.push({ seg, target });
	}
	result.changed = changes.length;
	if (result.problems.length) return result;

	const record: TranslationRecord = { status: opts.status ?? 'translated', ...(opts.by ? { by: opts.by } : {}), at: opts.at ?? today() };
	const statusItems = new Set(changes.map((c) => c.seg.item));
	if (opts.status) for (const i of translatedItems) statusItems.add(i);
	const w = new Writer(files);
	try {
		for (const c of changes) w.setText(c.seg, lang, c.target);
		w.finish();
		for (const item of model.items.filter((i) => statusItems.has(i.id))) w.setStatus(item, lang, record);
	} catch (e) {
		result.problems.push({ reason: (e as Error).message });
		return result;
	}
	const writes = w.result();
	result.problems.push(...validateAfter(files, writes));
	if (!result.problems.length) result.writes = writes;
	return result;
}

/** Runs the platform's own loaders on the content as it would be after the writes. */
function validateAfter(files: RepoFiles, writes: Record<string, string>): Problem[] {
	const next = { ...files, ...writes };
	const problems: Problem[] = [];
	const touched = Object.keys(writes);
	if (touched.some((f) => f.startsWith('content/learn/'))) {
		const learn: Record<string, string> = {};
		for (const [k, t] of Object.entries(next)) if (k.startsWith('content/learn/')) learn[k.slice('content/learn/'.length)] = t;
		for (const p of readLearnContent(learn).problems) problems.push({ reason: `after import, ${p.file}: ${p.reason}` });
	}
	for (const f of touched.filter((x) => /^content\/toolkits\/[^/]+\/toolkit\.json$/.test(x))) {
		for (const p of parseToolkit(JSON.parse(next[f]), f).problems) problems.push({ reason: `after import, ${p.file}: ${p.reason}` });
	}
	for (const f of touched.filter((x) => /^content\/kids\/(scenarios|courses)\/[^/]+\.json$/.test(x))) {
		let raw: unknown;
		try {
			raw = JSON.parse(next[f]);
		} catch {
			continue; // reported below
		}
		const errors = f.startsWith('content/kids/courses/') ? parseCourse(raw, f).errors : parseScenario(raw, f).errors;
		for (const e of errors) problems.push({ reason: `after import, ${e}` });
	}
	for (const f of touched.filter((x) => x.endsWith('.json'))) {
		try {
			JSON.parse(next[f]);
		} catch (e) {
			problems.push({ reason: `after import, ${f}: ${(e as Error).message}` });
		}
	}
	return problems;
}

const indentOf = (text: string) => (/^\{\n\t/.test(text) ? '\t' : 2);

/** Accumulates changes to files in memory; result() returns only the files that differ. */
class Writer {
	private json = new Map<string, unknown>();
	private text = new Map<string, string>();
	constructor(private files: RepoFiles) {}

	private read(file: string): string | undefined {
		return this.text.get(file) ?? this.files[file];
	}
	private doc(file: string): Record<string, unknown> {
		if (!this.json.has(file)) this.json.set(file, this.files[file] !== undefined ? JSON.parse(this.files[file]) : {});
		return this.json.get(file) as Record<string, unknown>;
	}

	setText(seg: Segment, lang: Locale, target: string): void {
		const p = seg.place;
		if (p.type === 'json') {
			let o = this.doc(p.file) as Record<string | number, unknown>;
			for (const k of p.path) o = o[k] as Record<string | number, unknown>;
			const had = lang in o;
			o[lang] = target;
			if (!had) {
				const ordered = Object.fromEntries(locales.filter((l) => l in o).map((l) => [l, o[l]]));
				for (const k of Object.keys(o)) delete o[k];
				Object.assign(o, ordered);
			}
		} else if (p.type === 'message') {
			this.doc(`messages/${lang}.json`)[p.key] = target;
		} else if (p.type === 'body' && !p.frontMatter) {
			this.text.set(`${p.dir}/${lang}/${p.name}`, target + '\n');
		} else {
			const file = `${p.dir}/${lang}/${p.name}`;
			const existing = this.read(file);
			if (existing === undefined) this.createSection(seg, target, file);
			else if (p.type === 'body') this.text.set(file, replaceBody(existing, target));
			else this.editFront(file, (d) => {
				if (p.field === 'title' || p.field === 'summary') d.set(p.field, target);
				else {
					const list = d.get('checklist');
					const id = p.field.checklist;
					const node = isSeq(list) ? list.items.find((it) => isMap(it) && it.get('id') === id) : undefined;
					if (isMap(node)) node.set('text', target);
					else if (isSeq(list)) list.add(d.createNode({ id, text: target }));
					else d.set('checklist', [{ id, text: target }]);
				}
			});
		}
	}

	/** A section file for a language that has none yet: collected here, written by finish(). */
	private newSections = new Map<string, { enFile: string; title?: string; summary?: string; body?: string; checklist: { id: string; text: string }[] }>();

	private createSection(seg: Segment, target: string, file: string): void {
		const p = seg.place as Extract<Segment['place'], { type: 'front' | 'body' }>;
		const s = this.newSections.get(file) ?? { enFile: `${p.dir}/en/${p.name}`, checklist: [] };
		this.newSections.set(file, s);
		if (p.type === 'body') s.body = target;
		else if (p.field === 'title' || p.field === 'summary') s[p.field] = target;
		else s.checklist.push({ id: p.field.checklist, text: target });
	}

	/** Writes the new section files; a new file needs its title, summary and body. */
	finish(): void {
		for (const [file, s] of this.newSections) {
			const missing = (['title', 'summary', 'body'] as const).filter((k) => !s[k]);
			if (missing.length) throw new Error(`${file} does not exist yet: the file must translate its ${missing.join(', ')} too`);
			const en = splitFront(this.files[s.enFile]).data;
			const order = ((en.checklist as { id: string }[]) ?? []).map((c) => c.id);
			const checklist = s.checklist.sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
			const d = new Document({ id: en.id, order: en.order, title: s.title, summary: s.summary, topics: en.topics, ...(checklist.length ? { checklist } : {}) });
			const topics = d.get('topics');
			if (isSeq(topics)) topics.flow = true;
			this.text.set(file, `---\n${d.toString({ lineWidth: 0 }).trimEnd()}\n---\n${s.body}\n`);
		}
		this.newSections.clear();
	}

	private editFront(file: string, edit: (d: Document) => void): void {
		const text = this.read(file)!;
		const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
		if (!m) throw new Error(`${file}: missing YAML front matter`);
		const d = parseDocument(m[1]);
		edit(d);
		this.text.set(file, `---\n${d.toString({ lineWidth: 0 }).trimEnd()}\n---\n${m[2]}`);
	}

	setStatus(item: Item, lang: Locale, record: TranslationRecord): void {
		const p = item.statusPlace;
		if (p.type === 'json') {
			const d = this.doc(p.file);
			d.translations = { ...((d.translations as object) ?? {}), [lang]: record };
		} else if (p.type === 'front') {
			// where the status is already declared (usually the translation's own file), else the translation's file
			const enFile = `${p.dir}/en/${p.name}`;
			const enDeclares = !!(splitFront(this.read(enFile)!).data.translations as Record<string, unknown> | undefined)?.[lang];
			const file = enDeclares ? enFile : `${p.dir}/${lang}/${p.name}`;
			if (this.read(file) === undefined) throw new Error(`${file}: no ${lang} file to record the status in (translate the section first)`);
			this.editFront(file, (d) => d.setIn(['translations', lang], d.createNode(record, { flow: true })));
		} else {
			const side = this.json.has(SIDECAR) ? (this.json.get(SIDECAR) as ReturnType<typeof readSidecar>) : readSidecar(this.files);
			this.json.set(SIDECAR, side);
			((side[p.set] ??= {})[p.item] ??= {})[lang] = record;
		}
	}

	result(): Record<string, string> {
		const out: Record<string, string> = {};
		for (const [file, doc] of this.json) {
			const before = this.files[file];
			const text = JSON.stringify(doc, null, before !== undefined ? indentOf(before) : 2) + '\n';
			if (text !== before) out[file] = text;
		}
		for (const [file, text] of this.text) if (text !== this.files[file]) out[file] = text;
		return out;
	}
}

function replaceBody(text: string, body: string): string {
	const m = /^(---\r?\n[\s\S]*?\r?\n---\r?\n?)([\s\S]*)$/.exec(text);
	if (!m) throw new Error('missing YAML front matter');
	return `${m[1]}${body}\n`;
}
