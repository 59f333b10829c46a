// Full-text search. Each document has one row per language it exists in (library_search): a
// tsvector built with that language's text search configuration (title weighted A, summary B,
// file text C; accents folded with unaccent for the stemmed languages), and a plain `haystack`
// for Chinese and Arabic, matched as substrings with a trigram index (pg_trgm). A query is parsed
// with every configuration (websearch syntax: "quoted phrases", OR, -not), each against the rows
// of its own language, so a French word finds French text with French stemming whatever the
// page's language. See docs/library.md for what this means for Chinese and Arabic.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { containsPattern, db, rowsOf, type Db, type Tx } from '../db';
import * as cache from '../platform/cache';
import { DOCUMENT_LANGUAGES, LIBRARY_LIMITS as L, SEARCH_CONFIG, type DocumentLanguage } from '../../library/vocab';
import type { SearchQuery } from './input';
import { documents, files, searchRows } from './schema';

export const PAGE_SIZE = 20;

/** Rebuilds a document's search rows (and its `languages`) from its text and current files. */
export async function reindex(tx: Db | Tx, id: string): Promise<void> {
	const [d] = await tx.select({ title: documents.title, summary: documents.summary, edition: documents.edition }).from(documents).where(eq(documents.id, id));
	if (!d) return;
	const current = await tx
		.select({ language: files.language, text: files.text })
		.from(files)
		.where(and(eq(files.documentId, id), eq(files.edition, d.edition), isNull(files.replacedAt)));
	await tx.delete(searchRows).where(eq(searchRows.documentId, id));
	const languages = DOCUMENT_LANGUAGES.filter((l) => d.title[l] || d.summary[l] || current.some((f) => f.language === l));
	for (const lang of languages) {
		const title = d.title[lang] ?? '';
		const summary = d.summary[lang] ?? '';
		const body = current
			.filter((f) => f.language === lang && f.text)
			.map((f) => f.text!)
			.join('\n\n')
			.slice(0, L.indexedTextMax);
		await tx.execute(sql`insert into library_search (document_id, language, config, title, haystack, tsv, head) values ${searchRow(id, lang, title, summary, body)}`);
	}
	await tx.update(documents).set({ languages: [...languages] }).where(eq(documents.id, id));
}

/**
 * One row of library_search as SQL values (document_id, language, config, title, haystack, tsv,
 * head): the tsvectors built with the language's configuration (accents folded for the stemmed
 * ones), the title and haystack (Chinese and Arabic only) lower-cased for LIKE. Also used by the bench's generator.
 */
export function searchRow(id: string, lang: DocumentLanguage, title: string, summary: string, body: string): SQL {
	const config = SEARCH_CONFIG[lang];
	const fold = (x: string) => (config === 'simple' ? sql`${x}` : sql`unaccent(${x})`);
	const vector = (x: string, w: string) => sql`setweight(to_tsvector(${config}::regconfig, ${fold(x)}), ${w}::"char")`;
	// only Chinese and Arabic rows are matched by substring: the others keep no haystack (narrower
	// rows make every index scan of the table read fewer pages)
	const haystack = config === 'simple' ? [title, summary, body].join('\n') : '';
	return sql`(${id}, ${lang}, ${config}, lower(${title}), lower(${haystack}),
		${vector(title, 'A')} || ${vector(summary, 'B')} || ${vector(body, 'C')}, ${vector(title, 'A')} || ${vector(summary, 'B')})`;
}

const CONFIGS = ['english', 'french', 'spanish', 'russian', 'simple'] as const;

/** The query parsed once by each configuration (text form; '' when nothing is left, e.g. only stop words). */
async function parseQuery(q: string): Promise<Record<(typeof CONFIGS)[number], string>> {
	const result = await db().execute(sql`select
		websearch_to_tsquery('english', unaccent(${q}))::text as english,
		websearch_to_tsquery('french', unaccent(${q}))::text as french,
		websearch_to_tsquery('spanish', unaccent(${q}))::text as spanish,
		websearch_to_tsquery('russian', unaccent(${q}))::text as russian,
		websearch_to_tsquery('simple', ${q})::text as simple`);
	return rowsOf(result)[0] as Record<(typeof CONFIGS)[number], string>;
}

/**
 * The documents matching the text query, with their rank: one index scan per configuration (the
 * parsed queries are constants and the configuration a literal, so each uses that configuration's
 * GIN index) and one trigram scan for Chinese and Arabic substrings (LIKE on the lower-cased
 * haystack: ILIKE folds case character by character and cost twice as much), put together with
 * UNION ALL (an OR of them all would make the planner read every row). Only ids and ranks cross
 * over from the database, as one string of `<uuid><rank>` items: ranks in millionths, as integers
 * (turning 10,000 floats or JSON values into text cost more than the text match itself).
 */
