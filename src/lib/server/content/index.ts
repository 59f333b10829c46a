// One loader for authored content (content/learn, content/progress, content/kids, content/directory):
// the files are bundled into the server at build time (Vite's import.meta.glob, the way svelte.dev
// ships its docs), so a production build carries its content and `node build` works from any
// directory. Loaders validate the text with valibot and report every problem with the file's name
// through one error type, ContentError.
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { locales, type Locale } from '../../paraglide/runtime';
import { subtree, type ContentFiles } from './files';

export { subtree, folders, filesIn, hasFolder, type ContentFiles } from './files';

export interface ContentProblem {
	/** the file, relative to the repository (content/learn/...) */
	file: string;
	reason: string;
}

/** Content that failed validation: every problem, each naming its file. */
export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(`Content is invalid:\n${problems.map((p) => `  ${p.file}: ${p.reason}`).join('\n')}`);
		this.name = 'ContentError';
	}

	/** One file, several reasons. */
	static of(file: string, reasons: string[]): ContentError {
		return new ContentError(reasons.map((reason) => ({ file, reason })));
	}
}

let bundled: ContentFiles | undefined;

/**
 * Every content file shipped with the platform, keyed by its path under content/ ("learn/...").
 * Inside Vite (dev, build, Vitest) this is the bundled index; outside it (tsx scripts such as the
 * benchmarks) the repository's content folder is read once instead.
 */
export async function loadBundledContent(): Promise<ContentFiles> {
	return (bundled ??= await readBundle());
}

/** The bundled files (synchronous; the index is compiled into the module). */
export function bundledContent(prefix?: string): ContentFiles {
	bundled ??= globbed();
	if (!bundled) throw new Error('content is not bundled here: call loadBundledContent() first (outside Vite)');
	return prefix ? subtree(bundled, prefix) : bundled;
}

function globbed(): ContentFiles | undefined {
	let raw: Record<string, string>;
	try {
		// Vite replaces this call with the files' text; outside Vite import.meta.glob is undefined
		raw = import.meta.glob(['/content/**/*.md', '/content/**/*.json'], { query: '?raw', import: 'default', eager: true });
	} catch {
		return undefined;
	}
	const out: Record<string, string> = {};
	for (const [k, text] of Object.entries(raw)) out[k.replace(/^\/content\//, '')] = text;
	return out;
}

async function readBundle(): Promise<ContentFiles> {
	const inVite = globbed();
	if (inVite) return inVite;
	const { readContentDir } = await import('./disk');
	return readContentDir(new URL('../../../../content', import.meta.url).pathname);
}

// ---- parsing helpers shared by the loaders ---------------------------------------------------

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its YAML front matter and body. */
export function splitFrontMatter(text: string): { data: unknown; body: string } {
	const m = FRONT.exec(text.replace(/^\uFEFF/, ''));
	if (!m) throw new Error('missing YAML front matter (--- ... ---)');
	return { data: parseYaml(m[1]), body: m[2].trim() };
}

/** JSON.parse with the reason worded for a content author. */
export function parseJsonText(text: string): unknown {
	try {
		return JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (e) {
		throw new Error(`not valid JSON: ${(e as Error).message}`);
	}
}

/** A valibot issue as "path.to.field: message". */
export function issueText(issue: v.BaseIssue<unknown>): string {
	const where = issue.path?.map((p) => String(p.key)).join('.');
	return where ? `${where}: ${issue.message}` : issue.message;
}

// ---- translation status ----------------------------------------------------------------------

export const TRANSLATION_STATUSES = ['original', 'machine-assisted', 'translated', 'reviewed'] as const;
export type TranslationStatus = (typeof TRANSLATION_STATUSES)[number];

export interface TranslationRecord {
	status: TranslationStatus;
	/** who translated or reviewed */
	by?: string;
	/** when, YYYY-MM-DD */
	at?: string;
}

/** Status per language present in the content; a language absent from the record is missing. */
export type Translations = Partial<Record<Locale, TranslationRecord>>;

/** The optional `translations` field of set.json, section front matter and course.json. */
export const TranslationsSchema = v.record(
	v.picklist(locales, 'unknown language code'),
	v.strictObject({
		status: v.picklist(TRANSLATION_STATUSES, `status must be one of ${TRANSLATION_STATUSES.join(', ')}`),
		by: v.optional(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(200))),
		at: v.optional(v.pipe(v.string(), v.isoDate('at must be a date written YYYY-MM-DD')))
	})
);

/**
 * The status used when the content does not declare one: English is the original; every other
 * language is "machine-assisted" until a translator or a native reviewer says otherwise. The team
 * wrote all shipped translations, French included, with machine assistance and no native review,
 * and an unknown status never claims more care than we know was taken.
 */
/** A text no native speaker has vouched for yet: what a deployment may choose to hide from readers. */
export function isUnreviewed(status: TranslationStatus | undefined): boolean {
	return status === 'machine-assisted' || status === 'translated';
}

const isLocaleMap = (x: object): boolean => typeof (x as { en?: unknown }).en === 'string' && Object.keys(x).every((k) => (locales as readonly string[]).includes(k));

/** `value` with language `l` taken out of every locale map in it (status records left alone). */
export function withoutLanguage<T>(value: T, l: Locale): T {
	if (Array.isArray(value)) return value.map((x) => withoutLanguage(x, l)) as T;
	if (!value || typeof value !== 'object') return value;
	if (isLocaleMap(value)) {
		const { [l]: _dropped, ...rest } = value as Record<string, string>;
		return rest as T;
	}
	return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, k === 'translations' ? x : withoutLanguage(x, l)])) as T;
}

