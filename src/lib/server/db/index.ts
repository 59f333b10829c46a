// The process-wide database handle. The server opens it once at start-up; tests swap in a fresh one.
import { openDatabase, type Database, type Db, type Tx } from './client';
import { migrate } from './migrate';

export type { Database, Db, Tx };
export { openDatabase, migrate };
export * as schema from './schema';
export { rowsOf, escapeLike, containsPattern } from './sql';

let current: Database | undefined;

/** The database every module reads and writes through. */
export function db(): Db {
	if (!current) throw new Error('Database not opened: call useDatabase() first');
	return current.db;
}

export function database(): Database {
	if (!current) throw new Error('Database not opened: call useDatabase() first');
	return current;
}

export function useDatabase(d: Database | undefined): void {
	current = d;
}

/** Where the embedded database lives unless DATABASE_URL points at a server. */
export function defaultDataDir(): string {
	return process.env.PGLITE_DIR ?? `${process.env.DATA_DIR ?? './data'}/pglite`;
}

/** Opens the configured database (DATABASE_URL or embedded PGlite) and migrates it. */
export async function openConfiguredDatabase(): Promise<Database> {
	const d = await openDatabase({ url: process.env.DATABASE_URL || undefined, dataDir: defaultDataDir() });
	await d.withLock(() => migrate(d));
	return d;
}