async function textHits(q: string, published: Published): Promise<Hits> {
	const parsed = await parseQuery(q);
	const pattern = containsPattern(q);
	const micro = (rank: SQL) => sql`((${rank}) * 1000000)::int`;
	const headRank = (query: string) => micro(sql`0.01 + ts_rank(head, ${query}::tsquery)`);
	// A query of one word (letters and digits only, and a single token to the simple parser) found
	// as a substring of the lower-cased text is also every match of the
	// simple configuration's word query: one scan of the Chinese and Arabic rows then serves both,
	// ranked by the word query where it matches.
	const oneWord = /^[\p{L}\p{M}\p{N}]+$/u.test(q) && /^'[^' ]+'$/.test(parsed.simple);
	const parts: SQL[] = [];
	for (const c of CONFIGS) {
		if (!parsed[c] || (c === 'simple' && oneWord)) continue;
		parts.push(sql`select document_id, ${headRank(parsed[c])} as rank from library_search where tsv @@ ${parsed[c]}::tsquery and config = ${sql.raw(`'${c}'`)}`);
	}
	const bodyRank = oneWord ? sql`greatest(300000, ${headRank(parsed.simple)})` : sql`300000`;
	parts.push(sql`select document_id, case when title like lower(${pattern}) then 1000000 else ${bodyRank} end as rank from library_search where config = 'simple' and haystack like lower(${pattern})`);
	const statement = sql`select coalesce(string_agg(document_id::text || rank::text, ','), '') as hits from (${sql.join(parts, sql` union all `)}) x`;
	// Matching must go through the GIN and trigram indexes: the planner does not count the cost of
	// reading each row's large tsvector, and would otherwise scan every row.
	const result = await db().transaction(async (tx) => {
		await tx.execute(sql`set local enable_seqscan = off`);
		return tx.execute(statement);
	});
	// a document found in several languages comes back once per language: its best rank counts;
	// documents not (or no longer) published are left out
	const rank = new Float64Array(published.newest.length);
	const orders: number[] = [];
	const text = String(rowsOf(result)[0]?.hits ?? '');
	for (let at = 0; at < text.length; ) {
		const comma = text.indexOf(',', at);
		const end = comma === -1 ? text.length : comma;
		const d = published.byId.get(text.slice(at, at + 36));
		if (d) {
			const r = Number(text.slice(at + 36, end));
			if (rank[d.order] === 0) orders.push(d.order);
			if (r > rank[d.order]) rank[d.order] = r;
		}
		at = end + 1;
	}
	return { orders, rank };
}

/** Matching published documents (by their place in `Published.newest`) and their rank in millionths (0: not matched). */
interface Hits {
	orders: number[];
	rank: Float64Array;
}

export interface Facets {
	type: { value: string; count: number }[];
	year: { value: string; count: number }[];
	language: { value: string; count: number }[];
	topic: { value: string; count: number }[];
	country: { value: string; count: number }[];
}

export interface SearchResult {
	ids: string[];
	ranks: Map<string, number>;
	total: number;
	facets: Facets;
	page: number;
	pageSize: number;
}

/** What filtering, counting and ordering need of a published document. */
interface Fact {
	id: string;
	type: string;
	year: number;
	languages: string[];
	topics: string[];
	countries: string[];
	/** place in the browse order: year, then publication, newest first (then id) */
	order: number;
	/** its facet values as indexes into `Published.values`, for counting */
	codes: number[];
}

interface Published {
	newest: Fact[];
	byId: Map<string, Fact>;
	/** every facet value of every published document, once: [facet, value] */
	values: [keyof Facets, string][];
}

/**
 * The facts of every published document, newest first, held in each process and rebuilt when a
 * library command bumps the `library` counter (read from the database on each use, so every
 * instance sees a change at once). Filters and facets are counted over these in memory: in
 * PostgreSQL the same counts read every matching row of the wide documents table and expanded its
 * JSON arrays, several times the cost of the text match itself (docs/library.md). A few hundred
 * bytes a document: under 10 MB at 20,000.
 */
const facts = new cache.TagMemo<Published>('library', 1);

