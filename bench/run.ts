// `npm run bench`: start-up time, throughput and page weight of the production build, measured
// on this machine, then the help finder at scale (100,000 synthetic services: search time
// in-process, throughput and weight of the help pages), the progress roll-ups and the library
// search at 20,000 documents, and a federation hub pulling a member's full snapshot. Prints tables, writes
// bench/results/latest.json and rewrites the "Latest figures" section of docs/performance.md
// (between the bench:start / bench:end markers).
// Everything it starts runs on 127.0.0.1, stops by itself and is killed at the end, even on failure.
import autocannon from 'autocannon';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { measureHelpSearch, type HelpSearchResults, type SameAsBefore, type SearchKindResult } from './help-search';
import { runProgressBench, updateProgressDoc } from './progress';
import { runLibraryBench, updateLibraryDoc } from './library';
import { runFederationBench, updateFederationDoc } from './federation';
import {
	BENCH_PG_URL,
	ROOT,
	get,
	getFollow,
	kb,
	killAll,
	killAllSync,
	launch,
	mdTable,
	median,
	pgUnreachable,
	scratchDatabase,
	ms,
	startStatic,
	stop,
	stopApp,
	stopChild,
	textTable,
	type AppServer,
	type StartRun,
	type Row
} from './lib';

const STARTUP_RUNS = 3;
const STARTUP_BUDGET_MS = 3_000;
const PAGE_BUDGET_BYTES = 50 * 1024;
const LOAD = { connections: 10, duration: 10, warmup: 2 };
const HELP_PAGES = ['/help', '/help?country=KE', '/ar/help?country=KE&topic=sextortion', '/help/map', '/help/services/{id}', '/embed/help?country=KE'];
const PAGES = ['/', '/fr', '/ar', '/countries', '/ar/countries', '/privacy', '/signin', '/signup', '/password/forgot', '/events', '/ar/events', '/events?kind=children_session&when=upcoming', ...HELP_PAGES];
/** The help-finder step: synthetic services, searches per kind (timed after one warm-up round), the search target. */
const HELP = { services: 100_000, seed: 42, rounds: 30, targetP95Ms: 20, topic: 'mental_health' };
const WATCHDOG_MS = (process.env.BENCH_HELP_MILLION ? 75 : 20) * 60_000; // the progress step adds about 2 min (in-process, then its pages over HTTP), the library step about 2, the federation step about 4
const DOC = path.join(ROOT, 'docs', 'performance.md');
const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.json');
const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

let tmp: string | undefined;
const log = (s = '') => process.stdout.write(s + '\n');
const section = (title: string) => log(`\n== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}`);

function cleanupSync(): void {
	killAllSync();
	if (tmp) rmSync(tmp, { recursive: true, force: true });
	tmp = undefined;
}
process.on('exit', cleanupSync);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
	process.once(sig, () => {
		log(`\n${sig}: stopping the servers…`);
		void killAll(2_000).finally(() => {
			cleanupSync();
			process.exit(130);
		});
	});
}
// The whole run is bounded: if something hangs, give up (the exit handler kills the children).
setTimeout(() => {
	console.error(`\nbench: still running after ${WATCHDOG_MS / 1000} s, giving up.`);
	process.exit(1);
}, WATCHDOG_MS).unref();

// ---------------------------------------------------------------------------------------------

function machine() {
	const cpus = os.cpus();
	let commit = 'unknown';
	let dirty = false;
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
		dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
	} catch {
		/* not a git checkout */
	}
	return {
		date: new Date().toISOString(),
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: cpus.length,
		memoryGB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
		node: process.version,
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
		commit,
		localChanges: dirty
	};
}

function newestMtime(p: string): number {
	if (!existsSync(p)) return 0;
	const st = statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let max = st.mtimeMs;
	for (const e of readdirSync(p)) if (e !== 'paraglide' && e !== 'node_modules') max = Math.max(max, newestMtime(path.join(p, e)));
	return max;
}

/** Whether build/ serves the help finder (its server manifest lists the /help route). */
function buildHasHelp(): boolean {
	const dir = path.join(ROOT, 'build', 'server', 'chunks');
	if (!existsSync(dir)) return false;
	return readdirSync(dir).some((f) => f.startsWith('manifest') && f.endsWith('.js') && readFileSync(path.join(dir, f), 'utf8').includes('"/help"'));
}

/**
 * Step 1: a production build must exist. An existing one is used as it is, unless it predates the
 * help finder (no /help route) or the help pages changed after it: then it is rebuilt.
 */
function ensureBuild() {
	const entry = path.join(ROOT, 'build', 'index.js');
	let built = false;
	const why = !existsSync(entry)
		? 'No production build (build/index.js)'
		: !buildHasHelp()
			? 'The production build has no /help route'
			: Math.max(newestMtime(path.join(ROOT, 'src', 'routes', 'help')), newestMtime(path.join(ROOT, 'src', 'routes', 'embed'))) > statSync(entry).mtimeMs
				? 'The help pages changed after the last build'
				: null;
	if (why) {
		log(`${why}: running vite build…`);
		const t0 = performance.now();
		const r = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit', timeout: 5 * 60_000 });
		if (r.status !== 0) throw new Error('vite build failed');
		log(`Built in ${ms(performance.now() - t0)}.`);
		built = true;
	}
	const builtAt = statSync(entry).mtimeMs;
	const sourcesAt = Math.max(...['src', 'messages', 'static', 'svelte.config.js', 'vite.config.ts'].map((p) => newestMtime(path.join(ROOT, p))));
	const stale = sourcesAt > builtAt;
	if (stale) log('Note: sources changed after the last build; these figures are for the build as it is (npm run build to refresh).');
	return { builtAt: new Date(builtAt).toISOString(), builtNow: built, olderThanSources: stale };
}

// ---------------------------------------------------------------------------------------------

