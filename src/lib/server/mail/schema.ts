// Outbox: every email the platform sends is written here first, so none is ever lost.
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const outbox = pgTable(
	'outbox',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		to: text('to').notNull(),
		subject: text('subject').notNull(),
		body: text('body').notNull(),
		/** files sent with the message (e.g. an event's .ics): name, MIME type, text content */
		attachments: jsonb('attachments').$type<{ filename: string; contentType: string; content: string }[]>(),
		/** queued | sent | stored (no SMTP configured: kept for an admin to read) | failed */
		status: text('status').notNull().default('queued'),
		attempts: integer('attempts').notNull().default(0),
		lastError: text('last_error'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true })
	},
	(t) => [index('outbox_status_idx').on(t.status, t.createdAt)]
);
