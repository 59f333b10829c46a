import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and serve PGlite and PostgreSQL alike.
export default defineConfig({
	dialect: 'postgresql',
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle'
});
