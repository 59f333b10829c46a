// Platform plumbing shared by every module: fixed-window rate-limit counters kept in the
// database so that limits hold across every app instance.
import { integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

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
