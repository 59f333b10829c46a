// Helpers for bench/run.ts: free ports, a plain HTTP client, and child processes that are always
// cleaned up (every child registered here is killed by killAll(), whatever happened).
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A port that is free right now on 127.0.0.1 (the OS picks it). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.unref();
		srv.on('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

export interface HttpResult {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

/** One GET without keep-alive; rejects on connection errors and after `timeoutMs`. */
export function get(url: string, headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<HttpResult> {
	return new Promise((resolve, reject) => {
		const req = http.get(url, { agent: false, headers, timeout: timeoutMs }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
			res.on('error', reject);
		});
		req.on('timeout', () => req.destroy(new Error(`timeout after ${timeoutMs} ms: ${url}`)));
		req.on('error', reject);
	});
}

/** GET following same-origin redirects (at most 5); returns the final answer and its URL. */
export async function getFollow(url: string, headers: Record<string, string> = {}): Promise<HttpResult & { url: string }> {
	let current = url;
	for (let i = 0; i < 6; i++) {
		const r = await get(current, headers);
		const loc = r.headers.location;
		if (r.status >= 300 && r.status < 400 && loc) {
			const next = new URL(loc, current);
			if (next.origin !== new URL(url).origin) return { ...r, url: current };
			current = next.href;
			continue;
		}
		return { ...r, url: current };
	}
	throw new Error(`too many redirects from ${url}`);
}

// ---------------------------------------------------------------------------------------------
// Child processes

const children = new Set<ChildProcess>();

export interface AppServer {
	child: ChildProcess;
	port: number;
	origin: string;
	logFile: string;
	spawnedAt: number;
	exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
	/** Last lines the server wrote (stdout and stderr share the log file). */
	tail(lines?: number): string;
}

/**
 * Starts `node scripts/serve.js` (the production build, build/index.js) on `port` with its embedded database in `dataDir` (plus `env`,
 * e.g. SEED_DEMO=off). Its output goes straight to `logFile` (not through this process, so
 * logging costs the bench nothing).
 */
export function startApp(opts: { port: number; dataDir: string; logFile: string; env?: Record<string, string> }): AppServer {
	const origin = `http://127.0.0.1:${opts.port}`;
	// the developer's own database settings never leak in; a step that wants PostgreSQL passes DATABASE_URL
	const inherited: NodeJS.ProcessEnv = { ...process.env };
	for (const k of ['DATABASE_URL', 'PGLITE_DIR', 'LISTEN_PID', 'LISTEN_FDS']) delete inherited[k];
	const env: NodeJS.ProcessEnv = {
		...inherited,
		NODE_ENV: 'production',
		HOST: '127.0.0.1',
		PORT: String(opts.port),
		ORIGIN: origin,
		DATA_DIR: opts.dataDir,
		BODY_SIZE_LIMIT: '12M',
		ADMIN_EMAIL: 'bench-admin@cop.localhost',
		ADMIN_PASSWORD: 'bench-only-password-not-secret-1234',
		SMTP_URL: '',
		...opts.env
	};
	const fd = openSync(opts.logFile, 'a');
	const spawnedAt = performance.now();
	// scripts/serve.js is how every launcher runs the build (build/index.js plus the static-file headers)
	const child = spawn(process.execPath, [path.join(ROOT, 'scripts', 'serve.js')], {
		cwd: ROOT,
		env,
		stdio: ['ignore', fd, fd]
	});
	closeSync(fd);
	children.add(child);
	const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
		child.once('exit', (code, signal) => {
			children.delete(child);
			resolve({ code, signal });
		});
		child.once('error', () => {
			children.delete(child);
			resolve({ code: -1, signal: null });
		});
	});
	return {
		child,
		port: opts.port,
		origin,
		logFile: opts.logFile,
		spawnedAt,
		exited,
		tail: (lines = 30) => {
			try {
				return readFileSync(opts.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
			} catch {
				return '';
			}
		}
	};
}

/**
 * Polls `url` until it answers 200; returns ms since the server was spawned. Fails if the server
 * exits first or `timeoutMs` passes.
 */
export async function waitFor200(app: AppServer, url: string, timeoutMs: number, intervalMs = 10): Promise<number> {
	let dead = false;
	void app.exited.then(() => (dead = true));
	const deadline = performance.now() + timeoutMs;
	while (performance.now() < deadline) {
		if (dead) throw new Error(`server exited before ${url} answered 200. Its last output:\n${app.tail()}`);
		try {
			const r = await get(url, {}, 5_000);
			if (r.status === 200) return performance.now() - app.spawnedAt;
		} catch {
			/* not listening yet */
		}
		await sleep(intervalMs);
	}
	throw new Error(`${url} did not answer 200 within ${timeoutMs} ms. Server output:\n${app.tail()}`);
}

/** SIGTERM, wait for the exit (SIGKILL after `graceMs`); returns ms taken and how it ended. */
export async function stopApp(app: AppServer, graceMs = 10_000): Promise<{ ms: number; code: number | null; signal: NodeJS.Signals | null; killed: boolean }> {
	const t0 = performance.now();
	if (app.child.exitCode !== null || app.child.signalCode !== null) {
		const r = await app.exited;
		return { ms: 0, ...r, killed: false };
	}
	app.child.kill('SIGTERM');
	const timer = sleep(graceMs).then(() => 'timeout' as const);
	const first = await Promise.race([app.exited, timer]);
	if (first === 'timeout') {
		app.child.kill('SIGKILL');
		const r = await app.exited;
		return { ms: performance.now() - t0, ...r, killed: true };
	}
	return { ms: performance.now() - t0, ...first, killed: false };
}

/** The server's own "database ready" log line (ms spent opening, migrating and seeding). */
export function dbReadyMs(app: AppServer): number | null {
	for (const line of readFileSync(app.logFile, 'utf8').split('\n')) {
		if (!line.includes('"database ready"')) continue;
		try {
			return JSON.parse(line).ms ?? null;
		} catch {
			/* not JSON */
		}
	}
	return null;
}

export interface StartRun {
	run: string;
	firstOkMs: number;
	dbReadyMs: number | null;
	shutdownMs: number | null;
	exit: string | null;
}

/** Starts the app on a free port with its log in `logDir`/server-`label`.log; resolves at the first 200 of GET /. */
export async function launch(opts: { dataDir: string; label: string; timeoutMs: number; logDir: string; env?: Record<string, string> }): Promise<{ app: AppServer; run: StartRun }> {
	const port = await freePort();
	const app = startApp({ port, dataDir: opts.dataDir, logFile: path.join(opts.logDir, `server-${opts.label}.log`), env: opts.env });
	const firstOkMs = await waitFor200(app, `${app.origin}/`, opts.timeoutMs);
	return { app, run: { run: opts.label, firstOkMs, dbReadyMs: dbReadyMs(app), shutdownMs: null, exit: null } };
}

/** Stops a launched app, noting in `run` how long it took and how it ended (warns unless it exited cleanly). */
export async function stop(app: AppServer, run: StartRun, log: (s: string) => void = console.log): Promise<void> {
	const s = await stopApp(app);
	run.shutdownMs = Math.round(s.ms);
	run.exit = s.killed ? 'SIGKILL (did not exit on SIGTERM)' : s.signal ? `signal ${s.signal}` : `code ${s.code}`;
	if (s.killed || s.code !== 0) log(`  warning: server ${run.run} ended with ${run.exit}. Last output:\n${app.tail(10)}`);
}

/** The plain static server (bench/static-server.mjs) in its own process, like the app. */
export async function startStatic(bodyFile: string, contentType: string): Promise<{ child: ChildProcess; origin: string }> {
	const child = spawn(process.execPath, [path.join(ROOT, 'bench', 'static-server.mjs'), bodyFile, contentType], {
		cwd: ROOT,
		stdio: ['ignore', 'pipe', 'inherit']
	});
	children.add(child);
	child.once('exit', () => children.delete(child));
	const port = await new Promise<number>((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('static server did not start within 10 s')), 10_000);
		let buf = '';
		child.stdout!.on('data', (c: Buffer) => {
			buf += c.toString();
			const m = /listening (\d+)/.exec(buf);
			if (m) {
				clearTimeout(timer);
				resolve(Number(m[1]));
			}
		});
		child.once('exit', (code) => {
			clearTimeout(timer);
			reject(new Error(`static server exited (${code}) before listening`));
		});
	});
	child.stdout!.resume();
	return { child, origin: `http://127.0.0.1:${port}` };
}

