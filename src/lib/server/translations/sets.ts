// The translatable content of the repository as "sets" of segments. A set is what a translation
// team receives in one file: a guideline set, a course, the kids' scenarios, the progress
// frameworks, the sector toolkits or the UI messages. A segment is one translatable text (a title,
// a summary, a Markdown body, a checklist item, a quiz prompt, option or feedback, a message) with
// an id derived from content ids, so it stays the same however the files are reordered. An item is
// what carries a translation status (a section, a course, a scenario, a message file).
import { parse as parseYaml } from 'yaml';
import { locales, type Locale } from '../../paraglide/runtime';
import { defaultStatus, type TranslationRecord, type Translations, type TranslationStatus } from '../content';

/** Repository files: path relative to the repository root ("content/learn/...", "messages/fr.json") -> text. */
export type RepoFiles = Readonly<Record<string, string>>;

export const SET_KINDS = ['guidelines', 'course', 'kids', 'framework', 'toolkits', 'messages'] as const;
export type SetKind = (typeof SET_KINDS)[number];

export interface ContentSet {
	/** "guidelines.industry", "course.parents-online-safety", "kids", "framework", "toolkits", "messages" */
	id: string;
	kind: SetKind;
	/** English title, for lists */
	title: string;
	/** the title in every language it has (guideline sets and courses) */
	titles?: Partial<Record<Locale, string>>;
}

/** Where a segment's text lives, to write a translation back. */
export type Place =
	| { type: 'json'; file: string; path: (string | number)[] }
	| { type: 'front'; dir: string; name: string; field: 'title' | 'summary' | { checklist: string } }
	| { type: 'body'; dir: string; name: string; frontMatter: boolean }
	| { type: 'message'; key: string };

/** Where an item's status lives. */
export type StatusPlace =
	| { type: 'json'; file: string }
	| { type: 'front'; dir: string; name: string }
	| { type: 'sidecar'; set: string; item: string };

export interface Segment {
	/** unit id: stable, derived from content ids, an XML NMTOKEN */
	id: string;
	item: string;
	kind: 'text' | 'markdown';
	/** what and where, for translators */
	note: string;
	text: Partial<Record<Locale, string>>;
	place: Place;
}

export interface Item {
	id: string;
	/** English title or name */
	label: string;
	/** the English file, relative to the repository */
	file: string;
	declared: Translations;
	statusPlace: StatusPlace;
}

export interface SetModel {
	set: ContentSet;
	items: Item[];
	segments: Segment[];
}

/** Status file for content whose format has no status field (kids scenarios, frameworks, messages). */
export const SIDECAR = 'content/translations/status.json';
export type Sidecar = Record<string, Record<string, Translations>>;

export const TARGET_LOCALES = locales.filter((l) => l !== 'en') as Exclude<Locale, 'en'>[];

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

export function splitFront(text: string): { data: Record<string, unknown>; body: string } {
	const m = FRONT.exec(text.replace(/^\uFEFF/, ''));
	if (!m) throw new Error('missing YAML front matter');
	return { data: (parseYaml(m[1]) ?? {}) as Record<string, unknown>, body: m[2].trim() };
}

const nmtoken = (s: string) => s.replace(/[^A-Za-z0-9._:-]/g, '_');

function sortedKeys(files: RepoFiles, prefix: string, re: RegExp): string[] {
	return Object.keys(files)
		.filter((k) => k.startsWith(prefix) && re.test(k.slice(prefix.length)))
		.sort();
}

function folderNames(files: RepoFiles, prefix: string): string[] {
	const out = new Set<string>();
	for (const k of Object.keys(files)) if (k.startsWith(prefix)) out.add(k.slice(prefix.length).split('/')[0]);
	return [...out].filter((x) => x && !x.includes('.')).sort();
}

