// Full-text search. Each document has one row per language it exists in (library_search): a
// tsvector built with that language's text search configuration (title weighted A, summary B,
// file text C; accents folded with unaccent for the stemmed languages), and a plain `haystack`
// for Chinese and Arabic, matched as substrings with a trigram index (pg_trgm). A query is parsed
// with every configuration (websearch syntax: "quoted phrases", OR, -not), each against the rows
// of its own language, so a French word finds French text with French stemming whatever the
// page's language. See docs/library.md for what this means for Chinese and Arabic.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
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
		const config = SEARCH_CONFIG[lang];
		const fold = (x: string) => (config === 'simple' ? sql`${x}` : sql`unaccent(${x})`);
		const vector = (x: string, w: string) => sql`setweight(to_tsvector(${config}::regconfig, ${fold(x)}), ${w}::"char")`;
		await tx.execute(sql`
			insert into library_search (document_id, language, config, title, haystack, tsv, head)
			values (${id}, ${lang}, ${config}, ${title}, ${[title, summary, body].join('\n')},
				${vector(title, 'A')} || ${vector(summary, 'B')} || ${vector(body, 'C')}, ${vector(title, 'A')} || ${vector(summary, 'B')})`);
	}
	await tx.update(documents).set({ languages: [...languages] }).where(eq(documents.id, id));
}

/** `%text%` for ILIKE, with the wildcards in the text escaped. */
function likePattern(q: string): string {
	return `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
}

const STEMMED = ['english', 'french', 'spanish', 'russian'] as const;

/** The query parsed once by each configuration (text form; '' when nothing is left, e.g. only stop words). */
async function parseQuery(q: string): Promise<Record<(typeof STEMMED)[number] | 'simple', string>> {
	const result = await db().execute(sql`select
		websearch_to_tsquery('english', unaccent(${q}))::text as english,
		websearch_to_tsquery('french', unaccent(${q}))::text as french,
		websearch_to_tsquery('spanish', unaccent(${q}))::text as spanish,
		websearch_to_tsquery('russian', unaccent(${q}))::text as russian,
		websearch_to_tsquery('simple', ${q})::text as simple`);
	return rowsOf(result)[0] as Record<(typeof STEMMED)[number] | 'simple', string>;
}

/**
 * The documents (ids and rank) matching the text query, as a subquery: one index scan per
 * configuration (the parsed queries are constants, so each uses the GIN index on tsv) and one
 * trigram scan for Chinese and Arabic substrings, put together with UNION ALL (an OR of them all
 * would make the planner read every row).
 */
function textHits(q: string, parsed: Record<(typeof STEMMED)[number] | 'simple', string>): SQL {
	const pattern = likePattern(q);
	const parts: SQL[] = [];
	for (const c of STEMMED) {
		if (!parsed[c]) continue;
		parts.push(sql`select document_id, 0.01 + ts_rank(head, ${parsed[c]}::tsquery) as rank from library_search where tsv @@ ${parsed[c]}::tsquery and config = ${c}`);
	}
	if (parsed.simple) parts.push(sql`select document_id, 0.01 + ts_rank(head, ${parsed.simple}::tsquery) as rank from library_search where tsv @@ ${parsed.simple}::tsquery and config = 'simple'`);
	parts.push(sql`select document_id, case when title ilike ${pattern} then 1.0 else 0.3 end as rank from library_search where config = 'simple' and haystack ilike ${pattern}`);
	return sql`select document_id, max(rank) as rank from (${sql.join(parts, sql` union all `)}) x group by document_id`;
}

const jsonHas = (col: SQL, value: string) => sql`${col} @> ${JSON.stringify([value])}::jsonb`;

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
	const where: SQL[] = [sql`d.status = 'published'`];
	if (query.type) where.push(sql`d.type = ${query.type}`);
	if (query.year) where.push(sql`d.year = ${Number(query.year)}`);
	if (query.language) where.push(jsonHas(sql`d.languages`, query.language));
	if (query.topic) where.push(jsonHas(sql`d.topics`, query.topic));
	if (query.country) where.push(jsonHas(sql`d.countries`, query.country));
	const q = query.q.trim();
	const from = q ? sql`library_documents d join (${textHits(q, await parseQuery(q))}) h on h.document_id = d.id` : sql`library_documents d`;
	const rank = q ? sql`h.rank` : sql`0::real`;
	const page = query.page ?? 1;
	const facet = (expr: SQL) => sql`(select coalesce(json_agg(json_build_array(k, n) order by n desc, k), '[]'::json) from (select ${expr} as k, count(*)::int as n from m group by 1) f where k is not null)`;
	const statement = sql`
		with m as materialized (
			select d.id, d.type, d.year, d.languages, d.topics, d.countries, d.published_at, ${rank} as rank
			from ${from} where ${sql.join(where, sql` and `)}
		)
		select
			(select count(*)::int from m) as total,
			(select coalesce(json_agg(json_build_array(id, rank)), '[]'::json) from (select id, rank from m order by rank desc, year desc, published_at desc, id limit ${PAGE_SIZE} offset ${(page - 1) * PAGE_SIZE}) p) as page,
			${facet(sql`type`)} as type,
			${facet(sql`year::text`)} as year,
			(select coalesce(json_agg(json_build_array(k, n) order by n desc, k), '[]'::json) from (select jsonb_array_elements_text(languages) as k, count(*)::int as n from m group by 1) f) as language,
			(select coalesce(json_agg(json_build_array(k, n) order by n desc, k), '[]'::json) from (select jsonb_array_elements_text(topics) as k, count(*)::int as n from m group by 1) f) as topic,
			(select coalesce(json_agg(json_build_array(k, n) order by n desc, k), '[]'::json) from (select jsonb_array_elements_text(countries) as k, count(*)::int as n from m group by 1) f) as country
	`;
	// With a text query, matching must go through the GIN and trigram indexes: the planner does not
	// count the cost of reading each row's large tsvector, and would otherwise scan every row.
	const result = q
		? await db().transaction(async (tx) => {
				await tx.execute(sql`set local enable_seqscan = off`);
				return tx.execute(statement);
			})
		: await db().execute(statement);
	const row = (rowsOf(result)[0] ?? {}) as Record<string, unknown>;
	const pairs = (x: unknown) => (asJson(x) as [string, number][]).map(([value, count]) => ({ value: String(value), count: Number(count) }));
	const pageRows = asJson(row.page) as [string, number][];
	return {
		ids: pageRows.map(([id]) => id),
		ranks: new Map(pageRows.map(([id, r]) => [id, Number(r)])),
		total: Number(row.total ?? 0),
		facets: { type: pairs(row.type), year: pairs(row.year).sort((a, b) => b.value.localeCompare(a.value)), language: pairs(row.language), topic: pairs(row.topic), country: pairs(row.country) },
		page,
		pageSize: PAGE_SIZE
	};
}

/** node-postgres returns { rows }, PGlite returns { rows } too, drizzle may return the array. */
export function rowsOf(result: unknown): Record<string, unknown>[] {
	if (Array.isArray(result)) return result as Record<string, unknown>[];
	return ((result as { rows?: Record<string, unknown>[] }).rows ?? []) as Record<string, unknown>[];
}

function asJson(x: unknown): unknown[] {
	if (typeof x === 'string') return JSON.parse(x) as unknown[];
	return (x as unknown[]) ?? [];
}

export function isDocumentLanguage(x: string): x is DocumentLanguage {
	return (DOCUMENT_LANGUAGES as readonly string[]).includes(x);
}
