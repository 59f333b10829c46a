// Federation: this instance's signing keys and published snapshots (publisher side), and the
// member instances a hub pulls from, their pull log, and the data they sent with its provenance
// (hub side). See docs/federation.md.
import { bigserial, boolean, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { IndicatorScore, PillarId } from '../../progress/model';

/**
 * The instance's Ed25519 signing keys. One current key (retiredAt null); rotated keys stay listed
 * with their validity so snapshots they signed still verify. A new key carries an endorsement: the
 * previous key's signature over the new public key, so hubs follow a rotation on their own.
 */
export const federationKeys = pgTable('federation_keys', {
	/** "sha256:<hex>" of the raw 32-byte public key */
	fingerprint: text('fingerprint').primaryKey(),
	publicKey: text('public_key').notNull(),
	/** sealed with platform/secrets */
	privateKey: text('private_key').notNull(),
	validFrom: timestamp('valid_from', { withTimezone: true }).notNull().defaultNow(),
	retiredAt: timestamp('retired_at', { withTimezone: true }),
	/** base64url Ed25519 signature by `endorsedBy` over "cop-federation-key:" + fingerprint */
	endorsement: text('endorsement'),
	endorsedBy: text('endorsed_by')
});

/** A published snapshot of one feed: the signed manifest and its files, kept so every byte served matches the hashes. */
export const federationSnapshots = pgTable(
	'federation_snapshots',
	{
		feed: text('feed').notNull(),
		sequence: integer('sequence').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		/** sha256 over the files' hashes: an unchanged content does not make a new sequence */
		contentHash: text('content_hash').notNull(),
		manifest: jsonb('manifest').$type<Record<string, unknown>>().notNull()
	},
	(t) => [primaryKey({ columns: [t.feed, t.sequence] })]
);

/**
 * The files of a snapshot, one row each: the exact bytes the manifest hashes. A row of its own per
 * file (not one JSON value for the whole snapshot) because a large member's services feed runs to
 * hundreds of pages of tens of MB, more than one PostgreSQL value holds (1 GB).
 */
export const federationSnapshotFiles = pgTable(
	'federation_snapshot_files',
	{
		feed: text('feed').notNull(),
		sequence: integer('sequence').notNull(),
		name: text('name').notNull(),
		body: text('body').notNull()
	},
	(t) => [primaryKey({ columns: [t.feed, t.sequence, t.name] })]
);

/** A member instance a hub pulls from, with the key fingerprint agreed out of band. */
export const federationMembers = pgTable(
	'federation_members',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the member's origin (scheme, host, port), no path */
		origin: text('origin').notNull(),
		name: text('name').notNull().default(''),
		fingerprint: text('fingerprint').notNull(),
		/** keys accepted for this member: the agreed one, plus rotations endorsed by a key already accepted */
		keys: jsonb('keys').$type<{ fingerprint: string; publicKey: string }[]>().notNull().default([]),
		countries: text('countries').array().notNull(),
		active: boolean('active').notNull().default(true),
		/** the last accepted sequence and ETag per feed */
		feeds: jsonb('feeds').$type<Record<string, { sequence: number; etag: string | null; created: string }>>().notNull().default({}),
		lastAttemptAt: timestamp('last_attempt_at', { withTimezone: true }),
		lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
		failures: integer('failures').notNull().default(0),
		lastError: text('last_error'),
		nextPullAt: timestamp('next_pull_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('federation_members_origin_idx').on(t.origin)]
);

/** Every pull attempt, for the admin page: what happened and why. */
export const federationPulls = pgTable(
	'federation_pulls',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		memberId: uuid('member_id')
			.notNull()
			.references(() => federationMembers.id, { onDelete: 'cascade' }),
		feed: text('feed'),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		/** applied | unchanged | refused | failed */
		outcome: text('outcome').notNull(),
		code: text('code'),
		detail: text('detail'),
		sequence: integer('sequence'),
		ms: integer('ms')
	},
	(t) => [index('federation_pulls_member_idx').on(t.memberId, t.at)]
);

/** Federated published scores, the same shape as progress_scores, with their provenance. */
export const federationScores = pgTable(
	'federation_scores',
	{
		memberId: uuid('member_id')
			.notNull()
			.references(() => federationMembers.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		region: text('region').notNull(),
		period: integer('period').notNull(),
		frameworkVersion: integer('framework_version').notNull(),
		overall: doublePrecision('overall'),
		tier: integer('tier'),
		pillars: jsonb('pillars').$type<Record<PillarId, number | null>>().notNull(),
		indicators: jsonb('indicators').$type<IndicatorScore[]>().notNull(),
		isDemo: boolean('is_demo').notNull().default(false),
		sequence: integer('sequence').notNull(),
		snapshotAt: timestamp('snapshot_at', { withTimezone: true }).notNull(),
		pulledAt: timestamp('pulled_at', { withTimezone: true }).notNull()
	},
	(t) => [uniqueIndex('federation_scores_key_idx').on(t.country, t.period, t.frameworkVersion), index('federation_scores_member_idx').on(t.memberId)]
);

/**
 * Federated legal measures: a member's published, public answers to the legal pillar's questions
 * (is a protection in law, where, since when), for the legal tracker, with their provenance.
 */
export const federationLegalMeasures = pgTable(
	'federation_legal_measures',
	{
		memberId: uuid('member_id')
			.notNull()
			.references(() => federationMembers.id, { onDelete: 'cascade' }),
		country: text('country').notNull(),
		period: integer('period').notNull(),
		frameworkVersion: integer('framework_version').notNull(),
		indicatorId: text('indicator_id').notNull(),
		questionId: text('question_id').notNull(),
		answer: text('answer').notNull(),
		citation: text('citation'),
		adoptedOn: text('adopted_on'),
		url: text('url'),
		isDemo: boolean('is_demo').notNull().default(false),
		sequence: integer('sequence').notNull(),
		snapshotAt: timestamp('snapshot_at', { withTimezone: true }).notNull(),
		pulledAt: timestamp('pulled_at', { withTimezone: true }).notNull()
	},
	(t) => [uniqueIndex('federation_legal_measures_key_idx').on(t.country, t.period, t.frameworkVersion, t.questionId), index('federation_legal_measures_member_idx').on(t.memberId)]
);

/** Federated help services: the HSDS record as the member sent it, with its provenance. */
export const federationServices = pgTable(
	'federation_services',
	{
		memberId: uuid('member_id')
			.notNull()
			.references(() => federationMembers.id, { onDelete: 'cascade' }),
		/** the HSDS service id */
		id: text('id').notNull(),
		name: text('name').notNull(),
		countries: text('countries').array().notNull(),
		record: jsonb('record').$type<Record<string, unknown>>().notNull(),
		sequence: integer('sequence').notNull(),
		snapshotAt: timestamp('snapshot_at', { withTimezone: true }).notNull(),
		pulledAt: timestamp('pulled_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.memberId, t.id] }), index('federation_services_countries_idx').using('gin', t.countries).with({ fastupdate: false })]
);

/**
 * Federated public events: the member's record as /api/v1/events gives it (no registrations, no
 * online link), with the fields the events list filters on, and their provenance. Registration
 * happens on the member: the hub links to the event's page there.
 */
export const federationEvents = pgTable(
	'federation_events',
	{
		memberId: uuid('member_id')
			.notNull()
			.references(() => federationMembers.id, { onDelete: 'cascade' }),
		/** the member's event id */
		id: text('id').notNull(),
		country: text('country').notNull(),
		region: text('region').notNull(),
		status: text('status').notNull(),
		kind: text('kind').notNull(),
		mode: text('mode').notNull(),
		audiences: jsonb('audiences').$type<string[]>().notNull(),
		languages: jsonb('languages').$type<string[]>().notNull(),
		topics: jsonb('topics').$type<string[]>().notNull(),
		startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
		endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
		isDemo: boolean('is_demo').notNull().default(false),
		record: jsonb('record').$type<Record<string, unknown>>().notNull(),
		sequence: integer('sequence').notNull(),
		snapshotAt: timestamp('snapshot_at', { withTimezone: true }).notNull(),
		pulledAt: timestamp('pulled_at', { withTimezone: true }).notNull()
	},
	(t) => [primaryKey({ columns: [t.memberId, t.id] }), index('federation_events_ends_idx').on(t.endsAt), index('federation_events_country_idx').on(t.country)]
);