const isLocaleMap = (o: unknown): o is Record<string, string> =>
	!!o && typeof o === 'object' && !Array.isArray(o) && typeof (o as Record<string, unknown>).en === 'string' && Object.entries(o).every(([k, v]) => (locales as readonly string[]).includes(k) && typeof v === 'string');

/** Every locale map in a JSON document, with its path (array elements by their `id` when they have one). */
function localeMaps(doc: unknown, skip: Set<string>): { path: (string | number)[]; idPath: string[]; map: Record<string, string> }[] {
	const out: { path: (string | number)[]; idPath: string[]; map: Record<string, string> }[] = [];
	const walk = (o: unknown, path: (string | number)[], idPath: string[]) => {
		if (isLocaleMap(o)) out.push({ path, idPath, map: o });
		else if (Array.isArray(o)) o.forEach((x, i) => walk(x, [...path, i], [...idPath, x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : String(i)]));
		else if (o && typeof o === 'object') for (const [k, v] of Object.entries(o)) if (!(path.length === 0 && skip.has(k))) walk(v, [...path, k], [...idPath, k]);
	};
	walk(doc, [], []);
	return out;
}

function jsonSegments(file: string, doc: unknown, item: string, prefix: string, markdownFields: Set<string> = new Set()): Segment[] {
	return localeMaps(doc, new Set(['translations'])).map(({ path, idPath, map }) => ({
		id: nmtoken([prefix, ...idPath].filter(Boolean).join('.')),
		item,
		kind: markdownFields.has(String(path[path.length - 1])) ? 'markdown' : 'text',
		note: `${file} ${idPath.join('.')}`,
		text: { ...map },
		place: { type: 'json', file, path }
	}));
}

