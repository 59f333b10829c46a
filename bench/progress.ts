// The progress bench: 194 countries x 10 periods with every question of the starter framework
// answered and validated. In-process, it times the world and regional roll-ups the public
// dashboards make, a country dashboard's data load, and (for comparison) computing one period's
// country scores from the answers on read. Then it writes a copy of the database to disk, starts
// the production build on it (build/index.js, SEED_DEMO=off) and times the pages as a visitor gets
// them over HTTP: a country's dashboard, the world and regional dashboards and a country's PDF
// report. Run alone with `npx tsx bench/progress.ts` (needs build/ for the HTTP part), or as a step of
// `npm run bench`. Writes its section of docs/performance.md between progress markers.
import { and, eq } from 'drizzle-orm';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, useDatabase, type Database, type Db } from '../src/lib/server/db';
import * as progress from '../src/lib/server/progress';
import { installContentFrameworks } from '../src/lib/server/progress/demo';
import { loadBundledContent } from '../src/lib/server/content';
import { answers, assessments } from '../src/lib/server/progress/schema';
import { scoreAssessment } from '../src/lib/progress/scoring';
import type { ScoringAnswer } from '../src/lib/progress/model';
import { regionOf } from '../src/lib/geo';
import { generateProgress, type ProgressGeneration } from './generate-progress';
import { get, kb, killAll, killAllSync, launch, mdTable, ms, percentile, ROOT, stop, textTable, type Row } from './lib';

const PERIODS = 10;
const FIRST = 2016;
const ROUNDS = 30;
/** PDF reports are timed fewer times (each renders a whole document). */
/** The country whose pages are fetched over HTTP (if it has data; else the first that has). */
const PAGE_COUNTRY = 'KE';
const TARGET_MS = 100;
const DOC = path.join(ROOT, 'docs', 'performance.md');
const START = '<!-- bench:progress:start -->';
const END = '<!-- bench:progress:end -->';

export interface Timing {
	what: string;
	p50Ms: number;
	p95Ms: number;
	maxMs: number;
	/** body size of an HTTP answer, as the app sends it without compression */
	size?: string;
	target: string;
}

export interface ProgressHttpResults {
	/** spawn of build/index.js on the generated database → first 200 of GET / */
	firstOkMs: number;
	dbReadyMs: number | null;
	pages: Timing[];
}

export interface ProgressBenchResults {
	database: string;
	generation: ProgressGeneration;
	timings: Timing[];
	/** the pages over HTTP, or why they were not measured */
	http: ProgressHttpResults | { skipped: string };
	date: string;
	/** 1/5/15-minute load averages when the step started (other work on the machine skews the figures) */
	loadAverage: number[];
}

async function time(what: string, fn: (i: number) => Promise<unknown>, target = true, rounds = ROUNDS): Promise<Timing> {
	await fn(0); // warm-up
	const xs: number[] = [];
	for (let i = 1; i <= rounds; i++) {
		const t = performance.now();
		await fn(i);
		xs.push(performance.now() - t);
	}
	const r = (x: number) => Math.round(x * 10) / 10;
	const p95 = percentile(xs, 95);
	return { what, p50Ms: r(percentile(xs, 50)), p95Ms: r(p95), maxMs: r(Math.max(...xs)), target: target ? (p95 < TARGET_MS ? 'ok' : 'MISSED') : '' };
}

/** Scores every country of one period from its accepted answers, as a compute-on-read design would. */
async function scoreOnRead(d: Db, period: number) {
	const fw = await progress.getFramework(d);
	const rows = await d
		.select({ country: assessments.country, questionId: answers.questionId, value: answers.value, notApplicable: answers.notApplicable, confidentiality: answers.confidentiality })
		.from(answers)
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(and(eq(assessments.period, period), eq(answers.status, 'accepted')));
	const by = new Map<string, Map<string, ScoringAnswer>>();
	for (const r of rows) {
		if (r.confidentiality === 'private') continue;
		let m = by.get(r.country);
		if (!m) by.set(r.country, (m = new Map()));
		m.set(r.questionId, { value: r.value ?? null, notApplicable: r.notApplicable, hidden: r.confidentiality === 'aggregate_only' });
	}
	return [...by.entries()].map(([c, m]) => ({ c, s: scoreAssessment(fw, m) }));
}

/** `rounds` sequential GETs of one page (no keep-alive) after one warm-up; anything but a 200 fails the bench. */
async function timePage(origin: string, what: string, urlPath: string, target: boolean, rounds = ROUNDS): Promise<Timing> {
	let bytes = 0;
	const t = await time(
		`GET ${urlPath} (${what})`,
		async () => {
			const r = await get(origin + urlPath, {}, 60_000);
			if (r.status !== 200) throw new Error(`GET ${urlPath} answered ${r.status}: ${r.body.toString('utf8').slice(0, 300)}`);
			bytes = r.body.length;
		},
		target,
		rounds
	);
	return { ...t, size: kb(bytes) };
}

