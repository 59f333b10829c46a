// Help finder: organisations, their support services, each service's contact channels with
// their own opening hours, and the moderation queue through which anyone can suggest a service
// or report a problem. Authored text is a locale map (jsonb { en, fr, ... }).
import { sql } from 'drizzle-orm';
import { boolean, customType, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Hours } from '../../directory/hours-types';
import type { LocaleMap } from '../../i18n/locale-map';
import { users } from '../identity/schema';

/** A set of integer ranges, written and read as its text form: '{[540,1020),[1980,2460)}'. */
const int4multirange = customType<{ data: string }>({ dataType: () => 'int4multirange' });

export const organizations = pgTable('directory_organizations', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: jsonb('name').$type<LocaleMap>().notNull(),
	description: jsonb('description').$type<LocaleMap>().notNull().default({}),
	website: text('website'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const services = pgTable(
	'directory_services',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		organizationId: uuid('organization_id')
			.notNull()
			.references(() => organizations.id, { onDelete: 'restrict' }),
		name: jsonb('name').$type<LocaleMap>().notNull(),
		description: jsonb('description').$type<LocaleMap>().notNull().default({}),
		/** in plain words, what happens when a child gets in touch */
		whatHappens: jsonb('what_happens').$type<LocaleMap>().notNull().default({}),
		kind: text('kind').notNull(),
		status: text('status').notNull().default('active'),
		ageMin: integer('age_min'),
		ageMax: integer('age_max'),
		languages: text('languages').array().notNull().default(sql`'{}'::text[]`),
		/** ISO 3166-1 alpha-2 codes; a service for the whole world lists 'ZZ' */
		countries: text('countries').array().notNull().default(sql`'{}'::text[]`),
		/** sub-national coverage: names of areas (states, provinces) within the countries; empty = whole country */
		areas: text('areas').array().notNull().default(sql`'{}'::text[]`),
		cost: text('cost').notNull().default('unknown'),
		topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
		actions: text('actions').array().notNull().default(sql`'{}'::text[]`),
		website: text('website'),
		/** seeded demonstration entry: shown as "demo entry, not verified" until verified */
		isDemo: boolean('is_demo').notNull().default(false),
		verifiedAt: timestamp('verified_at', { withTimezone: true }),
		verifiedBy: text('verified_by'),
		verificationMethod: text('verification_method'),
		verificationNote: text('verification_note'),
		/** where the information came from (public source) */
		source: text('source'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		/** lower-cased names in every language, for search */
		searchText: text('search_text').notNull().default(''),
		// "Open now" in SQL (weekly-hours.ts), derived from the channels' hours by writeService:
		/** the zone every channel's hours are in; null when they are in several (or not yet derived): decided in JS */
		weekZone: text('week_zone'),
		/** the channels' weekly rules (or 24/7) together, as [start, end) local minutes of the week, Sunday 00:00 = 0 */
		weekMinutes: int4multirange('week_minutes').notNull().default('{}'),
		/** every date ("YYYY-MM-DD") on which a channel has an exception: near those dates, decided in JS */
		weekExceptionDates: text('week_exception_dates').array().notNull().default(sql`'{}'::text[]`)
	},
	(t) => [
		// fastupdate off: with it, rows written since the last vacuum sit in each GIN index's pending
		// list, which every search scans in full; after a bulk import that made help searches several
		// times slower until a vacuum (and PGlite has no autovacuum). Services change rarely, so paying
		// the index update at write time is the better trade (docs/performance.md).
		index('directory_services_countries_idx').using('gin', t.countries).with({ fastupdate: false }),
		index('directory_services_topics_idx').using('gin', t.topics).with({ fastupdate: false }),
		// the language filter, combined with the countries index (a BitmapAnd) instead of a recheck of every row of the country
		index('directory_services_languages_idx').using('gin', t.languages).with({ fastupdate: false }),
		index('directory_services_updated_idx').on(t.updatedAt),
		index('directory_services_search_idx').using('gin', sql`${t.searchText} gin_trgm_ops`).with({ fastupdate: false })
	]
);

/**
 * The help search's index: one row per country a service is listed in (one 'ZZ' row for a worldwide
 * service), carrying the search order as a stored key and a copy of every column a search filters on.
 * A search reads this table alone, in key order, until it has its page: its cost follows the page,
 * not how many services the country has (issue 16; docs/help-finder.md). Written only by triggers on
 * directory_services and directory_channels (migration 0030), so no writer can forget it; defunct
 * services have no rows.
 */
export const listings = pgTable(
	'directory_listings',
	{
		serviceId: uuid('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		/**
		 * the search order before the name, as bits: 8 not active, 4 worldwide, 2 not verified, 1 no
		 * English name (names sort as `name->>'en'`, missing ones last)
		 */
		rank: smallint('rank').notNull(),
		/** name->>'en', or '' when there is none */
		sortName: text('sort_name').notNull(),
		/**
		 * what a search filters by through an index, each key prefixed with the listing's country:
		 * '<country> t:<topic>', 'a:<action>', 'l:<language>', 'c:<channel type>' (queries.filterKeys)
		 */
		filterKeys: text('filter_keys').array().notNull(),
		ageMin: integer('age_min'),
		ageMax: integer('age_max'),
		searchText: text('search_text').notNull(),
		weekZone: text('week_zone'),
		weekMinutes: int4multirange('week_minutes').notNull(),
		/**
		 * when "open now" is not decided by week_minutes (then isOpenAt decides): '<country> *' when
		 * the channels' hours are in several zones, '<country> <date>' for each date with an exception.
		 * Prefixed with the listing's country so that its GIN index finds one country's few at once.
		 */
		weekUndecided: text('week_undecided').array().notNull()
	},
	(t) => [
		primaryKey({ columns: [t.serviceId, t.country] }),
		// the search order within a country; keyset pages continue from a (rank, sort_name, service_id)
		index('directory_listings_order_idx').on(t.country, t.rank, t.sortName, t.serviceId),
		index('directory_listings_filter_keys_idx').using('gin', t.filterKeys).with({ fastupdate: false }),
		index('directory_listings_week_undecided_idx').using('gin', t.weekUndecided).with({ fastupdate: false })
	]
);

export const channels = pgTable(
	'directory_channels',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		serviceId: uuid('service_id')
			.notNull()
			.references(() => services.id, { onDelete: 'cascade' }),
		position: integer('position').notNull().default(0),
		type: text('type').notNull(),
		/** phone number (E.164 or national short code), URL, or email address */
		value: text('value').notNull(),
		/** SMS keyword to send, or the messaging app's name (WhatsApp, Telegram, ...) */
		detail: text('detail'),
		label: jsonb('label').$type<LocaleMap>().notNull().default({}),
		hours: jsonb('hours').$type<Hours>().notNull(),
		/** whether a call or message appears on the phone bill: true, false, or null (not known) */
		showsOnBill: boolean('shows_on_bill'),
		free: boolean('free')
	},
	(t) => [index('directory_channels_service_idx').on(t.serviceId, t.position), index('directory_channels_type_idx').on(t.type, t.serviceId)]
);

/** Suggestions and problem reports from anyone (no account), and edits, awaiting a moderator. */
export const changeRequests = pgTable(
	'directory_change_requests',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** suggest_service | report_problem */
		kind: text('kind').notNull(),
		serviceId: uuid('service_id').references(() => services.id, { onDelete: 'cascade' }),
		/** the proposed service (for suggestions), as the same shape the service form takes */
		proposal: jsonb('proposal'),
		message: text('message').notNull().default(''),
		/** optional way to reach the person who wrote (adults only; never asked of children) */
		contact: text('contact'),
		status: text('status').notNull().default('pending'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decisionNote: text('decision_note')
	},
	(t) => [index('directory_change_requests_status_idx').on(t.status, t.createdAt)]
);
