// The in-process half of the help-finder bench (bench/run.ts calls it before any server starts):
// generate the synthetic directory into an embedded database in the app's DATA_DIR layout, time
// directory.search for typical searches, EXPLAIN ANALYZE its main query, and close the database
// so that the app server can open it next (a PGlite folder belongs to one process at a time).
// With `url` (a PostgreSQL server) the same runs in a database of its own on that server, which is
// dropped at the end.
import { sql } from 'drizzle-orm';
import path from 'node:path';
import { migrate, openDatabase, useDatabase, type Database } from '../src/lib/server/db';
import * as directory from '../src/lib/server/directory';
import type { SearchParams } from '../src/lib/server/directory/queries';
import { ACTIONS, CHANNEL_TYPES, TOPIC_IDS } from '../src/lib/directory/taxonomy';
import { prng } from '../src/lib/prng';
import { generateDirectory, type GenerateResult } from './generate-directory';
import { percentile, scratchDatabase } from './lib';
import { referenceSearch } from '../src/lib/server/test/search-reference';

export interface SearchKindResult {
	kind: string;
	example: string;
	searches: number;
	resultsAvg: number;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
}

export interface HelpSearchResults {
	generation: Omit<GenerateResult, 'perCountry'> & { countries: number; batchSize: number; seed: number };
	busiest: { country: string; services: number };
	quietest: { country: string; services: number };
	/** searches right after the bulk insert (no VACUUM/ANALYZE: PGlite runs no autovacuum) */
	asInserted: SearchKindResult[];
	vacuumMs: number;
	/** the same searches after VACUUM ANALYZE */
	afterVacuum: SearchKindResult[];
	plan: { params: SearchParams; sql: string; values: unknown[]; text: string; state: string };
	sampleServiceId: string;
	/** the first pages of every kind against the search before directory_listings (test/search-reference.ts) */
	sameAsBefore: SameAsBefore;
}

export interface SameAsBefore {
	searches: number;
	pages: number;
	identical: number;
	/** the first few searches that differ, as JSON */
	differences: string[];
}

const QUERIES = ['peer', 'chat', 'counselling', 'écoute', '2024'];
/** languages a visitor filters by: common ones, and some only a few regions' services speak */
const LANGUAGES = ['en', 'fr', 'ar', 'es', 'sw', 'ru'];

interface Kind {
	kind: string;
	example: string;
	run: (i: number) => Promise<number>;
	/** false for the other queries the /help page makes, reported beside the searches but not in "all searches" */
	search: boolean;
}

const searchKind = (kind: string, example: string, params: (i: number) => SearchParams): Kind => ({
	kind,
	example,
	search: true,
	// the same call the /help page makes: one page of 20
	run: async (i) => (await directory.searchPage({ ...params(i), page: 1, pageSize: 20 })).results.length
});

/** The kinds of search a visitor makes; `i` varies the filter values from one run to the next. */
function searchKindParams(busy: string, quiet: string, typical: (i: number) => string) {
	return [
		{ kind: 'country only, busiest', example: `country=${busy}`, params: (): SearchParams => ({ country: busy }) },
		{ kind: 'country only, quietest', example: `country=${quiet}`, params: (): SearchParams => ({ country: quiet }) },
		{ kind: 'country + topic', example: `each of ${TOPIC_IDS.length} topics in turn`, params: (i: number): SearchParams => ({ country: typical(i), topic: TOPIC_IDS[i % TOPIC_IDS.length] }) },
		{ kind: 'country + action', example: `each of ${ACTIONS.length} actions in turn`, params: (i: number): SearchParams => ({ country: typical(i), action: ACTIONS[i % ACTIONS.length] }) },
		{ kind: 'country + age + open now', example: 'age 8–17, open now', params: (i: number): SearchParams => ({ country: typical(i), age: 8 + (i % 10), openNow: true }) },
		{ kind: 'country + language', example: `${LANGUAGES.join(' / ')} in turn`, params: (i: number): SearchParams => ({ country: typical(i), language: LANGUAGES[i % LANGUAGES.length] }) },
		{ kind: 'country + channel', example: `each of ${CHANNEL_TYPES.length} channel types in turn`, params: (i: number): SearchParams => ({ country: typical(i), channel: CHANNEL_TYPES[i % CHANNEL_TYPES.length] }) },
		{ kind: 'country + text', example: `q = ${QUERIES.join(' / ')}`, params: (i: number): SearchParams => ({ country: typical(i), q: QUERIES[i % QUERIES.length] }) }
	];
}