/**
 * The dashboards as a visitor gets them: writes the generated database (`dump`, a PGlite data-dir
 * tarball) to disk in the app's DATA_DIR layout, starts the production build on it and times each
 * page in turn. The in-memory database must be closed by then (a data folder has one owner).
 */
async function measurePages(dump: Blob, country: string, workDir: string, log: (s: string) => void): Promise<ProgressHttpResults> {
	const dataDir = path.join(workDir, 'progress-data');
	mkdirSync(dataDir, { recursive: true });
	const t0 = performance.now();
	const disk = await openDatabase({ dataDir: path.join(dataDir, 'pglite'), loadDataDir: dump });
	await disk.close();
	log(`Wrote the database to disk (a ${Math.round(dump.size / 2 ** 20)} MB data folder) in ${ms(performance.now() - t0)}; starting the app on it (build/index.js, SEED_DEMO=off)…`);
	const { app, run } = await launch({ dataDir, label: 'progress', timeoutMs: 120_000, logDir: workDir, env: { SEED_DEMO: 'off' } });
	try {
		log(`  first 200 of GET / after ${ms(run.firstOkMs)} (server's own "database ready": ${run.dbReadyMs ?? '?'} ms); GETs of each page, ${ROUNDS} after one warm-up…`);
		const pages: Timing[] = [];
		pages.push(await timePage(app.origin, 'country dashboard', `/progress/countries/${country}`, true));
		pages.push(await timePage(app.origin, 'world dashboard', '/progress', true));
		pages.push(await timePage(app.origin, 'regional dashboard', `/progress/regions/${regionOf(country)}`, true));
		pages.push(await timePage(app.origin, 'open data, every observation as SDMX-CSV', '/api/v1/progress/sdmx.csv', true));
		// the first PDF of a report after a change is made (fonts subset, charts drawn); the next ones are kept
		const t0 = performance.now();
		const first = await get(`${app.origin}/fr/progress/report.pdf?scope=${country}`, {}, 60_000);
		if (first.status !== 200) throw new Error(`the French status report answered ${first.status}`);
		const made = Math.round((performance.now() - t0) * 10) / 10;
		pages.push({ what: `GET /fr/progress/report.pdf?scope=${country} (status report PDF, made: the first after a change)`, p50Ms: made, p95Ms: made, maxMs: made, size: kb(first.body.length), target: '' });
		pages.push(await timePage(app.origin, 'status report PDF, kept while nothing changed', `/progress/report.pdf?scope=${country}`, true));
		return { firstOkMs: Math.round(run.firstOkMs), dbReadyMs: run.dbReadyMs, pages };
	} finally {
		await stop(app, run, log);
	}
}

const TIMING_COLS = ['what', 'p50Ms', 'p95Ms', 'maxMs', 'target'];
const PAGE_COLS = ['what', 'p50Ms', 'p95Ms', 'maxMs', 'size', 'target'];

export async function runProgressBench(log: (s: string) => void = console.log, opts: { workDir?: string } = {}): Promise<ProgressBenchResults> {
	const loadAverage = os.loadavg().map((x) => Math.round(x * 100) / 100);
	const url = process.env.DATABASE_URL || undefined;
	const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
	await migrate(database);
	useDatabase(database);
	let dump: Blob | undefined;
	let country = PAGE_COUNTRY;
	let inProcess: Omit<ProgressBenchResults, 'http' | 'date' | 'loadAverage'>;
	try {
		const d = database.db;
		await loadBundledContent();
		const fw = await d.transaction((tx) => installContentFrameworks(tx));
		if (!fw) throw new Error('no framework under content/progress/frameworks');
		log(`Generating ${PERIODS} periods of assessments for every ITU Member State (framework ${fw.key} ${fw.version})…`);
		const generation = await generateProgress(d, fw, { periods: PERIODS, firstPeriod: FIRST, log });
		log(`  ${generation.assessments} assessments, ${generation.answers} answers in ${Math.round(generation.insertMs)} ms; scored in ${Math.round(generation.scoreMs)} ms`);
		if (database.kind === 'pglite') await d.execute((await import('drizzle-orm')).sql`vacuum analyze`);
		const last = FIRST + PERIODS - 1;
		const countries = (await progress.publishedCountryResults(d, { period: last })).map((r) => r.country);
		const timings: Timing[] = [];
		timings.push(await time(`world + 6 regions, one period (${last})`, () => progress.publishedAggregates(d, { period: last })));
		timings.push(await time(`world + 6 regions, all ${PERIODS} periods (trend)`, () => progress.publishedAggregates(d)));
		timings.push(await time('one region: its countries, one period', (i) => progress.publishedCountryResults(d, { period: last, region: regionOf(countries[i % countries.length])! })));
		timings.push(await time('roadmap completion, world', () => progress.roadmapCompletion(d, { scope: 'world' })));
		timings.push(
			await time('country dashboard data (results over 10 periods, region and world trend, roadmap, legal measures, framework)', (i) => {
				const c = countries[(i * 7) % countries.length];
				return Promise.all([
					progress.getFramework(d),
					progress.publishedCountryResults(d, { country: c }),
					progress.publishedAggregates(d),
					progress.roadmapCompletion(d, { scope: c }),
					progress.legalMeasures(d, { countries: [c] })
				]);
			})
		);
		timings.push(await time(`open data: every observation as SDMX-CSV, made (after a change of the figures)`, async () => progress.toSdmxCsv(await progress.observations(d)), false));
		timings.push(await time(`open data: every observation as SDMX-CSV, again while nothing changed (kept per change, opendata.exportBody)`, () => progress.opendata.exportBody(d, 'sdmx')));
		timings.push(await time(`for comparison: scoring one period's ${countries.length} countries from their answers on read`, () => scoreOnRead(d, last), false));
		log(textTable(timings as unknown as Row[], TIMING_COLS));
		inProcess = { database: database.kind, generation, timings };
		if (!countries.includes(country)) country = countries[0];
		if (database.kind === 'pglite') dump = await (database as Database & { pglite: { dumpDataDir(c: 'none'): Promise<Blob> } }).pglite.dumpDataDir('none');
	} finally {
		useDatabase(undefined);
		await database.close();
	}
	let http: ProgressBenchResults['http'];
	if (!dump) http = { skipped: 'the app is started on embedded PGlite only; with DATABASE_URL set the pages are not measured' };
	else if (!existsSync(path.join(ROOT, 'build', 'index.js'))) http = { skipped: 'no production build (build/index.js): run `npx vite build` first' };
	else {
		const workDir = opts.workDir ?? mkdtempSync(path.join(os.tmpdir(), 'cop-progress-'));
		try {
			http = await measurePages(dump, country, workDir, log);
		} finally {
			if (!opts.workDir) rmSync(workDir, { recursive: true, force: true });
		}
		log(textTable(http.pages as unknown as Row[], PAGE_COLS));
	}
	if ('skipped' in http) log(`Pages over HTTP not measured: ${http.skipped}.`);
	return { ...inProcess, http, date: new Date().toISOString(), loadAverage };
}

