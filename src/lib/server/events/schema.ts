// Events: workshops, trainings, webinars and sessions for children, with their registrations.
// Children are never named: a group registration holds only their ages, given by the adult.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocaleMap } from '../../i18n/locale-map';
import { users } from '../identity/schema';

/** One question of an event's registration form. */
export interface EventQuestion {
	id: string;
	kind: 'text' | 'choice' | 'consent';
	label: LocaleMap;
	/** choice questions: the options, each a locale map */
	options?: LocaleMap[];
	required: boolean;
}

export const events = pgTable(
	'events_events',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** draft | published | cancelled */
		status: text('status').notNull().default('draft'),
		isDemo: boolean('is_demo').notNull().default(false),
		title: jsonb('title').$type<LocaleMap>().notNull(),
		description: jsonb('description').$type<LocaleMap>().notNull().default({}),
		kind: text('kind').notNull(),
		audiences: jsonb('audiences').$type<string[]>().notNull().default([]),
		topics: jsonb('topics').$type<string[]>().notNull().default([]),
		areas: jsonb('areas').$type<string[]>().notNull().default([]),
		/** languages spoken (ISO 639-1) */
		languages: jsonb('languages').$type<string[]>().notNull().default([]),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		/** IANA zone the event happens in (times are shown to visitors in it, named) */
		timeZone: text('time_zone').notNull(),
		/** in_person | online */
		mode: text('mode').notNull(),
		venue: text('venue'),
		city: text('city'),
		/** ISO 3166-1 alpha-2; with region null, the event's scope */
		country: text('country'),
		/** ITU region for regional events without one country */
		region: text('region'),
		/** online events: revealed only to confirmed participants */
		onlineUrl: text('online_url'),
		seats: integer('seats').notNull(),
		registrationOpensAt: timestamp('registration_opens_at', { withTimezone: true }),
		registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
		childMinAge: integer('child_min_age'),
		childMaxAge: integer('child_max_age'),
		/** registrations wait for the organiser's approval */
		moderated: boolean('moderated').notNull().default(false),
		/** how long a freed seat is held for the next in line */
		holdHours: integer('hold_hours').notNull().default(48),
		/** minutes before the start at which reminders go out */
		reminders: jsonb('reminders').$type<number[]>().notNull().default([1440, 60]),
		questions: jsonb('questions').$type<EventQuestion[]>().notNull().default([]),
		/** who to contact about safeguarding (required for sessions with children) */
		safeguardingContact: text('safeguarding_contact'),
		/** materials (slides, recordings) kept with past events */
		materials: jsonb('materials').$type<LocaleMap>().notNull().default({}),
		cancelReason: text('cancel_reason'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true })
	},
	(t) => [index('events_events_status_starts_idx').on(t.status, t.startsAt), index('events_events_country_idx').on(t.country)]
);

export const registrations = pgTable(
	'events_registrations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		/** the place in the queue: registrations are served in this order */
		seq: bigserial('seq', { mode: 'number' }).notNull(),
		status: text('status').notNull().default('unconfirmed'),
		name: text('name').notNull(),
		email: text('email').notNull(),
		locale: text('locale').notNull().default('en'),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		adults: integer('adults').notNull().default(1),
		/** ages of the children in a group, nothing else about them */
		childAges: jsonb('child_ages').$type<number[]>().notNull().default([]),
		/** seats this registration takes: adults + children */
		places: integer('places').notNull(),
		answers: jsonb('answers').$type<Record<string, string>>().notNull().default({}),
		/** the adult's statement that they may register these children (child sessions) */
		childConsentAt: timestamp('child_consent_at', { withTimezone: true }),
		/** SHA-256 of the private link's token */
		tokenHash: text('token_hash').notNull(),
		emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
		heldUntil: timestamp('held_until', { withTimezone: true }),
		checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
		certificateId: uuid('certificate_id'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('events_registrations_event_idx').on(t.eventId, t.status, t.seq),
		uniqueIndex('events_registrations_token_idx').on(t.tokenHash),
		index('events_registrations_user_idx').on(t.userId),
		index('events_registrations_email_idx').on(sql`lower(${t.email})`)
	]
);

/** Certificates of attendance (Open Badges 3.0), kept exactly as signed. */
export const attendanceCertificates = pgTable(
	'events_certificates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		registrationId: uuid('registration_id')
			.notNull()
			.references(() => registrations.id, { onDelete: 'cascade' }),
		eventId: uuid('event_id')
			.notNull()
			.references(() => events.id, { onDelete: 'cascade' }),
		credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('events_certificates_registration_idx').on(t.registrationId)]
);