async function loadFacts(): Promise<Published> {
	const result = await db().execute(sql`select coalesce(json_agg(json_build_array(id, type, year, languages, topics, countries) order by year desc, published_at desc nulls first, id), '[]'::json) as facts
		from library_documents where status = 'published'`);
	const rows = asJson(rowsOf(result)[0]?.facts) as [string, string, number, string[] | null, string[] | null, string[] | null][];
	const values: [keyof Facets, string][] = [];
	const codeOf = new Map<string, number>();
	const code = (facet: keyof Facets, value: string) => {
		const key = `${facet}\u0000${value}`;
		let c = codeOf.get(key);
		if (c === undefined) codeOf.set(key, (c = values.push([facet, value]) - 1));
		return c;
	};
	const newest = rows.map(([id, type, year, languages, topics, countries], order): Fact => {
		const d = { id, type, year: Number(year), languages: languages ?? [], topics: topics ?? [], countries: countries ?? [], order, codes: [] as number[] };
		d.codes = [code('type', d.type), code('year', String(d.year)), ...d.languages.map((v) => code('language', v)), ...d.topics.map((v) => code('topic', v)), ...d.countries.map((v) => code('country', v))];
		return d;
	});
	return { newest, byId: new Map(newest.map((d) => [d.id, d])), values };
}

/** Results are reused until a library command changes a document (platform/cache.ts, tag `library`). */
const memo = new cache.TagMemo<SearchResult>('library', 1000);

/** What makes two searches the same: the trimmed text (spaces folded), the filters and the page. */
export function searchKey(query: SearchQuery): string {
	return JSON.stringify([query.q.trim().replace(/\s+/g, ' '), query.type ?? '', query.year ?? '', query.language ?? '', query.topic ?? '', query.country ?? '', query.page ?? 1]);
}

/**
 * Published documents matching the query and filters: ranked by relevance when there is a text
 * query (then newest first), else newest first; with the count and facet counts of the whole match.
 * A search made since the library last changed is answered from memory (`fresh: true` recomputes).
 */
export async function searchDocuments(query: SearchQuery, options: { fresh?: boolean } = {}): Promise<SearchResult> {
	return options.fresh ? computeSearch(query) : memo.get(searchKey(query), () => computeSearch(query));
}

async function computeSearch(query: SearchQuery): Promise<SearchResult> {
	const q = query.q.trim();
	const published = await facts.get('published', loadFacts);
	const hits = q ? await textHits(q, published) : undefined;
	const year = query.year ? Number(query.year) : undefined;
	const keep = (d: Fact) =>
		(!query.type || d.type === query.type) &&
		(year === undefined || d.year === year) &&
		(!query.language || d.languages.includes(query.language)) &&
		(!query.topic || d.topics.includes(query.topic)) &&
		(!query.country || d.countries.includes(query.country));
	const page = query.page ?? 1;
	const from = (page - 1) * PAGE_SIZE;
	let matches: Fact[];
	let shown: Fact[];
	if (hits) {
		matches = [];
		for (const o of hits.orders) if (keep(published.newest[o])) matches.push(published.newest[o]);
		// ranked: relevance, then the browse order; only the pages up to this one need ordering
		const { rank } = hits;
		shown = best(matches, from + PAGE_SIZE, (a, b) => rank[b.order] - rank[a.order] || a.order - b.order).slice(from);
	} else {
		matches = published.newest.filter(keep);
		shown = matches.slice(from, from + PAGE_SIZE);
	}
	return {
		ids: shown.map((d) => d.id),
		ranks: new Map(shown.map((d) => [d.id, hits ? hits.rank[d.order] / 1e6 : 0])),
		total: matches.length,
		facets: facetCounts(published, matches),
		page,
		pageSize: PAGE_SIZE
	};
}

/** The first `k` of `xs` in `order` (when k is large, a full sort of `xs` in place; else one pass keeping the k best). */
export function best<T>(xs: T[], k: number, order: (a: T, b: T) => number): T[] {
	if (k * 8 >= xs.length) return xs.sort(order).slice(0, k);
	const top: T[] = [];
	for (const x of xs) {
		if (top.length === k && order(x, top[k - 1]) >= 0) continue;
		let lo = 0;
		let hi = top.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (order(top[mid], x) <= 0) lo = mid + 1;
			else hi = mid;
		}
		top.splice(lo, 0, x);
		if (top.length > k) top.pop();
	}
	return top;
}

/** How many matches have each value of each facet, most first (then by value); years newest first. */
function facetCounts(published: Published, matches: Fact[]): Facets {
	const n = new Int32Array(published.values.length);
	for (const d of matches) for (const c of d.codes) n[c]++;
	const facets: Facets = { type: [], year: [], language: [], topic: [], country: [] };
	for (const [c, [facet, value]] of published.values.entries()) if (n[c] > 0) facets[facet].push({ value, count: n[c] });
	for (const list of Object.values(facets) as Facets[keyof Facets][]) list.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
	facets.year.sort((a, b) => b.value.localeCompare(a.value));
	return facets;
}

function asJson(x: unknown): unknown[] {
	if (typeof x === 'string') return JSON.parse(x) as unknown[];
	return (x as unknown[]) ?? [];
}

export function isDocumentLanguage(x: string): x is DocumentLanguage {
	return (DOCUMENT_LANGUAGES as readonly string[]).includes(x);
}
