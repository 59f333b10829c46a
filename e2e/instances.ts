// App instances a journey starts itself (scripts/serve.js, as `npm start` runs it), beside the one
// Playwright's webServer runs: for stopping one, running two on one PostgreSQL, or serving a
// directory of synthetic services.
import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';

export interface Instance {
	proc: ChildProcess;
	url: string;
	output: () => string;
}

export async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
	let out = '';
	// scripts/serve.js, as `npm start` runs it: with the static-file headers and the page cache's front door
	const proc = spawn(process.execPath, ['scripts/serve.js'], {
		env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: `http://127.0.0.1:${port}`, RATE_LIMITS: 'off', ...env },
		stdio: ['ignore', 'pipe', 'pipe']
	});
	proc.stdout!.on('data', (d) => (out += d));
	proc.stderr!.on('data', (d) => (out += d));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 45_000;
	let lastError = '';
	while (Date.now() < deadline) {
		if (proc.exitCode !== null) throw new Error(`instance exited early:\n${out}`);
		try {
			if ((await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).ok) return { proc, url, output: () => out };
		} catch (e) {
			lastError = String((e as Error).cause ?? e);
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	proc.kill('SIGKILL');
	throw new Error(`instance did not start (${lastError}):\n${out}`);
}

/** A new empty database on the DATABASE_URL server; returns its URL. */
export async function freshPgDatabase(name: string): Promise<string> {
	const base = new URL(process.env.DATABASE_URL!);
	const admin = new pg.Client({ connectionString: base.toString() });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.query(`create database ${name}`);
	await admin.end();
	base.pathname = `/${name}`;
	return base.toString();
}

export async function dropPgDatabase(name: string): Promise<void> {
	const admin = new pg.Client({ connectionString: process.env.DATABASE_URL! });
	await admin.connect();
	await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
	await admin.end();
}
