// The federation bench: how long a hub takes to pull and apply one member's full snapshot, both
// feeds: progress for every ITU Member State (194 countries x 10 periods, 40 indicators each, the
// SDMX-CSV observations beside them) and 100,000 help services as HSDS records. Everything is
// synthetic and generated here: the scores by a seeded PRNG, the services by exporting services
// from bench/generate-directory.ts (as a member would publish them) and repeating them under new ids
// up to the count. The member is in memory (federation/testing.ts) and answers through the hub's
// transport, so the figure is the hub's own work: fetch, hash, verify the proof, parse, check every
// record, write in one transaction, the services a page at a time. Sizes: BENCH_FED_PERIODS,
// BENCH_FED_SERVICES. Run alone with
// `npx tsx bench/federation.ts`, or as a step of `npm run bench`. Writes its section of
// docs/performance.md between federation markers.
import { sql } from 'drizzle-orm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, useDatabase } from '../src/lib/server/db';
import * as directory from '../src/lib/server/directory';
import { PILLARS } from '../src/lib/progress/model';
import * as progress from '../src/lib/server/progress';
import { pullMember } from '../src/lib/server/federation/pull';
import { SERVICES_PER_FILE } from '../src/lib/server/federation/publish';
import { federationMembers } from '../src/lib/server/federation/schema';
import { useNetwork } from '../src/lib/server/federation/net';
import { FakeMember, federatedEvent, useFakeNetwork } from '../src/lib/server/federation/testing';
import { prng } from '../src/lib/prng';
import { generateDirectory } from './generate-directory';
import { benchCountries } from './generate-progress';
import { mdTable, ROOT, textTable, type Row } from './lib';

const DOC = path.join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:federation:start -->';
const END = '<!-- bench:federation:end -->';
const FIRST = 2016;
const INDICATORS = 40;
/** distinct services generated and exported; the snapshot repeats them under new ids */
const TEMPLATES = 2_000;

export interface FederationBench {
	database: string;
	countries: number;
	periods: number;
	results: number;
	observations: number;
	services: number;
	/** pages of the services feed */
	files: number;
	bytes: { progress: number; services: number };
	pulls: { feed: string; outcome: string; count: number; ms: number }[];
	totalMs: number;
	/** a second pull of the same snapshot (both manifests answer 304 Not Modified) */
	unchangedMs: number;
	/** for comparison: JSON.parse of every services page and fromHsdsService on every record, CPU only */
	checkServicesMs: number;
	date: string;
	loadAverage: number[];
}

const size = (name: string, fallback: number) => {
	const n = Number(process.env[name]);
	return Number.isInteger(n) && n > 0 ? n : fallback;
};

function syntheticResults(countries: string[], periods: number) {
	const r = prng(17);
	const round = (x: number) => Math.round(x * 10) / 10;
	const out = [];
	for (const country of countries)
		for (let p = 0; p < periods; p++) {
			const pillars = Object.fromEntries(PILLARS.map((id) => [id, round(r.next() * 100)]));
			const overall = round(Object.values(pillars).reduce((a, b) => a + b, 0) / PILLARS.length);
			out.push({
				country,
				period: FIRST + p,
				frameworkVersion: 1,
				overall,
				tier: (1 + Math.floor(r.next() * 5)) as 1 | 2 | 3 | 4 | 5,
				pillars,
				indicators: Array.from({ length: INDICATORS }, (_, i) => ({ id: `bench.indicator_${String(i + 1).padStart(2, '0')}`, score: round(r.next() * 100), hidden: i % 10 === 9 })),
				demo: false
			});
		}
	return out;
}

type Result = ReturnType<typeof syntheticResults>[number];

function observationsOf(results: Result[]): progress.opendata.Observation[] {
	const base = { refAreaType: 'country' as const, obsStatus: 'A' as const, validationStatus: 'validated' as const, frameworkVersion: 1, demo: false, source: null };
	return results.flatMap((r) => [
		{ ...base, refArea: r.country, timePeriod: r.period, indicator: 'OVERALL', measure: 'overall', value: r.overall, unit: 'SCORE' as const },
		{ ...base, refArea: r.country, timePeriod: r.period, indicator: 'TIER', measure: 'tier', value: r.tier, unit: 'TIER' as const },
		...PILLARS.map((p) => ({ ...base, refArea: r.country, timePeriod: r.period, indicator: `PILLAR_${p.toUpperCase()}`, measure: p, value: r.pillars[p], unit: 'SCORE' as const })),
		...r.indicators.filter((i) => !i.hidden).map((i) => ({ ...base, refArea: r.country, timePeriod: r.period, indicator: progress.opendata.indicatorCode(i.id), measure: i.id, value: i.score, unit: 'SCORE' as const }))
	]);
}