export function searchKinds(busy: string, quiet: string, typical: (i: number) => string): Kind[] {
	return [
		...searchKindParams(busy, quiet, typical).map((k) => searchKind(k.kind, k.example, k.params)),
		// the two other queries a /help?country=… page runs beside search (in parallel with it)
		{ kind: 'emergencyServices (also on /help)', example: `country=${busy}`, search: false, run: async () => (await directory.emergencyServices(busy)).length },
		{ kind: 'languagesFor (also on /help)', example: `country=${busy}`, search: false, run: async () => (await directory.languagesFor(busy)).length }
	];
}

/**
 * Whether the search finds what the search before directory_listings found (every match of
 * directory_services, sorted: test/search-reference.ts): for three searches of every kind, its first
 * three pages of 20, followed by key (Next), hold the same services as the reference's in the same
 * order, with the same capped count.
 */
export async function compareWithReference(busy: string, quiet: string, typical: (i: number) => string): Promise<SameAsBefore> {
	const kinds = searchKindParams(busy, quiet, typical);
	const now = new Date();
	const out: SameAsBefore = { searches: 0, pages: 0, identical: 0, differences: [] };
	for (const k of kinds) {
		for (const i of [1, 2, 3]) {
			const params = { ...k.params(i), now };
			const want = await referenceSearch(params, now);
			out.searches++;
			let after: directory.SearchKey | undefined;
			for (let page = 1; page <= 3; page++) {
				const found = await directory.searchPage({ ...params, page, pageSize: 20, after });
				const expected = want.slice((page - 1) * 20, page * 20);
				// a page shows its open services first; its SQL order is the reference's order
				const got = found.results.map((r) => r.service.id).sort((a, b) => want.indexOf(a) - want.indexOf(b));
				out.pages++;
				const same = JSON.stringify(got) === JSON.stringify(expected) && found.total === Math.min(want.length, directory.COUNT_CAP) && found.capped === want.length > directory.COUNT_CAP;
				if (same) out.identical++;
				else if (out.differences.length < 5) out.differences.push(JSON.stringify({ params: k.params(i), page }));
				after = directory.decodeSearchKey(found.next);
				if (!after) break;
			}
		}
	}
	return out;
}