const views = new WeakMap<object, Map<Locale, unknown>>();

/**
 * `make(item)`, made once per item and language and kept as long as the item lives: readers' views
 * of bundled content (read once per process) cost one lookup per request.
 */
export function cachedView<T extends object>(item: T, l: Locale, make: (item: T) => T): T {
	let byLocale = views.get(item);
	if (!byLocale) views.set(item, (byLocale = new Map()));
	if (!byLocale.has(l)) byLocale.set(l, make(item));
	return byLocale.get(l) as T;
}

/**
 * An item as readers see it where the deployment hides `l`'s unreviewed texts: when the item's `l`
 * text is unreviewed, every text of the item in `l` is taken out (readers get the original, marked
 * "not yet translated"), and so is its `l` status. Reviewed items are returned as they are.
 */
export function reviewedOnly<T extends { translations: Translations }>(item: T, l: Locale): T {
	if (!isUnreviewed(item.translations[l]?.status)) return item;
	const { [l]: _dropped, ...translations } = item.translations;
	return { ...withoutLanguage(item, l), translations };
}

export function defaultStatus(locale: Locale): TranslationStatus {
	return locale === 'en' ? 'original' : 'machine-assisted';
}

/** Where content without a status field of its own (kids zone, frameworks) records its statuses: set -> item -> language. */
export const STATUS_SIDECAR = 'translations/status.json';

/** The status of one item of such a set in `l`, from the bundled sidecar file, else the default. */
export function sidecarStatus(set: string, item: string, l: Locale): TranslationStatus {
	const text = bundledContent()[STATUS_SIDECAR];
	if (text && sidecar?.text !== text) sidecar = { text, parsed: parseJsonText(text) as Sidecar };
	return (text ? sidecar!.parsed[set]?.[item]?.[l]?.status : undefined) ?? defaultStatus(l);
}

type Sidecar = Record<string, Record<string, Translations> | undefined>;
let sidecar: { text: string; parsed: Sidecar } | undefined;

/**
 * The status of every language `present` in an item: what the content declares, else the default.
 * Returns the problems of declarations for languages that have no text.
 */
export function resolveTranslations(declared: Translations | undefined, present: Iterable<Locale>): { translations: Translations; problems: string[] } {
	const have = new Set(present);
	const translations: Translations = {};
	for (const l of locales) if (have.has(l)) translations[l] = declared?.[l] ?? { status: defaultStatus(l) };
	const problems = Object.keys(declared ?? {})
		.filter((l) => !have.has(l as Locale))
		.map((l) => `translations.${l}: a status is declared but there is no ${l} text`);
	return { translations, problems };
}
