// Platform plumbing shared by every module: fixed-window rate-limit counters kept in the
// database so that limits hold across every app instance.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

export const rateLimits = pgTable(
	'rate_limits',
	{
		key: text('key').notNull(),
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		count: integer('count').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.key, t.windowStart] })]
);

/** Deployment-wide facts (e.g. when demo content was seeded). */
export const appMeta = pgTable('app_meta', {
	key: text('key').primaryKey(),
	value: jsonb('value'),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/**
 * Background jobs run by every app instance (platform/jobs.ts). `key` is unique: scheduling the
 * same thing twice keeps one row, and a row is claimed by one instance at a time (SKIP LOCKED).
 */
export const jobs = pgTable(
	'jobs',
	{
		key: text('key').primaryKey(),
		kind: text('kind').notNull(),
		payload: jsonb('payload').notNull().default({}),
		runAt: timestamp('run_at', { withTimezone: true }).notNull(),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		doneAt: timestamp('done_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('jobs_due_idx').on(t.runAt).where(sql`${t.doneAt} is null`)]
);

/**
 * One counter per kind of public data (`directory`, `progress`, …), bumped in the transaction of
 * every command that changes what anonymous visitors see. Every app instance reads the few rows
 * per cacheable request and drops rendered pages made under older counters (platform/cache.ts).
 */
export const cacheVersions = pgTable('cache_versions', {
	tag: text('tag').primaryKey(),
	version: integer('version').notNull().default(0),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