function readJson(files: RepoFiles, file: string): Record<string, unknown> {
	return JSON.parse(files[file].replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

export function readSidecar(files: RepoFiles): Sidecar {
	return files[SIDECAR] ? (JSON.parse(files[SIDECAR]) as Sidecar) : {};
}

/** The kids zone's scenario and course files: one item each (their ids are distinct, the loader checks). */
function kidsFiles(files: RepoFiles): string[] {
	return [...sortedKeys(files, 'content/kids/scenarios/', /^[^/]+\.json$/), ...sortedKeys(files, 'content/kids/courses/', /^[^/]+\.json$/)];
}

/** The content sets present in the files, in a stable order. */
export function listSets(files: RepoFiles): ContentSet[] {
	const out: ContentSet[] = [];
	for (const s of folderNames(files, 'content/learn/guidelines/')) {
		const f = `content/learn/guidelines/${s}/set.json`;
		if (files[f]) {
			const titles = (readJson(files, f).title as Record<string, string>) ?? {};
			out.push({ id: `guidelines.${s}`, kind: 'guidelines', title: String(titles.en ?? s), titles });
		}
	}
	for (const c of folderNames(files, 'content/learn/courses/')) {
		const f = `content/learn/courses/${c}/course.json`;
		if (files[f]) {
			const titles = (readJson(files, f).title as Record<string, string>) ?? {};
			out.push({ id: `course.${c}`, kind: 'course', title: String(titles.en ?? c), titles });
		}
	}
	if (kidsFiles(files).length) out.push({ id: 'kids', kind: 'kids', title: 'Kids zone scenarios and courses' });
	if (sortedKeys(files, 'content/progress/frameworks/', /^[^/]+\/[^/]+\.json$/).length) out.push({ id: 'framework', kind: 'framework', title: 'Progress framework' });
	if (sortedKeys(files, 'content/toolkits/', /^[^/]+\/toolkit\.json$/).length) out.push({ id: 'toolkits', kind: 'toolkits', title: 'Sector toolkits' });
	if (files['messages/en.json']) out.push({ id: 'messages', kind: 'messages', title: 'UI messages' });
	return out;
}

/** One set's items and segments; throws when the set is unknown. */
export function readSet(files: RepoFiles, setId: string): SetModel {
	const set = listSets(files).find((s) => s.id === setId);
	if (!set) throw new Error(`unknown content set "${setId}" (known: ${listSets(files).map((s) => s.id).join(', ')})`);
	const sidecar = readSidecar(files);
	const side = (item: string): Translations => sidecar[set.id]?.[item] ?? {};
	const items: Item[] = [];
	const segments: Segment[] = [];
	const name = set.id.slice(set.id.indexOf('.') + 1);

	if (set.kind === 'guidelines') {
		const dir = `content/learn/guidelines/${name}`;
		const meta = readJson(files, `${dir}/set.json`);
		items.push({ id: 'set', label: set.title, file: `${dir}/set.json`, declared: (meta.translations as Translations) ?? {}, statusPlace: { type: 'json', file: `${dir}/set.json` } });
		segments.push(...jsonSegments(`${dir}/set.json`, { title: meta.title, summary: meta.summary }, 'set', 'set'));
		for (const file of sortedKeys(files, `${dir}/en/`, /^[^/]+\.md$/)) {
			const fileName = file.slice(`${dir}/en/`.length);
			const en = splitFront(files[file]);
			const id = String(en.data.id);
			const declared: Translations = { ...((en.data.translations as Translations) ?? {}) };
			const t = { title: { en: String(en.data.title) }, summary: { en: String(en.data.summary) }, body: { en: en.body } } as Record<string, Partial<Record<Locale, string>>>;
			const checklist = ((en.data.checklist as { id: string; text: string }[]) ?? []).map((c) => ({ id: c.id, text: { en: c.text } as Partial<Record<Locale, string>> }));
			for (const l of TARGET_LOCALES) {
				const text = files[`${dir}/${l}/${fileName}`];
				if (text === undefined) continue;
				const tr = splitFront(text);
				t.title[l] = String(tr.data.title);
				t.summary[l] = String(tr.data.summary);
				t.body[l] = tr.body;
				Object.assign(declared, (tr.data.translations as Translations) ?? {});
				for (const c of (tr.data.checklist as { id: string; text: string }[]) ?? []) {
					const item = checklist.find((x) => x.id === c.id);
					if (item) item.text[l] = c.text;
				}
			}
			items.push({ id, label: String(en.data.title), file, declared, statusPlace: { type: 'front', dir, name: fileName } });
			segments.push({ id: nmtoken(`${id}.title`), item: id, kind: 'text', note: `${file} title`, text: t.title, place: { type: 'front', dir, name: fileName, field: 'title' } });
			segments.push({ id: nmtoken(`${id}.summary`), item: id, kind: 'text', note: `${file} summary`, text: t.summary, place: { type: 'front', dir, name: fileName, field: 'summary' } });
			for (const c of checklist) segments.push({ id: nmtoken(`${id}.checklist.${c.id}`), item: id, kind: 'text', note: `${file} checklist ${c.id}`, text: c.text, place: { type: 'front', dir, name: fileName, field: { checklist: c.id } } });
			segments.push({ id: nmtoken(`${id}.body`), item: id, kind: 'markdown', note: `${file} body (Markdown)`, text: t.body, place: { type: 'body', dir, name: fileName, frontMatter: true } });
		}
	} else if (set.kind === 'course') {
		const dir = `content/learn/courses/${name}`;
		const file = `${dir}/course.json`;
		const doc = readJson(files, file);
		items.push({ id: name, label: set.title, file, declared: (doc.translations as Translations) ?? {}, statusPlace: { type: 'json', file } });
		segments.push(...jsonSegments(file, doc, name, name));
		const lessons = ((doc.modules as { lessons: { id: string }[] }[]) ?? []).flatMap((m) => m.lessons.map((l) => l.id));
		for (const lesson of lessons) {
			const text: Partial<Record<Locale, string>> = {};
			for (const l of locales) {
				const body = files[`${dir}/${l}/${lesson}.md`];
				if (body !== undefined) text[l] = body.trim();
			}
			if (text.en === undefined) continue;
			segments.push({ id: nmtoken(`${name}.lessons.${lesson}.body`), item: name, kind: 'markdown', note: `${dir}/en/${lesson}.md (Markdown)`, text, place: { type: 'body', dir, name: `${lesson}.md`, frontMatter: false } });
		}
	} else if (set.kind === 'kids') {
		for (const file of kidsFiles(files)) {
			const doc = readJson(files, file);
			const id = String(doc.id ?? file.replace(/^.*\/|\.json$/g, ''));
			items.push({ id, label: String((doc.title as Record<string, string>)?.en ?? id), file, declared: side(id), statusPlace: { type: 'sidecar', set: set.id, item: id } });
			segments.push(...jsonSegments(file, doc, id, id));
		}
	} else if (set.kind === 'framework') {
		for (const file of sortedKeys(files, 'content/progress/frameworks/', /^[^/]+\/[^/]+\.json$/)) {
			const doc = readJson(files, file);
			const id = nmtoken(file.slice('content/progress/frameworks/'.length).replace(/\.json$/, '').replace('/', '.v'));
			items.push({ id, label: String((doc.title as Record<string, string>)?.en ?? id), file, declared: side(id), statusPlace: { type: 'sidecar', set: set.id, item: id } });
			segments.push(...jsonSegments(file, doc, id, id));
		}
	} else if (set.kind === 'toolkits') {
		for (const file of sortedKeys(files, 'content/toolkits/', /^[^/]+\/toolkit\.json$/)) {
			const doc = readJson(files, file);
			const id = String(doc.id);
			items.push({ id, label: String((doc.title as Record<string, string>)?.en ?? id), file, declared: (doc.translations as Translations) ?? {}, statusPlace: { type: 'json', file } });
			segments.push(...jsonSegments(file, doc, id, id, new Set(['intro', 'text', 'guidance', 'description', 'footer'])));
		}
	} else {
		const msgs = Object.fromEntries(locales.map((l) => [l, files[`messages/${l}.json`] ? (JSON.parse(files[`messages/${l}.json`]) as Record<string, unknown>) : {}]));
		items.push({ id: 'messages', label: set.title, file: 'messages/en.json', declared: side('messages'), statusPlace: { type: 'sidecar', set: set.id, item: 'messages' } });
		for (const [key, en] of Object.entries(msgs.en)) {
			if (key.startsWith('$') || typeof en !== 'string') continue;
			const text: Partial<Record<Locale, string>> = {};
			for (const l of locales) if (typeof msgs[l][key] === 'string') text[l] = msgs[l][key] as string;
			segments.push({ id: key, item: 'messages', kind: 'text', note: key, text, place: { type: 'message', key } });
		}
	}
	return { set, items, segments };
}

export type Coverage = Record<TranslationStatus | 'missing', number>;

export interface ItemStatus {
	item: Item;
	/** per language: the status, or "missing" when the item has no text in it */
	status: Record<Locale, TranslationRecord | { status: 'missing' }>;
	/** per language: segments with no text */
	untranslated: Record<Locale, number>;
}

/** Statuses per item and language: declared, else the loader's default; missing without text. */
export function itemStatuses(model: SetModel): ItemStatus[] {
	return model.items.map((item) => {
		const segs = model.segments.filter((s) => s.item === item.id);
		const status = {} as ItemStatus['status'];
		const untranslated = {} as ItemStatus['untranslated'];
		for (const l of locales) {
			const have = segs.filter((s) => s.text[l] !== undefined && s.text[l] !== '').length;
			untranslated[l] = segs.length - have;
			status[l] = have === 0 && segs.length > 0 ? { status: 'missing' } : (item.declared[l] ?? { status: defaultStatus(l) });
		}
		return { item, status, untranslated };
	});
}
