// Learning: who is taking which course and how far they are, quiz attempts, issued certificates
// (Open Badges 3.0 credentials) and the key that signs them, xAPI learning records, and national
// adaptations of guideline sections. Course and guideline text itself is content (content/learn).
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocaleMap } from '../../i18n/locale-map';
import { users } from '../identity/schema';

/** One learner on one course. */
export const enrolments = pgTable(
	'learning_enrolments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		/** optional, given by the learner for completion statistics (ISO 3166-1 alpha-2) */
		country: text('country'),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
		/** where to continue: the last lesson opened */
		lastLessonId: text('last_lesson_id'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('learning_enrolments_user_course_idx').on(t.userId, t.courseId), index('learning_enrolments_course_started_idx').on(t.courseId, t.startedAt)]
);

/** Lessons a learner has opened (first time seen). */
export const lessonViews = pgTable(
	'learning_lesson_views',
	{
		enrolmentId: uuid('enrolment_id')
			.notNull()
			.references(() => enrolments.id, { onDelete: 'cascade' }),
		lessonId: text('lesson_id').notNull(),
		firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [primaryKey({ columns: [t.enrolmentId, t.lessonId] })]
);

/** Every graded try at a quiz: `final`, or a module's practice quiz (`module:<id>`). */
export const quizAttempts = pgTable(
	'learning_quiz_attempts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		enrolmentId: uuid('enrolment_id')
			.notNull()
			.references(() => enrolments.id, { onDelete: 'cascade' }),
		quiz: text('quiz').notNull(),
		/** question id -> chosen option ids */
		answers: jsonb('answers').$type<Record<string, string[]>>().notNull(),
		correct: integer('correct').notNull(),
		total: integer('total').notNull(),
		score: real('score').notNull(),
		passed: boolean('passed').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('learning_quiz_attempts_enrolment_idx').on(t.enrolmentId, t.quiz)]
);

/** Issued Open Badges 3.0 credentials, kept exactly as signed. */
export const certificates = pgTable(
	'learning_certificates',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		enrolmentId: uuid('enrolment_id')
			.notNull()
			.references(() => enrolments.id, { onDelete: 'cascade' }),
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseId: text('course_id').notNull(),
		credential: jsonb('credential').$type<Record<string, unknown>>().notNull(),
		issuedAt: timestamp('issued_at', { withTimezone: true }).notNull().defaultNow(),
		revokedAt: timestamp('revoked_at', { withTimezone: true }),
		revocationReason: text('revocation_reason')
	},
	(t) => [uniqueIndex('learning_certificates_enrolment_idx').on(t.enrolmentId), index('learning_certificates_user_idx').on(t.userId)]
);

/**
 * The deployment's certificate signing keys: the first is 'ob3-issuer' (its primary key makes a
 * concurrent first use create exactly one: insert ... on conflict do nothing, then read), later ones
 * 'key-2', 'key-3'… made by rotation. Exactly one has no `retiredAt`: it signs.
 */
export const issuerKeys = pgTable('learning_issuer_keys', {
	id: text('id').primaryKey(),
	/** raw 32-byte Ed25519 public key, base64 */
	publicKey: text('public_key').notNull(),
	/** PKCS#8 DER private key, base64 */
	privateKey: text('private_key').notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	/** when it stopped signing (a rotation); it still verifies what it signed before */
	retiredAt: timestamp('retired_at', { withTimezone: true })
});

/** xAPI statements, stored as sent; `seq` orders them for export paging. */
export const statements = pgTable(
	'learning_statements',
	{
		seq: bigserial('seq', { mode: 'number' }).primaryKey(),
		id: uuid('id').notNull().unique(),
		userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
		verb: text('verb').notNull(),
		statement: jsonb('statement').$type<Record<string, unknown>>().notNull(),
		stored: timestamp('stored', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('learning_statements_stored_idx').on(t.stored, t.seq)]
);

/**
 * A national adaptation of the guidelines: an `override` replaces a content section for readers who
 * chose that country; an `addition` is a new section in a set for that country.
 */
export const adaptations = pgTable(
	'learning_adaptations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		country: text('country').notNull(),
		setId: text('set_id').notNull(),
		kind: text('kind').notNull(),
		/** the overridden section's id, or the new section's own id */
		sectionId: text('section_id').notNull(),
		order: integer('order').notNull().default(100),
		title: jsonb('title').$type<LocaleMap>().notNull(),
		summary: jsonb('summary').$type<LocaleMap>().notNull().default({}),
		/** Markdown per locale (validated, sanitised on render) */
		body: jsonb('body').$type<LocaleMap>().notNull(),
		topics: text('topics').array().notNull().default(sql`'{}'::text[]`),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('learning_adaptations_country_section_idx').on(t.country, t.sectionId), index('learning_adaptations_set_idx').on(t.setId, t.country)]
);