/**
 * `count` HSDS records as the member's paged services feed (SERVICES_PER_FILE a page): TEMPLATES
 * synthetic services exported as a member would, repeated under new ids.
 */
async function syntheticServices(count: number, log: (s: string) => void): Promise<{ pages: Record<string, string>; count: number; countries: Set<string> }> {
	const templates = Math.min(count, TEMPLATES);
	await generateDirectory({ count: templates, seed: 7 });
	const exported: Record<string, unknown>[] = [];
	for (let page = 1; exported.length < templates; page++) {
		const { rows } = await directory.listForExport({ page, perPage: 500 });
		if (!rows.length) break;
		exported.push(...rows.map((r) => directory.hsds.toHsdsService(r) as unknown as Record<string, unknown>));
	}
	log(`  ${exported.length} distinct services exported as HSDS; repeating them to ${count.toLocaleString('en')} in pages of ${SERVICES_PER_FILE.toLocaleString('en')}`);
	const pages: Record<string, string> = {};
	let page: Record<string, unknown>[] = [];
	const flush = () => {
		pages[`services-${String(Object.keys(pages).length + 1).padStart(4, '0')}.json`] = JSON.stringify(page);
		page = [];
	};
	for (let i = 0; i < count; i++) {
		const t = exported[i % exported.length];
		page.push(i < exported.length ? t : { ...t, id: directory.hsds.uuidV5(`bench:federated-service:${i}`), name: `${String(t.name)} (${i})` });
		if (page.length === SERVICES_PER_FILE) flush();
	}
	if (page.length || !Object.keys(pages).length) flush();
	const countries = new Set<string>();
	for (const t of exported) {
		const { raw } = directory.hsds.fromHsdsService(t);
		for (const c of (raw as { countries?: string[] }).countries ?? []) countries.add(c);
	}
	return { pages, count, countries };
}

export async function runFederationBench(log: (s: string) => void = console.log): Promise<FederationBench> {
	const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
	const periods = size('BENCH_FED_PERIODS', 10);
	const serviceCount = size('BENCH_FED_SERVICES', 100_000);
	const url = process.env.DATABASE_URL || undefined;
	const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
	await migrate(database);
	useDatabase(database);
	try {
		const d = database.db;
		const countries = benchCountries();
		log(`Generating a member's snapshot: ${countries.length} countries x ${periods} periods, ${serviceCount.toLocaleString('en')} services…`);
		const results = syntheticResults(countries, periods);
		const observations = observationsOf(results);
		const { pages: servicesFiles, count: services, countries: serviceCountries } = await syntheticServices(serviceCount, log);
		const member = new FakeMember('https://member.bench.example', countries);
		const progressFiles = { 'scores.json': JSON.stringify({ frameworkVersion: 1, results }), 'observations.csv': progress.opendata.toSdmxCsv(observations) };
		member.publish('progress', progressFiles);
		member.publish('services', servicesFiles);
		// and its events feed (a national platform publishes one since issue 17): one upcoming event per country
		const soon = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
		const sharedEvents = countries.map((country, i) =>
			federatedEvent(member.origin, `0b1c2d3e-0000-4000-8000-${String(i).padStart(12, '0')}`, { country, start: `${soon}T09:00:00Z`, end: `${soon}T12:00:00Z`, timeZone: 'UTC' })
		);
		member.publish('events', { 'events.json': JSON.stringify({ events: sharedEvents }) });
		useFakeNetwork(member);
		const [row] = await d
			.insert(federationMembers)
			.values({ origin: member.origin, name: 'Bench member', fingerprint: member.key.fp, keys: [], countries: [...new Set([...countries, ...serviceCountries])] })
			.returning({ id: federationMembers.id });
		const bytes = { progress: Buffer.byteLength(progressFiles['scores.json']) + Buffer.byteLength(progressFiles['observations.csv']), services: Object.values(servicesFiles).reduce((n, f) => n + Buffer.byteLength(f), 0) };
		log(`  snapshot: progress ${(bytes.progress / 1e6).toFixed(1)} MB (${results.length} results, ${observations.length} observations), services ${(bytes.services / 1e6).toFixed(1)} MB in ${Object.keys(servicesFiles).length} files`);
		const tc = performance.now();
		for (const file of Object.values(servicesFiles)) for (const rec of JSON.parse(file) as Record<string, unknown>[]) directory.hsds.fromHsdsService(rec);
		const checkServicesMs = performance.now() - tc;
		const t0 = performance.now();
		const reports = await pullMember(d, row.id);
		const totalMs = performance.now() - t0;
		const logged = await d.execute(sql`select feed, outcome, ms, detail, code from federation_pulls order by id`);
		const pulls = ((logged as unknown as { rows: Record<string, unknown>[] }).rows ?? []).map((p) => ({ feed: String(p.feed), outcome: String(p.outcome), count: Number(p.detail) || 0, ms: Number(p.ms), code: p.code }));
		for (const r of reports) if (r.outcome !== 'applied') throw new Error(`the ${r.feed} snapshot was ${r.outcome}: ${r.code}`);
		const t1 = performance.now();
		await pullMember(d, row.id);
		const unchangedMs = performance.now() - t1;
		const out: FederationBench = {
			database: database.kind,
			countries: countries.length,
			periods,
			results: results.length,
			observations: observations.length,
			services,
			files: Object.keys(servicesFiles).length,
			bytes,
			pulls: pulls.slice(0, 2).map(({ feed, outcome, count, ms }) => ({ feed, outcome, count, ms })),
			totalMs: Math.round(totalMs),
			unchangedMs: Math.round(unchangedMs),
			checkServicesMs: Math.round(checkServicesMs),
			date: new Date().toISOString(),
			loadAverage
		};
		log(textTable(rows(out), Object.keys(rows(out)[0])));
		return out;
	} finally {
		useNetwork();
		useDatabase(undefined);
		await database.close();
	}
}

