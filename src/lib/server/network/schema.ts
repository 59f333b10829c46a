// Network: applications to join as a partner (an organisation) or an expert (a person). An accepted
// application is the directory profile; there is no second copy. The thread between reviewers and
// the applicant is kept beside it. See docs/network.md.
import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';

export const applications = pgTable(
	'network_applications',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** partner | expert */
		kind: text('kind').notNull(),
		/** see APPLICATION_STATUSES in $lib/network/vocab */
		status: text('status').notNull().default('unconfirmed'),
		isDemo: boolean('is_demo').notNull().default(false),
		/** the organisation's name (partner) or the person's name (expert) */
		name: text('name').notNull(),
		/** where mail goes: the contact person (partner) or the expert; never shown publicly */
		email: text('email').notNull(),
		/** partner: the contact person's name (reviewers only) */
		contactName: text('contact_name'),
		/** partner: government | industry | civil_society | academia | international_organisation */
		sector: text('sector'),
		/** expert: fields of expertise (ids from EXPERTISE_FIELDS) */
		fields: jsonb('fields').$type<string[]>().notNull().default([]),
		/** topic graph ids */
		topics: jsonb('topics').$type<string[]>().notNull().default([]),
		/** ISO 639-1 */
		languages: jsonb('languages').$type<string[]>().notNull().default([]),
		/** ISO 3166-1 alpha-2: where the organisation or person works; decides which reviewers see it */
		countries: jsonb('countries').$type<string[]>().notNull().default([]),
		/** partner: what it offers to COP; expert: a short biography */
		about: text('about').notNull().default(''),
		/** the language `about` is written in */
		aboutLang: text('about_lang').notNull().default('en'),
		/** expert: public links (https) */
		links: jsonb('links').$type<string[]>().notNull().default([]),
		/** expert: which optional fields the directory shows (EXPERT_OPTIONAL_PUBLIC) */
		publicFields: jsonb('public_fields').$type<string[]>().notNull().default([]),
		/** the applicant's language, for mail */
		locale: text('locale').notNull().default('en'),
		/** SHA-256 of the private link's token (confirm, answer, update, withdraw) */
		tokenHash: text('token_hash').notNull(),
		emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
		declineReason: text('decline_reason'),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('network_applications_status_idx').on(t.status, t.kind),
		uniqueIndex('network_applications_token_idx').on(t.tokenHash),
		index('network_applications_email_idx').on(sql`lower(${t.email})`)
	]
);

/** The thread between reviewers and the applicant (questions and answers). */
export const applicationMessages = pgTable(
	'network_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		applicationId: uuid('application_id')
			.notNull()
			.references(() => applications.id, { onDelete: 'cascade' }),
		/** reviewer | applicant */
		author: text('author').notNull(),
		reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('network_messages_application_idx').on(t.applicationId, t.createdAt)]
);