export function progressMarkdown(r: ProgressBenchResults): string {
	const g = r.generation;
	return [
		`_Measured ${r.date.slice(0, 16).replace('T', ' ')} UTC on ${r.database === 'pglite' ? 'embedded PGlite (in memory)' : 'PostgreSQL'}, ${os.cpus().length} cores, load average ${r.loadAverage.join(' / ')} at the start; ${ROUNDS} runs of each after one warm-up; target p95 < ${TARGET_MS} ms._`,
		'',
		`Data: ${g.countries} countries x ${g.periods} periods = ${g.assessments} assessments, ${g.answers.toLocaleString('en')} answers, every one accepted; ${g.actions} roadmap actions. Writing them took ${Math.round(g.insertMs / 1000)} s; scoring every assessment into \`progress_scores\` took ${Math.round(g.scoreMs)} ms.`,
		'',
		mdTable(r.timings as unknown as Row[], TIMING_COLS),
		'',
		'Roll-ups read the stored scores (`progress_scores`, one row per assessment and framework version, refreshed in the transaction of every accept, reopen and framework publication); the last row shows what scoring from the answers on every read would cost instead (see decisions.md).',
		'',
		...pagesMarkdown(r.http)
	].join('\n');
}

function pagesMarkdown(h: ProgressBenchResults['http']): string[] {
	if ('skipped' in h) return [`**Pages over HTTP**: not measured (${h.skipped}).`];
	return [
		`**Pages over HTTP** (the same database written to disk, the production build started on it: \`node build/index.js\`, SEED_DEMO=off, first 200 of \`GET /\` after ${ms(h.firstOkMs)}; sequential GETs without keep-alive from this process on the same machine, ${ROUNDS} of each page after one warm-up (the warm-up makes what is kept: the open-data export and the PDF are made once per change of the figures, and one French PDF is timed as it is made); time to the last byte; size is the body as the app sends it, uncompressed; target p95 < ${TARGET_MS} ms for the dashboard pages, the export and the kept PDF)`,
		'',
		mdTable(h.pages as unknown as Row[], PAGE_COLS),
		'',
		'A page\'s time is its data calls (above) plus building and server-side rendering the dashboard and the HTTP exchange; the client and the server share the machine\'s cores.'
	];
}

export function updateProgressDoc(r: ProgressBenchResults): void {
	const block = `${START}\n${progressMarkdown(r)}\n${END}`;
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
	const a = doc.indexOf(START);
	const b = doc.indexOf(END);
	if (a !== -1 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + END.length);
	else doc = `${doc.trimEnd()}\n\n## Progress roll-ups at 194 countries x 10 periods\n\n${block}\n`;
	writeFileSync(DOC, doc);
}

if (import.meta.url === `file://${process.argv[1]}`) {
	process.on('exit', killAllSync);
	try {
		updateProgressDoc(await runProgressBench());
	} catch (err) {
		console.error(`progress bench failed: ${err instanceof Error ? err.message : err}`);
		process.exitCode = 1;
	} finally {
		await killAll(2_000);
	}
	process.exit();
}