export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise<void>((r) => child.once('exit', () => r()));
	child.kill('SIGTERM');
	if ((await Promise.race([exited.then(() => 'ok'), sleep(graceMs).then(() => 'timeout')])) === 'timeout') {
		child.kill('SIGKILL');
		await exited;
	}
}

/** Kills every child still running (SIGTERM, then SIGKILL after `graceMs`). */
export async function killAll(graceMs = 5_000): Promise<void> {
	await Promise.all([...children].map((c) => stopChild(c, graceMs)));
}

/** Synchronous last resort (process 'exit' handler): SIGKILL whatever is left. */
export function killAllSync(): void {
	for (const c of children) {
		try {
			c.kill('SIGKILL');
		} catch {
			/* gone */
		}
	}
}

// ---------------------------------------------------------------------------------------------
// Formatting

export type Row = Record<string, string | number>;

/** Aligned plain-text table; numbers are right-aligned. */
export function textTable(rows: Row[], columns: string[]): string {
	const cells = rows.map((r) => columns.map((c) => String(r[c] ?? '')));
	const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i].length)));
	const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || r[c] === undefined || /^[\d.,\s%×x<>+-]+(ms|KB|B|s)?$/.test(String(r[c]))));
	const fmt = (vals: string[]) => vals.map((v, i) => (numeric[i] ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ');
	return [fmt(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(fmt)].join('\n');
}

export function mdTable(rows: Row[], columns: string[]): string {
	const numeric = columns.map((c) => rows.every((r) => typeof r[c] === 'number' || /^[\d.,\s%×x<>+-]+(ms|KB|B|s)?$/.test(String(r[c] ?? ''))));
	const esc = (v: string) => v.replace(/\|/g, '\\|');
	return [
		`| ${columns.join(' | ')} |`,
		`| ${numeric.map((n) => (n ? '---:' : '---')).join(' | ')} |`,
		...rows.map((r) => `| ${columns.map((c) => esc(String(r[c] ?? ''))).join(' | ')} |`)
	].join('\n');
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (v: number) => `${Math.round(v)} ms`;
/** Nearest-rank percentile (p in 0..100) of unsorted values. */
export const percentile = (xs: number[], p: number) => {
	const s = [...xs].sort((a, b) => a - b);
	return s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] : NaN;
};
export const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// ---------------------------------------------------------------------------------------------
// PostgreSQL beside PGlite

/** The PostgreSQL server the bench measures on: BENCH_DATABASE_URL, else the local one CI machines run. */
export const BENCH_PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Why no PostgreSQL server answers at `base`, or null when one does. */
export async function pgUnreachable(base = BENCH_PG_URL): Promise<string | null> {
	const probe = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
	try {
		await probe.connect();
		await probe.end();
		return null;
	} catch (e) {
		return `no PostgreSQL server answered at ${new URL(base).host} (${(e as Error).message}); set BENCH_DATABASE_URL`;
	}
}

/** A new, empty database `name` on the server at `base` (one left by an earlier run is dropped first); `drop` removes it. */
export async function scratchDatabase(base: string, name: string): Promise<{ url: string; host: string; drop: () => Promise<void> }> {
	const admin = new pg.Client({ connectionString: base });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${name} with (force)`);
		await admin.query(`create database ${name}`);
	} catch (e) {
		await admin.end();
		throw e;
	}
	const url = new URL(base);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		host: url.host,
		drop: async () => {
			await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
			await admin.end();
		}
	};
}
