// Applies the SQL migrations in ./drizzle, the same files for PGlite and PostgreSQL.
import path from 'node:path';
import type { Database } from './client';

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? 'drizzle');

export async function migrate(database: Database): Promise<void> {
	const config = { migrationsFolder: MIGRATIONS_DIR, migrationsSchema: 'public' };
	if (database.kind === 'pglite') {
		const { migrate } = await import('drizzle-orm/pglite/migrator');
		await migrate(database.db as never, config);
	} else {
		const { migrate } = await import('drizzle-orm/node-postgres/migrator');
		await migrate(database.db as never, config);
	}
}
