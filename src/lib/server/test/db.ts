// Fresh, migrated databases for tests: an in-memory PGlite cloned from a migrated snapshot, or
// (when DATABASE_URL is set) a new database on that PostgreSQL server, dropped afterwards.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { migrate, openDatabase, useDatabase, type Database } from '../db';
import { MIGRATIONS_DIR } from '../db/migrate';

function migrationsHash(): string {
	const h = createHash('sha256');
	for (const f of readdirSync(MIGRATIONS_DIR).sort()) if (f.endsWith('.sql')) h.update(f).update(readFileSync(path.join(MIGRATIONS_DIR, f)));
	h.update(readFileSync(path.join(MIGRATIONS_DIR, 'meta', '_journal.json')));
	return h.digest('hex').slice(0, 16);
}

async function pgliteSnapshot(): Promise<Blob> {
	const dir = path.resolve('node_modules/.cache/cop-test');
	const file = path.join(dir, `pglite-${migrationsHash()}.tar.gz`);
	if (existsSync(file)) return new Blob([readFileSync(file)]);
	const d = await openDatabase({ dataDir: 'memory://' });
	await migrate(d);
	const dump = await (d as unknown as { pglite: { dumpDataDir(c: 'gzip'): Promise<Blob> } }).pglite.dumpDataDir('gzip');
	await d.close();
	mkdirSync(dir, { recursive: true });
	writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
	return dump;
}

export interface TestDatabase extends Database {
	/** drops the throwaway database (PostgreSQL) and closes */
	destroy(): Promise<void>;
}

/** A new, empty, migrated database, made the process-wide one. */
export async function freshDatabase(): Promise<TestDatabase> {
	const url = process.env.DATABASE_URL;
	if (!url) {
		const d = await openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteSnapshot() });
		useDatabase(d);
		return { ...d, destroy: () => d.close() };
	}
	const name = `cop_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
	const admin = await openDatabase({ url });
	const { sql } = await import('drizzle-orm');
	await admin.db.execute(sql.raw(`create database ${name}`));
	const u = new URL(url);
	u.pathname = `/${name}`;
	const d = await openDatabase({ url: u.toString() });
	await migrate(d);
	useDatabase(d);
	return {
		...d,
		async destroy() {
			await d.close();
			await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
			await admin.close();
		}
	};
}

/** Gives the test file its own fresh database for all its tests. */
export function useFreshDatabase(): () => TestDatabase {
	let d: TestDatabase | undefined;
	beforeAll(async () => {
		d = await freshDatabase();
	});
	afterAll(async () => {
		await d?.destroy();
		useDatabase(undefined);
	});
	return () => {
		if (!d) throw new Error('database not ready');
		return d;
	};
}