/** Step 2: first run on a fresh database, then STARTUP_RUNS starts on the existing one. */
async function measureStartup(dataDir: string) {
	section('Start-up');
	log('First run (fresh embedded database: create, migrate, seed)…');
	const first = await launch({ dataDir, label: 'first-run', timeoutMs: Number(process.env.BENCH_FIRST_RUN_TIMEOUT_MS ?? 120_000), logDir: tmp! });
	const health = await get(`${first.app.origin}/healthz`);
	if (health.status !== 200) throw new Error(`/healthz answered ${health.status}: ${health.body.toString()}`);
	await stop(first.app, first.run, log);
	log(`  first 200 of GET / after ${ms(first.run.firstOkMs)}; /healthz ${health.body.toString()}`);

	const runs: StartRun[] = [];
	let running: AppServer | undefined;
	for (let i = 1; i <= STARTUP_RUNS; i++) {
		const { app, run } = await launch({ dataDir, label: `existing-${i}`, timeoutMs: Number(process.env.BENCH_START_TIMEOUT_MS ?? 30_000), logDir: tmp! });
		runs.push(run);
		log(`  start ${i} on the existing database: first 200 of GET / after ${ms(run.firstOkMs)} (server's own "database ready": ${run.dbReadyMs ?? '?'} ms)`);
		if (i < STARTUP_RUNS) await stop(app, run, log);
		else running = app; // the last one stays up for the throughput and page-weight steps
	}
	const times = runs.map((r) => r.firstOkMs);
	const summary = {
		firstRunMs: Math.round(first.run.firstOkMs),
		existing: { minMs: Math.round(Math.min(...times)), medianMs: Math.round(median(times)), maxMs: Math.round(Math.max(...times)) },
		budgetMs: STARTUP_BUDGET_MS,
		withinBudget: median(times) < STARTUP_BUDGET_MS,
		runs: [first.run, ...runs].map((r) => ({ ...r, firstOkMs: Math.round(r.firstOkMs) }))
	};
	return { summary, app: running!, lastRun: runs[runs.length - 1] };
}

// ---------------------------------------------------------------------------------------------

interface LoadResult {
	target: string;
	path: string;
	requestsPerSec: number;
	latencyP50Ms: number;
	latencyP99Ms: number;
	latencyAvgMs: number;
	requests: number;
	bytesPerSec: number;
	errors: number;
	timeouts: number;
	non2xx: number;
}

async function cannon(target: string, origin: string, urlPath: string): Promise<LoadResult> {
	const url = origin + urlPath;
	const opts = { url, connections: LOAD.connections, pipelining: 1, timeout: 10 };
	await autocannon({ ...opts, duration: LOAD.warmup }); // warm-up, discarded
	const r = await autocannon({ ...opts, duration: LOAD.duration });
	const out: LoadResult = {
		target,
		path: urlPath,
		requestsPerSec: Math.round(r.requests.average),
		latencyP50Ms: r.latency.p50,
		latencyP99Ms: r.latency.p99,
		latencyAvgMs: Math.round(r.latency.average * 100) / 100,
		requests: r.requests.total,
		bytesPerSec: Math.round(r.throughput.average),
		errors: r.errors,
		timeouts: r.timeouts,
		non2xx: r.non2xx
	};
	log(`  ${target.padEnd(6)} ${urlPath.padEnd(urlPath.length > 11 ? 36 : 11)} ${String(out.requestsPerSec).padStart(6)} req/s   p99 ${out.latencyP99Ms} ms` + (out.errors || out.non2xx ? `   (errors ${out.errors}, non-2xx ${out.non2xx})` : ''));
	return out;
}

/** The anonymous pages whose app/static ratio has a target (issue 16: at least 50 % each). */
const RATIO_PATHS = ['/', '/help?country=KE', '/kids', '/progress'];
const RATIO_TARGET = 0.5;

/** Resident memory of a process in MB (Linux /proc), or null elsewhere. */
function rssMB(pid: number | undefined): number | null {
	try {
		const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Math.round(Number(m[1]) / 1024) : null;
	} catch {
		return null;
	}
}

/**
 * Step 3: for each page of RATIO_PATHS, the app (as an anonymous visitor: no cookie) against a
 * plain Node server sending the same bytes; then /countries. Idle RSS is read first, after the
 * page-weight step has warmed the server and a quiet second.
 */
async function measureThroughput(app: AppServer, database = 'embedded PGlite') {
	section(`Throughput on ${database} (autocannon: ${LOAD.connections} connections, ${LOAD.warmup} s warm-up + ${LOAD.duration} s)`);
	await new Promise((r) => setTimeout(r, 1000));
	const idleRssMB = rssMB(app.child.pid);
	log(`  idle RSS of the app: ${idleRssMB ?? '?'} MB`);
	const results: LoadResult[] = [];
	const ratios: { path: string; app: number; static: number; ratio: number; bytes: number }[] = [];
	let homeBytes = 0;
	let contentType = 'text/html';
	for (const [i, urlPath] of RATIO_PATHS.entries()) {
		const page = await get(app.origin + urlPath);
		if (page.status !== 200) throw new Error(`GET ${urlPath} answered ${page.status}`);
		const type = String(page.headers['content-type'] ?? 'text/html');
		if (i === 0) [homeBytes, contentType] = [page.body.length, type];
		const bodyFile = path.join(tmp!, `page-${i}.html`);
		writeFileSync(bodyFile, page.body);
		const staticServer = await startStatic(bodyFile, type);
		try {
			const a = await cannon('app', app.origin, urlPath);
			const b = await cannon('static', staticServer.origin, urlPath === '/' ? '/' : urlPath);
			results.push(a, b);
			ratios.push({ path: urlPath, app: a.requestsPerSec, static: b.requestsPerSec, ratio: Math.round((a.requestsPerSec / Math.max(1, b.requestsPerSec)) * 1000) / 1000, bytes: page.body.length });
		} finally {
			await stopChild(staticServer.child);
		}
	}
	results.push(await cannon('app', app.origin, '/countries'));
	for (const r of ratios) log(`  ${r.path.padEnd(20)} app/static ${(r.ratio * 100).toFixed(1)} %  (${r.app} vs ${r.static} req/s)  ${r.ratio >= RATIO_TARGET ? 'ok' : 'MISSED'}`);
	return {
		connections: LOAD.connections,
		durationS: LOAD.duration,
		warmupS: LOAD.warmup,
		homeBytes,
		contentType,
		results,
		ratios,
		idleRssMB,
		appVsStatic: ratios[0].ratio
	};
}