/** `rounds` searches of every kind, interleaved (so a slow moment hurts every kind alike), after one warm-up round. */
export async function timeSearches(kinds: Kind[], rounds: number): Promise<SearchKindResult[]> {
	for (const k of kinds) await k.run(0);
	const times = kinds.map(() => [] as number[]);
	const counts = kinds.map(() => 0);
	for (let r = 1; r <= rounds; r++) {
		for (const [j, k] of kinds.entries()) {
			const t0 = performance.now();
			const found = await k.run(r);
			times[j].push(performance.now() - t0);
			counts[j] += found;
		}
	}
	const rows = kinds.map((k, j) => ({
		kind: k.kind,
		example: k.example,
		searches: rounds,
		resultsAvg: Math.round(counts[j] / rounds),
		p50Ms: round1(percentile(times[j], 50)),
		p95Ms: round1(percentile(times[j], 95)),
		maxMs: round1(Math.max(...times[j]))
	}));
	const searches = kinds.flatMap((k, j) => (k.search ? [j] : []));
	const all = searches.flatMap((j) => times[j]);
	rows.push({
		kind: 'all searches',
		example: '',
		searches: all.length,
		resultsAvg: Math.round(searches.reduce((n, j) => n + counts[j], 0) / all.length),
		p50Ms: round1(percentile(all, 50)),
		p95Ms: round1(percentile(all, 95)),
		maxMs: round1(Math.max(...all))
	});
	return rows;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

type QueryClient = { query: (q: string | { text: string }, params?: unknown[], opts?: unknown) => Promise<{ rows: Record<string, unknown>[] }> };

/** Catches the first SQL statement `searchPage(params)` sends (the main query), then EXPLAIN ANALYZEs it. */
async function explainSearch(d: Database, params: SearchParams) {
	// PGlite's client, or node-postgres's pool behind drizzle
	const client = (d as unknown as { pglite?: QueryClient }).pglite ?? (d.db as unknown as { $client?: QueryClient }).$client;
	if (!client) throw new Error('no client to EXPLAIN with');
	const original = client.query;
	let caught: { sql: string; values: unknown[] } | undefined;
	client.query = function (q: string | { text: string }, values?: unknown[], opts?: unknown) {
		caught ??= { sql: typeof q === 'string' ? q : q.text, values: values ?? [] };
		return original.call(this, q, values, opts);
	};
	try {
		await directory.searchPage({ ...params, page: 1, pageSize: 20 });
	} finally {
		client.query = original;
	}
	if (!caught) throw new Error('search sent no SQL');
	const r = await client.query(`explain (analyze, buffers) ${caught.sql}`, caught.values);
	return { params, ...caught, text: r.rows.map((row) => String(row['QUERY PLAN'])).join('\n') };
}

export async function measureHelpSearch(opts: {
	dataDir: string;
	/** a PostgreSQL server: the bench makes a database of its own there (and drops it) instead of PGlite */
	url?: string;
	count: number;
	seed: number;
	rounds: number;
	log: (s: string) => void;
}): Promise<HelpSearchResults> {
	const { log } = opts;
	const scratch = opts.url ? await scratchDatabase(opts.url, `cop_bench_help_${process.pid}`) : null;
	const d = await openDatabase(scratch ? { url: scratch.url } : { dataDir: path.join(opts.dataDir, 'pglite') });
	try {
		await migrate(d);
		useDatabase(d);
		let lastLog = 0;
		const batchSize = 1000;
		const gen = await generateDirectory({
			count: opts.count,
			seed: opts.seed,
			batchSize,
			onProgress: (done, ms) => {
				if (ms - lastLog >= 10_000) {
					lastLog = ms;
					log(`  … ${done.toLocaleString('en')} services after ${Math.round(ms / 1000)} s`);
				}
			}
		});
		const { perCountry, ...rest } = gen;
		const ranked = Object.entries(perCountry)
			.filter(([c]) => c !== 'ZZ')
			.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
		const busiest = { country: ranked[0][0], services: ranked[0][1] };
		const quietest = { country: ranked[ranked.length - 1][0], services: ranked[ranked.length - 1][1] };
		log(
			`  inserted ${gen.services.toLocaleString('en')} services, ${gen.organizations.toLocaleString('en')} organisations, ${gen.channels.toLocaleString('en')} channels ` +
				`in ${(gen.ms / 1000).toFixed(1)} s (${gen.servicesPerSecond}/s); ${gen.validated} parsed with ServiceInput; ` +
				`busiest ${busiest.country} (${busiest.services}), quietest ${quietest.country} (${quietest.services})`
		);

		// Typical traffic: countries drawn in proportion to how many services they have.
		const r = prng(opts.seed ^ 0xbe7c);
		const total = ranked.reduce((n, [, c]) => n + c, 0);
		const sequence = Array.from({ length: opts.rounds + 1 }, () => {
			let x = r.next() * total;
			for (const [c, n] of ranked) if ((x -= n) < 0) return c;
			return ranked[0][0];
		});
		const kinds = searchKinds(busiest.country, quietest.country, (i) => sequence[i % sequence.length]);
		const allRow = (rows: SearchKindResult[]) => rows.find((x) => x.kind === 'all searches')!;

		const asInserted = await timeSearches(kinds, opts.rounds);
		log(`  ${allRow(asInserted).searches} searches as inserted: p50 ${allRow(asInserted).p50Ms} ms, p95 ${allRow(asInserted).p95Ms} ms`);
		const plan = { ...(await explainSearch(d, { country: busiest.country })), state: 'as inserted (no VACUUM/ANALYZE yet)' };

		const tv = performance.now();
		await d.db.execute(sql`vacuum analyze`);
		const vacuumMs = performance.now() - tv;
		const afterVacuum = await timeSearches(kinds, opts.rounds);
		log(`  VACUUM ANALYZE ${(vacuumMs / 1000).toFixed(1)} s; same searches after it: p50 ${allRow(afterVacuum).p50Ms} ms, p95 ${allRow(afterVacuum).p95Ms} ms`);
		const sameAsBefore = await compareWithReference(busiest.country, quietest.country, (i) => sequence[i % sequence.length]);
		log(`  against the search before directory_listings: ${sameAsBefore.identical} of ${sameAsBefore.pages} pages identical (${sameAsBefore.searches} searches)${sameAsBefore.differences.length ? `; differ: ${sameAsBefore.differences.join(' ')}` : ''}`);
		return {
			generation: { ...rest, ms: Math.round(rest.ms), countries: Object.keys(perCountry).length, batchSize, seed: opts.seed },
			busiest,
			quietest,
			asInserted,
			vacuumMs: Math.round(vacuumMs),
			afterVacuum,
			plan,
			sampleServiceId: gen.sampleId,
			sameAsBefore
		};
	} finally {
		useDatabase(undefined);
		await d.close();
		await scratch?.drop();
	}
}
