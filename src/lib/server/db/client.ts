// The database: embedded PGlite under ./data by default, a PostgreSQL server when DATABASE_URL is set.
// Both speak the same SQL and take the same migrations; modules only ever see `Db`.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction handle; commands accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
	kind: 'pglite' | 'postgres';
	db: Db;
	/** Runs `fn` while holding a cluster-wide lock (so two instances never migrate or seed at once). */
	withLock<T>(fn: () => Promise<T>): Promise<T>;
	/**
	 * Receives PostgreSQL notifications on `channel` (NOTIFY, delivered when the sending transaction
	 * commits, to every instance on the database). `onState(true)` is called once listening, and again
	 * after every reconnection; `onState(false)` when notifications may have been missed (the
	 * connection dropped): the caller must then re-read what it follows. Resolves to a stop function.
	 */
	listen(channel: string, onMessage: (payload: string) => void, onState: (listening: boolean) => void): Promise<() => Promise<void>>;
	close(): Promise<void>;
}

const CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;

export interface OpenOptions {
	/** postgres://... ; when absent, PGlite is used. */
	url?: string;
	/** PGlite data folder; `memory://` (or undefined with `memory: true`) keeps it in memory. */
	dataDir?: string;
	/** A PGlite data-dir tarball to start from (fast fresh databases for tests). */
	loadDataDir?: Blob;
}

const LOCK_KEY = 7_150_208; // arbitrary, constant across versions

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
	if (options.url) return openPostgres(options.url);
	return openPglite(options.dataDir ?? 'memory://', options.loadDataDir);
}

async function openPostgres(url: string): Promise<Database> {
	const { default: pg } = await import('pg');
	const { drizzle } = await import('drizzle-orm/node-postgres');
	const pool = new pg.Pool({ connectionString: url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
	pool.on('error', () => {
		/* idle client errors surface on the next query; don't crash the process */
	});
	const db = drizzle(pool, { schema }) as unknown as Db;
	const listeners = new Set<() => Promise<void>>();
	return {
		kind: 'postgres',
		db,
		async listen(channel, onMessage, onState) {
			if (!CHANNEL.test(channel)) throw new Error(`Bad channel name: ${channel}`);
			// a connection of its own, outside the pool: LISTEN belongs to the session
			let client: InstanceType<typeof pg.Client> | undefined;
			let stopped = false;
			let retry: NodeJS.Timeout | undefined;
			const connect = async (): Promise<void> => {
				const c = new pg.Client({ connectionString: url });
				client = c;
				const lost = () => {
					if (client !== c) return;
					client = undefined;
					onState(false);
					void c.end().catch(() => {});
					if (!stopped) retry = setTimeout(() => void connect().catch(() => {}), 1000);
				};
				c.on('error', lost);
				c.on('end', lost);
				c.on('notification', (n) => {
					if (n.channel === channel) onMessage(n.payload ?? '');
				});
				try {
					await c.connect();
					await c.query(`listen ${channel}`);
				} catch (err) {
					lost();
					throw err;
				}
				if (!stopped) onState(true);
			};
			const stop = async () => {
				stopped = true;
				clearTimeout(retry);
				const c = client;
				client = undefined;
				listeners.delete(stop);
				await c?.end().catch(() => {});
			};
			listeners.add(stop);
			await connect().catch(() => {
				/* retried every second; onState(true) comes when it works */
			});
			return stop;
		},
		async withLock(fn) {
			const client = await pool.connect();
			try {
				await client.query('select pg_advisory_lock($1)', [LOCK_KEY]);
				return await fn();
			} finally {
				await client.query('select pg_advisory_unlock($1)', [LOCK_KEY]).catch(() => {});
				client.release();
			}
		},
		async close() {
			await Promise.all([...listeners].map((stop) => stop()));
			await pool.end();
		}
	};
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
	const { PGlite } = await import('@electric-sql/pglite');
	const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm');
	const { unaccent } = await import('@electric-sql/pglite/contrib/unaccent');
	const { drizzle } = await import('drizzle-orm/pglite');
	let unlock = () => {};
	if (!dataDir.startsWith('memory://')) {
		// PGlite creates only the last folder of its path.
		mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true });
		unlock = lockDataDir(dataDir);
	}
	const client = await PGlite.create(dataDir, { extensions: { pg_trgm, unaccent }, loadDataDir }).catch((e) => {
		unlock();
		throw e;
	});
	const db = drizzle(client, { schema }) as unknown as Db;
	let chain: Promise<unknown> = Promise.resolve();
	return {
		kind: 'pglite',
		db,
		// PGlite is a single connection in this process: a promise chain is lock enough.
		withLock(fn) {
			const run = chain.then(fn, fn);
			chain = run.catch(() => {});
			return run;
		},
		// One connection: a notification arrives as the transaction that sent it commits.
		async listen(channel, onMessage, onState) {
			if (!CHANNEL.test(channel)) throw new Error(`Bad channel name: ${channel}`);
			const unlisten = await client.listen(channel, onMessage);
			onState(true);
			return async () => {
				if (!client.closed) await unlisten();
			};
		},
		async close() {
			if (!client.closed) await client.close();
			unlock();
		},
		// exposed for the test helper that snapshots a migrated database
		...({ pglite: client } as object)
	};
}

/**
 * An embedded database belongs to one process at a time (two would corrupt it). A lock file with
 * the owner's pid says who; a lock left by a process that has died is taken over.
 */
function lockDataDir(dataDir: string): () => void {
	const lockFile = `${path.resolve(dataDir)}.lock`;
	try {
		const pid = Number(readFileSync(lockFile, 'utf8'));
		if (pid && pid !== process.pid && isAlive(pid)) {
			throw new Error(
				`The embedded database in ${dataDir} is in use by process ${pid} (probably a running server). Stop it first, or use a PostgreSQL server (DATABASE_URL) to share one database.`
			);
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
	}
	writeFileSync(lockFile, String(process.pid));
	const release = () => rmSync(lockFile, { force: true });
	process.once('exit', release);
	return release;
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}