type Throughput = Awaited<ReturnType<typeof measureThroughput>>;

/**
 * The same throughput step with the app on a PostgreSQL server (a database of its own, created and
 * dropped here, demo content seeded): BENCH_DATABASE_URL, else the local server CI machines run
 * (postgres@127.0.0.1:5432/test). Skipped, and said so, when none answers.
 */
async function measurePostgresThroughput(): Promise<{ throughput: Throughput | null; note: string }> {
	const unreachable = await pgUnreachable();
	if (unreachable) {
		log(`\nThroughput on PostgreSQL not measured: ${unreachable}`);
		return { throughput: null, note: `not measured: ${unreachable}` };
	}
	const database = await scratchDatabase(BENCH_PG_URL, `cop_bench_${process.pid}`);
	let app: AppServer | undefined;
	try {
		const dataDir = path.join(tmp!, 'pg-data');
		mkdirSync(dataDir, { recursive: true });
		const launched = await launch({ dataDir, label: 'postgres', timeoutMs: 120_000, logDir: tmp!, env: { DATABASE_URL: database.url } });
		app = launched.app;
		const throughput = await measureThroughput(app, `PostgreSQL (${database.host})`);
		await stop(app, launched.run, log);
		app = undefined;
		return { throughput, note: `PostgreSQL at ${database.host}, a fresh database with the demo content` };
	} finally {
		if (app) await stopApp(app);
		await database.drop();
	}
}

// ---------------------------------------------------------------------------------------------

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