function rows(r: FederationBench): Row[] {
	return [
		...r.pulls.map((p) => ({ step: `pull and apply the ${p.feed} feed`, rows: p.count, 'MB fetched': ((p.feed === 'progress' ? r.bytes.progress : r.bytes.services) / 1e6).toFixed(1), ms: p.ms })),
		{ step: 'the whole pull (every feed: progress, services, events)', rows: r.results + r.services, 'MB fetched': ((r.bytes.progress + r.bytes.services) / 1e6).toFixed(1), ms: r.totalMs },
		{ step: 'the next pull, nothing changed (304)', rows: 0, 'MB fetched': '0.0', ms: r.unchangedMs },
		{ step: 'for comparison: parse every services page and check every HSDS record, CPU only', rows: r.services, 'MB fetched': '-', ms: r.checkServicesMs }
	];
}

export function updateFederationDoc(r: FederationBench): void {
	if (!existsSync(DOC)) return;
	const text = readFileSync(DOC, 'utf8');
	const section = [
		START,
		`### Federation: a hub pulls a member's full snapshot`,
		'',
		`One member speaking for ${r.countries} countries: ${r.results.toLocaleString('en')} country results (${r.periods} periods, ${INDICATORS} indicators each) with ${r.observations.toLocaleString('en')} SDMX-CSV observations, and ${r.services.toLocaleString('en')} help services as HSDS records in ${r.files} pages of the paged services feed (about ${Math.round(r.bytes.services / Math.max(1, r.services)).toLocaleString('en')} bytes a record), all synthetic (bench/federation.ts). In-process on ${r.database === 'pglite' ? 'the embedded database (PGlite)' : 'PostgreSQL'}, the member in memory: fetch, sha256 of every file, proof check, strict parsing of every record, and the write in one transaction (a page at a time). Load average at the start: ${r.loadAverage.join(', ')}; ${r.date.slice(0, 10)}.`,
		'',
		mdTable(rows(r), Object.keys(rows(r)[0])),
		END
	].join('\n');
	const next = text.includes(START) ? text.replace(new RegExp(`${START}[\\s\\S]*?${END}`), section) : `${text.trimEnd()}\n\n${section}\n`;
	writeFileSync(DOC, next);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	runFederationBench().then(
		(r) => {
			updateFederationDoc(r);
			process.exit(0);
		},
		(e) => {
			console.error(e);
			process.exit(1);
		}
	);
}