function attrs(tag: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const m of tag.matchAll(/([^\s=/"'<>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
		out[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? '');
	}
	return out;
}

/** Same-origin subresources an HTML page references (stylesheets, icons, scripts, images, modulepreloads). */
export function subresources(html: string, pageUrl: string): string[] {
	const found = new Set<string>();
	const origin = new URL(pageUrl).origin;
	const body = html.replace(/<!--[\s\S]*?-->/g, '');
	for (const m of body.matchAll(/<(link|script|img)\b([^>]*)>/gi)) {
		const name = m[1].toLowerCase();
		const a = attrs(m[2]);
		let ref: string | undefined;
		if (name === 'link') {
			const rel = (a.rel ?? '').toLowerCase().split(/\s+/);
			if (rel.some((r) => r === 'stylesheet' || r === 'icon' || r === 'modulepreload')) ref = a.href;
		} else ref = a.src;
		if (!ref || ref.startsWith('data:')) continue;
		const url = new URL(ref, pageUrl);
		if (url.origin === origin) found.add(url.href.replace(/#.*$/, ''));
	}
	return [...found];
}

interface Resource {
	url: string;
	status: number;
	raw: number;
	gzip: number;
	/** What the app itself sends to a client that accepts br/gzip, and how it is encoded. */
	served: number;
	servedEncoding: string;
}

const resourceCache = new Map<string, Promise<Resource>>();

function fetchResource(url: string): Promise<Resource> {
	let p = resourceCache.get(url);
	if (!p) {
		p = (async () => {
			const plain = await get(url);
			const wire = await get(url, { 'accept-encoding': 'br, gzip' });
			return {
				url,
				status: plain.status,
				raw: plain.body.length,
				gzip: gzipSync(plain.body, { level: 6 }).length,
				served: wire.body.length,
				servedEncoding: String(wire.headers['content-encoding'] ?? 'identity')
			};
		})();
		resourceCache.set(url, p);
	}
	return p;
}

/**
 * The id for `/help/services/{id}`: the first service linked from `/help?country=KE` on this
 * server (or `fallback`).
 */
async function helpServiceId(app: AppServer, fallback?: string): Promise<string> {
	const r = await getFollow(`${app.origin}/help?country=KE`);
	const m = /\/help\/services\/([0-9a-f-]{36})/.exec(r.body.toString('utf8'));
	if (m) return m[1];
	if (fallback) return fallback;
	throw new Error('no service linked from /help?country=KE: cannot measure /help/services/{id}');
}

type PageWeight = Awaited<ReturnType<typeof measurePageWeight>>;

/** Step 4: bytes of each public page and everything same-origin it loads, raw and gzip-6. */
async function measurePageWeight(app: AppServer, list: string[], title: string, serviceId?: string) {
	section(`${title} (HTML + same-origin subresources; gzip level 6 per file)`);
	resourceCache.clear();
	const id = list.some((p) => p.includes('{id}')) ? await helpServiceId(app, serviceId) : '';
	const pages = [];
	for (const page of list) {
		const html = await getFollow(`${app.origin}${page.replace('{id}', id)}`);
		const wire = await get(html.url, { 'accept-encoding': 'br, gzip' });
		const htmlRes: Resource = {
			url: html.url,
			status: html.status,
			raw: html.body.length,
			gzip: gzipSync(html.body, { level: 6 }).length,
			served: wire.body.length,
			servedEncoding: String(wire.headers['content-encoding'] ?? 'identity')
		};
		const subs = await Promise.all(subresources(html.body.toString('utf8'), html.url).map(fetchResource));
		const sum = (k: 'raw' | 'gzip' | 'served') => subs.reduce((n, r) => n + r[k], 0);
		const totalGzip = htmlRes.gzip + sum('gzip');
		pages.push({
			page,
			finalUrl: new URL(html.url).pathname + (page.includes('?') ? new URL(html.url).search : ''),
			requested: page.replace('{id}', id),
			status: html.status,
			html: htmlRes,
			subresources: subs.map((r) => ({ ...r, url: new URL(r.url).pathname })),
			subresourcesRaw: sum('raw'),
			subresourcesGzip: sum('gzip'),
			totalRaw: htmlRes.raw + sum('raw'),
			totalGzip,
			totalServed: htmlRes.served + sum('served'),
			overBudget: totalGzip > PAGE_BUDGET_BYTES
		});
	}
	const htmlEncodings = [...new Set(pages.map((p) => p.html.servedEncoding))];
	const assets = await Promise.all([...resourceCache.values()]);
	const assetEncodings = assets.map((r) => `${new URL(r.url).pathname}: ${r.servedEncoding}`);
	return {
		budgetBytes: PAGE_BUDGET_BYTES,
		pages,
		total: {
			raw: pages.reduce((n, p) => n + p.totalRaw, 0),
			gzip: pages.reduce((n, p) => n + p.totalGzip, 0),
			served: pages.reduce((n, p) => n + p.totalServed, 0)
		},
		overBudget: pages.filter((p) => p.overBudget).map((p) => p.page),
		serverCompression: { html: htmlEncodings, assets: assetEncodings.sort() }
	};
}

// ---------------------------------------------------------------------------------------------

/** The search targets of issue 16: p95 under this many ms at this many services. */
const SEARCH_TARGETS: Record<number, number> = { 100_000: 20, 1_000_000: 50 };

interface ScaleRun {
	database: 'PostgreSQL' | 'PGlite';
	services: number;
	generationS: number;
	vacuumS: number;
	/** per search kind, after VACUUM ANALYZE (what an import's scheduled ANALYZE leaves) */
	rows: SearchKindResult[];
	targetMs: number | null;
	sameAsBefore: SameAsBefore;
}

/** "the same 72 of 72 pages as the search before directory_listings" */
function sameText(x: SameAsBefore): string {
	const verdict = x.identical === x.pages ? 'identical' : `**${x.pages - x.identical} DIFFER** (${x.differences.join(' ')})`;
	return `first pages of ${x.searches} searches (${x.pages} pages, followed by key) against the search before directory_listings (every match of directory_services, sorted): ${x.identical} of ${x.pages} ${verdict}`;
}

/**
 * The help search on PostgreSQL at 100,000 services, and at 1,000,000 on both databases when
 * BENCH_HELP_MILLION=1 (generation alone takes several minutes there). In-process, as the PGlite
 * figures above; each run in a database of its own, dropped afterwards.
 */
async function measureSearchScale(): Promise<{ runs: ScaleRun[]; note: string }> {
	const unreachable = await pgUnreachable();
	const pgUp = !unreachable;
	const plan: { database: ScaleRun['database']; services: number }[] = [];
	if (pgUp) plan.push({ database: 'PostgreSQL', services: 100_000 });
	// BENCH_HELP_MILLION=1: a million on both databases; =postgres or =pglite: on that one only
	const million = process.env.BENCH_HELP_MILLION;
	if ((million === '1' || million === 'postgres') && pgUp) plan.push({ database: 'PostgreSQL', services: 1_000_000 });
	if (million === '1' || million === 'pglite') plan.push({ database: 'PGlite', services: 1_000_000 });
	const runs: ScaleRun[] = [];
	for (const p of plan) {
		section(`Help search on ${p.database} at ${p.services.toLocaleString('en')} services (in-process)`);
		const dataDir = path.join(tmp!, `scale-${p.database}-${p.services}`);
		mkdirSync(dataDir, { recursive: true });
		const r = await measureHelpSearch({ dataDir, url: p.database === 'PostgreSQL' ? BENCH_PG_URL : undefined, count: p.services, seed: HELP.seed, rounds: HELP.rounds, log });
		runs.push({ database: p.database, services: p.services, generationS: Math.round(r.generation.ms / 100) / 10, vacuumS: Math.round(r.vacuumMs / 100) / 10, rows: r.afterVacuum, targetMs: SEARCH_TARGETS[p.services] ?? null, sameAsBefore: r.sameAsBefore });
		rmSync(dataDir, { recursive: true, force: true });
	}
	const note =
		(pgUp ? `PostgreSQL at ${new URL(BENCH_PG_URL).host}` : `PostgreSQL not measured: ${unreachable}`) +
		(million === '1'
			? ''
			: million === 'postgres'
				? '; 1,000,000 services on PostgreSQL only (BENCH_HELP_MILLION=postgres)'
				: million === 'pglite'
					? '; 1,000,000 services on PGlite only (BENCH_HELP_MILLION=pglite)'
					: '; 1,000,000 services only with BENCH_HELP_MILLION=1');
	return { runs, note };
}

function scaleTable(scale: { runs: ScaleRun[] }): { rows: Row[]; cols: string[] } {
	const kinds = scale.runs[0]?.rows.map((r) => r.kind) ?? [];
	const rows = kinds.map((kind) => {
		const row: Row = { kind };
		for (const run of scale.runs) {
			const x = run.rows.find((r) => r.kind === kind)!;
			row[`${run.database} ${run.services / 1000}k p50 / p95`] = `${x.p50Ms} / ${x.p95Ms} ms`;
		}
		return row;
	});
	return { rows, cols: rows[0] ? Object.keys(rows[0]) : [] };
}

function scaleSummary(scale: { runs: ScaleRun[]; note: string }): string {
	const parts = scale.runs.map((run) => {
		const searches = run.rows.filter((r) => r.kind !== 'all searches' && !r.kind.includes('(also on /help)'));
		const worst = searches.reduce((a, b) => (b.p95Ms > a.p95Ms ? b : a));
		const verdict = run.targetMs === null ? '' : worst.p95Ms < run.targetMs ? `: every kind under ${run.targetMs} ms, met` : `: target p95 < ${run.targetMs} ms **MISSED** (worst: ${worst.kind}, ${worst.p95Ms} ms)`;
		return `${run.database}, ${run.services.toLocaleString('en')} services (generated in ${run.generationS} s, VACUUM ANALYZE ${run.vacuumS} s)${verdict}; ${sameText(run.sameAsBefore)}`;
	});
	return `${parts.join('. ')}${parts.length ? '. ' : ''}${scale.note}.`;
}

/**
 * Step 5: the help finder at scale. Generates the synthetic directory into a second data folder
 * and times searches in this process (bench/help-search.ts), closes it, then starts the app on it
 * (SEED_DEMO=off) and loads a busy country's search page beside a static server sending the same
 * bytes, and weighs the help pages as they are with that much data.
 */
async function measureHelp() {
	section(`Help finder: ${HELP.services.toLocaleString('en')} synthetic services (bench/generate-directory.ts, seed ${HELP.seed})`);
	const dataDir = path.join(tmp!, 'help-data');
	mkdirSync(dataDir);
	const search: HelpSearchResults = await measureHelpSearch({ dataDir, count: HELP.services, seed: HELP.seed, rounds: HELP.rounds, log });

	log('Starting the app on the synthetic directory (SEED_DEMO=off)…');
	const { app, run } = await launch({ dataDir, label: 'help-100k', timeoutMs: 120_000, logDir: tmp!, env: { SEED_DEMO: 'off' } });
	try {
		log(`  first 200 of GET / after ${ms(run.firstOkMs)} (server's own "database ready": ${run.dbReadyMs ?? '?'} ms)`);
		const helpPath = `/help?country=${search.busiest.country}&topic=${HELP.topic}`;
		section(`Help page throughput (autocannon: ${LOAD.connections} connections, ${LOAD.warmup} s warm-up + ${LOAD.duration} s)`);
		const page = await get(`${app.origin}${helpPath}`);
		if (page.status !== 200) throw new Error(`GET ${helpPath} answered ${page.status}`);
		const results = new Set(page.body.toString('utf8').match(/\/help\/services\/[0-9a-f-]{36}/g) ?? []).size;
		const contentType = String(page.headers['content-type'] ?? 'text/html');
		const bodyFile = path.join(tmp!, 'help.html');
		writeFileSync(bodyFile, page.body);
		const staticServer = await startStatic(bodyFile, contentType);
		let appHelp: LoadResult, staticHelp: LoadResult;
		try {
			appHelp = await cannon('app', app.origin, helpPath);
			staticHelp = await cannon('static', staticServer.origin, helpPath);
		} finally {
			await stopChild(staticServer.child);
		}
		const pageWeight = await measurePageWeight(app, HELP_PAGES, `Help page weight with ${HELP.services.toLocaleString('en')} services`, search.sampleServiceId);
		for (const p of pageWeight.pages) log(`  ${p.page.padEnd(38)} ${kb(p.totalRaw).padStart(9)} raw  ${kb(p.totalGzip).padStart(8)} gzip${p.overBudget ? '  OVER BUDGET' : ''}`);
		return {
			search,
			startup: { firstOkMs: Math.round(run.firstOkMs), dbReadyMs: run.dbReadyMs },
			throughput: {
				path: helpPath,
				pageBytes: page.body.length,
				resultLinks: results,
				contentType,
				results: [appHelp, staticHelp],
				appVsStatic: Math.round((appHelp.requestsPerSec / staticHelp.requestsPerSec) * 1000) / 1000
			},
			pageWeight
		};
	} finally {
		await stopApp(app).catch(() => {});
	}
}

// ---------------------------------------------------------------------------------------------

type Results = {
	machine: ReturnType<typeof machine>;
	build: ReturnType<typeof ensureBuild>;
	startup: Awaited<ReturnType<typeof measureStartup>>['summary'];
	throughput: Throughput;
	/** the same on a PostgreSQL server, when one answered */
	postgres: { throughput: Throughput | null; note: string };
	pageWeight: PageWeight;
	scale: Awaited<ReturnType<typeof measureSearchScale>>;
	help: Awaited<ReturnType<typeof measureHelp>>;
	benchSeconds: number;
};

function weightTable(w: PageWeight): Row[] {
	const rows: Row[] = w.pages.map((p) => ({
		page: p.page + (p.finalUrl !== p.requested ? ` → ${p.finalUrl}` : '') + (p.status !== 200 ? ` (${p.status})` : ''),
		'HTML raw': kb(p.html.raw),
		'HTML gzip': kb(p.html.gzip),
		files: p.subresources.length,
		'files raw': kb(p.subresourcesRaw),
		'files gzip': kb(p.subresourcesGzip),
		'total raw': kb(p.totalRaw),
		'total gzip': kb(p.totalGzip),
		'sent by app': kb(p.totalServed),
		budget: p.overBudget ? 'OVER 50 KB' : 'ok'
	}));
	rows.push({
		page: `all ${w.pages.length} pages`,
		'HTML raw': kb(w.pages.reduce((n, p) => n + p.html.raw, 0)),
		'HTML gzip': kb(w.pages.reduce((n, p) => n + p.html.gzip, 0)),
		files: w.pages.reduce((n, p) => n + p.subresources.length, 0),
		'files raw': kb(w.pages.reduce((n, p) => n + p.subresourcesRaw, 0)),
		'files gzip': kb(w.pages.reduce((n, p) => n + p.subresourcesGzip, 0)),
		'total raw': kb(w.total.raw),
		'total gzip': kb(w.total.gzip),
		'sent by app': kb(w.total.served),
		budget: w.overBudget.length ? `${w.overBudget.length} over` : 'all ok'
	});
	return rows;
}

/** autocannon measures latency in whole milliseconds. */
const lat = (v: number) => (v < 1 ? '< 1 ms' : `${v} ms`);

const fmtMs = (v: number) => `${v.toFixed(1)} ms`;

function helpTables(h: Results['help']) {
	const s = h.search;
	const g = s.generation;
	const n = (x: number) => x.toLocaleString('en');
	const generation =
		`${n(g.services)} synthetic services (${n(g.organizations)} organisations, ${n(g.channels)} channels) over ${g.countries} country codes (incl. ZZ, worldwide), seed ${g.seed}, ` +
		`inserted in ${(g.ms / 1000).toFixed(1)} s (${n(g.servicesPerSecond)} services/s; ${n(g.batchSize)} services per multi-row INSERT and transaction); ` +
		`${g.validated} of them (every ${n(Math.round(g.services / Math.max(1, g.validated)))}th) parsed with ServiceInput. ` +
		`Busiest country ${s.busiest.country} (${n(s.busiest.services)} services), quietest ${s.quietest.country} (${s.quietest.services}). VACUUM ANALYZE afterwards: ${(s.vacuumMs / 1000).toFixed(1)} s.`;
	const after = new Map(s.afterVacuum.map((k) => [k.kind, k]));
	const searchRows: Row[] = s.asInserted.map((k: SearchKindResult) => {
		const v = after.get(k.kind)!;
		return {
			search: k.kind,
			varies: k.example,
			n: k.searches,
			'results (avg)': k.resultsAvg,
			p50: fmtMs(k.p50Ms),
			p95: fmtMs(k.p95Ms),
			max: fmtMs(k.maxMs),
			'p50 after VACUUM ANALYZE': fmtMs(v.p50Ms),
			'p95 after VACUUM ANALYZE': fmtMs(v.p95Ms),
			'target p95 < 20 ms': k.kind.includes('(also on /help)') ? '' : k.p95Ms < HELP.targetP95Ms && v.p95Ms < HELP.targetP95Ms ? 'ok' : v.p95Ms < HELP.targetP95Ms ? 'ok after vacuum' : 'MISSED'
		};
	});
	const all = s.asInserted.find((k) => k.kind === 'all searches')!;
	const allV = s.afterVacuum.find((k) => k.kind === 'all searches')!;
	const searchSummary =
		`All searches: p50 ${fmtMs(all.p50Ms)}, p95 ${fmtMs(all.p95Ms)} as inserted; p50 ${fmtMs(allV.p50Ms)}, p95 ${fmtMs(allV.p95Ms)} after VACUUM ANALYZE ` +
		`(target p95 < ${HELP.targetP95Ms} ms: ${all.p95Ms < HELP.targetP95Ms ? 'met' : allV.p95Ms < HELP.targetP95Ms ? 'met only after VACUUM ANALYZE' : '**MISSED**'}). ` +
		`Results: ${sameText(s.sameAsBefore)}.`;
	const startup = `Start-up on this database (SEED_DEMO=off): first 200 of GET / after ${ms(h.startup.firstOkMs)} (server's "database ready": ${h.startup.dbReadyMs ?? '?'} ms).`;
	const loadRows: Row[] = h.throughput.results.map((x) => ({
		server: x.target === 'app' ? 'app (build/index.js)' : 'plain node:http, same bytes',
		path: x.path,
		'req/s (avg)': x.requestsPerSec,
		p50: lat(x.latencyP50Ms),
		p99: lat(x.latencyP99Ms),
		requests: x.requests,
		'errors / non-2xx': `${x.errors + x.timeouts} / ${x.non2xx}`
	}));
	const [a, b] = h.throughput.results;
	const ratio = `App / static on the search page: ${(h.throughput.appVsStatic * 100).toFixed(2)} % (${a.requestsPerSec} vs ${b.requestsPerSec} req/s; the page is ${kb(h.throughput.pageBytes)} of ${h.throughput.contentType} listing ${h.throughput.resultLinks} services).`;
	const weightRows = weightTable(h.pageWeight);
	const heavy = h.pageWeight.pages.filter((p) => p.totalServed > PAGE_BUDGET_BYTES);
	const weightSummary =
		(h.pageWeight.overBudget.length ? `**Over budget (gzip): ${h.pageWeight.overBudget.join(', ')}.**` : 'Every help page is within the 50 KB budget compressed (gzip).') +
		(heavy.length
			? ` Without a compressing proxy in front, ${heavy.length} of them are over 50 KB as the app sends them: ${heavy.map((p) => `${p.page} (${kb(p.totalServed)})`).join(', ')}.`
			: ' Even as the app sends them (uncompressed HTML), all are under 50 KB.');
	return { generation, weightSummary, searchRows, searchCols: Object.keys(searchRows[0]), searchSummary, startup, loadRows, loadCols: Object.keys(loadRows[0]), ratio, weightRows, weightCols: Object.keys(weightRows[0]) };
}

function planBlock(h: Results['help']): string {
	const p = h.search.plan;
	return [
		`Main query of \`search({ country: '${p.params.country}' })\` (the busiest country), ${p.state}, as drizzle sends it (parameters ${JSON.stringify(p.values)}), then \`EXPLAIN (ANALYZE, BUFFERS)\` of it:`,
		'',
		'```sql',
		p.sql.replace(/^select .*? from /, (m) => `select /* ${m.split(',').length} columns: every column of directory_services, and directory_organizations.name */ from `),
		'```',
		'',
		'```',
		p.text,
		'```'
	].join('\n');
}

function tables(r: Results) {
	const startupRows: Row[] = r.startup.runs.map((x) => ({
		run: x.run === 'first-run' ? 'first run (fresh database)' : x.run.replace('existing-', 'existing database, start '),
		'first 200 of GET /': ms(x.firstOkMs),
		'"database ready" (server log)': x.dbReadyMs === null ? '?' : ms(x.dbReadyMs),
		'SIGTERM → exit': x.shutdownMs === null ? '?' : ms(x.shutdownMs) + (x.run === `existing-${STARTUP_RUNS}` ? ' (after the load tests)' : ''),
		exit: x.exit ?? ''
	}));
	const startupSummary = `Existing database: min ${ms(r.startup.existing.minMs)}, median ${ms(r.startup.existing.medianMs)} (budget < ${ms(STARTUP_BUDGET_MS)}: ${r.startup.withinBudget ? 'within' : 'OVER'}). First run (fresh database): ${ms(r.startup.firstRunMs)}.`;
	const loadRows: Row[] = [...r.throughput.results.map((x) => ({ x, pg: false })), ...(r.postgres.throughput?.results ?? []).map((x) => ({ x, pg: true }))].map(({ x, pg }) => ({
		server: x.target === 'app' ? (pg ? 'app on PostgreSQL' : 'app on PGlite') : 'plain node:http, same bytes',
		path: x.path,
		'req/s (avg)': x.requestsPerSec,
		p50: lat(x.latencyP50Ms),
		p99: lat(x.latencyP99Ms),
		requests: x.requests,
		'errors / non-2xx': `${x.errors + x.timeouts} / ${x.non2xx}`
	}));
	const ratioLine = (t: Throughput) =>
		t.ratios.map((x) => `${x.path} ${(x.ratio * 100).toFixed(1)} % (${x.app} vs ${x.static} req/s, ${kb(x.bytes)}; ${x.ratio >= RATIO_TARGET ? 'ok' : 'MISSED'})`).join('; ') +
		`. Idle RSS of the app after start-up and the page-weight step: ${t.idleRssMB ?? '?'} MB.`;
	const ratio =
		'App / static, anonymous visitor (target ≥ 50 % each), **embedded PGlite**: ' +
		ratioLine(r.throughput) +
		(r.postgres.throughput
			? ` **PostgreSQL** (${r.postgres.note}): ${ratioLine(r.postgres.throughput).replace('after start-up and the page-weight step', 'after start-up')}`
			: ` PostgreSQL: ${r.postgres.note}.`);
	const weightRows = weightTable(r.pageWeight);
	const htmlEnc = r.pageWeight.serverCompression.html;
	const compression =
		htmlEnc.length === 1 && htmlEnc[0] === 'identity'
			? 'The app sends HTML uncompressed even when the client accepts br/gzip (adapter-node does not compress dynamic responses); static files come precompressed (' +
				r.pageWeight.serverCompression.assets.join(', ') +
				'). "sent by app" is what it transfers with no compressing proxy in front; put one (or a CDN) in front in production.'
			: `HTML content-encoding seen: ${htmlEnc.join(', ')}; static files: ${r.pageWeight.serverCompression.assets.join(', ')}.`;
	const m = r.machine;
	const machineLine = `${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB RAM, Node ${m.node}, ${m.platform}; load average at start ${m.loadAverageAtStart.join(' / ')}`;
	const buildLine = `commit ${m.commit}${m.localChanges ? ' with local changes' : ''}; build of ${r.build.builtAt}${r.build.olderThanSources ? ' (older than the sources)' : ''}`;
	return {
		startupRows,
		startupCols: Object.keys(startupRows[0]),
		startupSummary,
		loadRows,
		loadCols: Object.keys(loadRows[0]),
		ratio,
		weightRows,
		weightCols: Object.keys(weightRows[0]),
		compression,
		machineLine,
		buildLine
	};
}

function printReport(r: Results) {
	const t = tables(r);
	section('Results');
	log(`Machine: ${t.machineLine}`);
	log(`Date:    ${r.machine.date}`);
	log(`Code:    ${t.buildLine}`);
	log('\nStart-up (spawn of node build/index.js → first 200 of GET /)');
	log(textTable(t.startupRows, t.startupCols));
	log(t.startupSummary);
	log(`\nThroughput (${LOAD.connections} connections, ${LOAD.duration} s after a ${LOAD.warmup} s warm-up)`);
	log(textTable(t.loadRows, t.loadCols));
	log(t.ratio);
	log(`\nPage weight (budget: < 50 KB gzip per public page, HTML + same-origin files)`);
	log(textTable(t.weightRows, t.weightCols));
	log(t.compression);
	if (r.pageWeight.overBudget.length) log(`OVER BUDGET: ${r.pageWeight.overBudget.join(', ')}`);
	const h = helpTables(r.help);
	log(`\nHelp finder: ${h.generation}`);
	log('\nHelp search, server time of directory.search in-process (SQL + opening hours + sort)');
	log(textTable(h.searchRows, h.searchCols));
	log(h.searchSummary);
	log(`\n${h.startup}`);
	log(`\nHelp search page throughput (${LOAD.connections} connections, ${LOAD.duration} s after a ${LOAD.warmup} s warm-up)`);
	log(textTable(h.loadRows, h.loadCols));
	log(h.ratio);
	log(`\nHelp page weight with ${HELP.services.toLocaleString('en')} services (budget < 50 KB gzip)`);
	log(textTable(h.weightRows, h.weightCols));
	log(h.weightSummary.replace(/\*\*/g, ''));
	log('\nHelp search plan');
	log(planBlock(r.help));
	log('\nHelp search on PostgreSQL / at scale (in-process, after VACUUM ANALYZE)');
	if (r.scale.runs.length) log(textTable(scaleTable(r.scale).rows, scaleTable(r.scale).cols));
	log(scaleSummary(r.scale).replace(/\*\*/g, ''));
}

function markdown(r: Results): string {
	const t = tables(r);
	return [
		`_Measured ${r.machine.date.slice(0, 16).replace('T', ' ')} UTC by \`npm run bench\` on ${t.machineLine}. ${t.buildLine[0].toUpperCase()}${t.buildLine.slice(1)}. The bench took ${r.benchSeconds} s._`,
		'',
		'**Start-up** (spawn of `node build/index.js` → first 200 of `GET /`; embedded PGlite)',
		'',
		mdTable(t.startupRows, t.startupCols),
		'',
		t.startupSummary,
		'',
		`**Throughput** (autocannon, ${LOAD.connections} connections, ${LOAD.duration} s after a ${LOAD.warmup} s warm-up, on the same machine as the server)`,
		'',
		mdTable(t.loadRows, t.loadCols),
		'',
		t.ratio,
		'',
		'**Page weight** (HTML + same-origin stylesheets, icons, scripts, images, modulepreloads; gzip level 6 per file)',
		'',
		mdTable(t.weightRows, t.weightCols),
		'',
		t.compression + (r.pageWeight.overBudget.length ? ` **Over budget: ${r.pageWeight.overBudget.join(', ')}.**` : ' Every page is within the 50 KB budget.') +
			' The help pages in this table are served from the demo directory of a first run.',
		'',
		...helpMarkdown(r)
	].join('\n');
}

function helpMarkdown(r: Results): string[] {
	const h = helpTables(r.help);
	return [
		`### Help finder at ${HELP.services.toLocaleString('en')} services`,
		'',
		h.generation,
		'',
		`**Help search** (server time of \`directory.search\` called in-process, the same call the \`/help\` page makes: SQL, opening hours of every channel of the results, sort; ${HELP.rounds} searches of each kind after one warm-up round, kinds interleaved; "typical" countries drawn in proportion to their number of services)`,
		'',
		mdTable(h.searchRows, h.searchCols),
		'',
		h.searchSummary,
		'',
		h.startup,
		'',
		`**Help search page throughput** (autocannon, ${LOAD.connections} connections, ${LOAD.duration} s after a ${LOAD.warmup} s warm-up)`,
		'',
		mdTable(h.loadRows, h.loadCols),
		'',
		h.ratio,
		'',
		`**Help page weight with ${HELP.services.toLocaleString('en')} services** (as above; \`/help/services/{id}\` is a Kenyan service)`,
		'',
		mdTable(h.weightRows, h.weightCols),
		'',
		h.weightSummary,
		'',
		'#### Help search plan',
		'',
		planBlock(r.help),
		'',
		`### Help search on PostgreSQL${r.scale.runs.some((x) => x.services === 1_000_000) ? ' and at 1,000,000 services' : ''}`,
		'',
		'(the same searches in-process, after `VACUUM ANALYZE`)',
		'',
		...(r.scale.runs.length ? [mdTable(scaleTable(r.scale).rows, scaleTable(r.scale).cols), ''] : []),
		scaleSummary(r.scale)
	];
}

function updateDoc(r: Results) {
	const block = `${START}\n${markdown(r)}\n${END}`;
	let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Performance\n';
	const a = doc.indexOf(START);
	const b = doc.indexOf(END);
	if (a !== -1 && b > a) doc = doc.slice(0, a) + block + doc.slice(b + END.length);
	else doc = `${doc.trimEnd()}\n\n## Latest figures\n\n${block}\n`;
	writeFileSync(DOC, doc);
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const t0 = performance.now();
	const m = machine();
	log(`COP Platform bench: ${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB, Node ${m.node}, ${m.date}`);
	const build = ensureBuild();
	tmp = mkdtempSync(path.join(os.tmpdir(), 'cop-bench-'));
	const dataDir = path.join(tmp, 'data');
	mkdirSync(dataDir);
	let app: AppServer | undefined;
	try {
		if (process.env.BENCH_ONLY === 'search') {
			// the search timings only (PostgreSQL at 100k, and 1M with BENCH_HELP_MILLION=1); docs are left alone
			const scale = await measureSearchScale();
			if (scale.runs.length) log('\n' + textTable(scaleTable(scale).rows, scaleTable(scale).cols));
			log(scaleSummary(scale).replace(/\*\*/g, ''));
			return;
		}
		const startup = await measureStartup(dataDir);
		app = startup.app;
		const pageWeight = await measurePageWeight(app, PAGES, 'Page weight');
		for (const p of pageWeight.pages) log(`  ${p.page.padEnd(38)} ${kb(p.totalRaw).padStart(9)} raw  ${kb(p.totalGzip).padStart(8)} gzip${p.overBudget ? '  OVER BUDGET' : ''}`);
		const throughput = await measureThroughput(app);
		await stop(app, startup.lastRun, log);
		startup.summary.runs[startup.summary.runs.length - 1].shutdownMs = startup.lastRun.shutdownMs;
		startup.summary.runs[startup.summary.runs.length - 1].exit = startup.lastRun.exit;
		app = undefined;
		const postgres = await measurePostgresThroughput();
		if (process.env.BENCH_ONLY === 'pages') {
			// the quick run: start-up, page weight, throughput ratios and RSS (both databases) only; docs are left alone
			mkdirSync(path.dirname(RESULTS), { recursive: true });
			writeFileSync(RESULTS, JSON.stringify({ machine: m, build, startup: startup.summary, throughput, postgres, pageWeight }, null, '\t') + '\n');
			log(`\nBENCH_ONLY=pages: wrote ${path.relative(ROOT, RESULTS)}; ${path.relative(ROOT, DOC)} not rewritten.`);
			return;
		}
		const help = await measureHelp();
		const scale = await measureSearchScale();
		section('Progress roll-ups: 194 countries x 10 periods, every answer validated (bench/progress.ts)');
		updateProgressDoc(await runProgressBench(log, { workDir: tmp }));
		section('Library search: 20,000 documents in six languages (bench/library.ts)');
		updateLibraryDoc(await runLibraryBench(log));
		section('Federation: a hub pulls a member\'s full snapshot (bench/federation.ts)');
		updateFederationDoc(await runFederationBench(log));
		const results: Results = { machine: m, build, startup: startup.summary, throughput, postgres, pageWeight, help, scale, benchSeconds: Math.round((performance.now() - t0) / 1000) };
		mkdirSync(path.dirname(RESULTS), { recursive: true });
		writeFileSync(RESULTS, JSON.stringify(results, null, '\t') + '\n');
		updateDoc(results);
		printReport(results);
		log(`\nWrote ${path.relative(ROOT, RESULTS)} and the "Latest figures" of ${path.relative(ROOT, DOC)} (${results.benchSeconds} s).`);
	} finally {
		if (app) await stopApp(app, 5_000).catch(() => {});
		await killAll();
		if (tmp) rmSync(tmp, { recursive: true, force: true });
		tmp = undefined;
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		console.error(`\nbench failed: ${err instanceof Error ? err.message : err}`);
		process.exitCode = 1;
		void killAll(2_000).finally(() => process.exit(1));
	}
);
