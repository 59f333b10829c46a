// National COP progress: framework versions (the framework as data), assessments per country and
// period, answers with evidence and validation threads, unscored context statistics, national
// roadmap actions, and the computed-score table the public roll-ups read.
import { sql } from 'drizzle-orm';
import { boolean, customType, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Framework, IndicatorScore, PillarId } from '../../progress/model';
import { users } from '../identity/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v))
});

/** One version of the framework. Only published versions are read by the public; retired ones stay for history. */
export const frameworkVersions = pgTable(
	'progress_framework_versions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		key: text('key').notNull(),
		/** the platform's framework version number; unique across keys so a score names one framework */
		version: integer('version').notNull(),
		status: text('status').notNull().default('draft'),
		content: jsonb('content').$type<Framework>().notNull(),
		/** where it came from: content/<path> or "upload" */
		source: text('source').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true }),
		publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('progress_framework_versions_version_idx').on(t.version)]
);

/** One country's self-assessment for one period (a year). */
export const assessments = pgTable(
	'progress_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		country: text('country').notNull(),
		period: integer('period').notNull(),
		/** the framework version the questions were asked in */
		frameworkVersion: integer('framework_version').notNull(),
		status: text('status').notNull().default('draft'),
		submittedAt: timestamp('submitted_at', { withTimezone: true }),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('progress_assessments_country_period_idx').on(t.country, t.period), index('progress_assessments_period_idx').on(t.period)]
);

/** One answer to one question. `value` by type: see AnswerValue in $lib/progress/model. */
export const answers = pgTable(
	'progress_answers',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessments.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		indicatorId: text('indicator_id').notNull(),
		value: jsonb('value').$type<string | number | string[] | null>(),
		notApplicable: boolean('not_applicable').notNull().default(false),
		confidentiality: text('confidentiality').notNull().default('public'),
		comment: text('comment'),
		/** legal questions: the law's citation, adoption date and where to read it */
		citation: text('citation'),
		adoptedOn: text('adopted_on'),
		lawUrl: text('law_url'),
		status: text('status').notNull().default('draft'),
		rejectReason: text('reject_reason'),
		updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true })
	},
	(t) => [uniqueIndex('progress_answers_question_idx').on(t.assessmentId, t.questionId), index('progress_answers_status_idx').on(t.status)]
);

/** Evidence for an answer: an uploaded file (kept in the database so app servers stay stateless) or a URL. */
export const evidence = pgTable(
	'progress_evidence',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		answerId: uuid('answer_id')
			.notNull()
			.references(() => answers.id, { onDelete: 'cascade' }),
		kind: text('kind').notNull(),
		url: text('url'),
		filename: text('filename'),
		mediaType: text('media_type'),
		size: integer('size'),
		bytes: bytea('bytes'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('progress_evidence_answer_idx').on(t.answerId)]
);

/** The validation thread on an answer: validator queries, focal point replies, decisions. */
export const messages = pgTable(
	'progress_messages',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		answerId: uuid('answer_id')
			.notNull()
			.references(() => answers.id, { onDelete: 'cascade' }),
		authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
		authorName: text('author_name').notNull(),
		/** query | reply | reject | accept | reopen */
		kind: text('kind').notNull(),
		body: text('body').notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('progress_messages_answer_idx').on(t.answerId, t.createdAt)]
);

/** Unscored context statistics (e.g. share of children online), kept apart from the scored answers. */
export const contextValues = pgTable(
	'progress_context_values',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessments.id, { onDelete: 'cascade' }),
		statId: text('stat_id').notNull(),
		value: doublePrecision('value').notNull(),
		source: text('source'),
		confidentiality: text('confidentiality').notNull().default('public'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('progress_context_values_stat_idx').on(t.assessmentId, t.statId)]
);

/** A national roadmap action, linked to the indicators it should move. */
export const roadmapActions = pgTable(
	'progress_roadmap_actions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		country: text('country').notNull(),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		indicatorIds: text('indicator_ids').array().notNull().default(sql`'{}'::text[]`),
		owner: text('owner').notNull().default(''),
		dueOn: text('due_on'),
		status: text('status').notNull().default('planned'),
		progress: integer('progress').notNull().default(0),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		/** the focal point saw the "update your answers" prompt and dismissed it */
		promptDismissedAt: timestamp('prompt_dismissed_at', { withTimezone: true }),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('progress_roadmap_country_idx').on(t.country)]
);

/**
 * Published scores, computed from accepted answers and refreshed in the same transaction as every
 * accept, reopen and framework publication; one row per assessment and framework version.
 * Private answers never enter; aggregate-only answers count but hide the indicators they feed.
 */
export const scores = pgTable(
	'progress_scores',
	{
		assessmentId: uuid('assessment_id')
			.notNull()
			.references(() => assessments.id, { onDelete: 'cascade' }),
		frameworkVersion: integer('framework_version').notNull(),
		country: text('country').notNull(),
		region: text('region').notNull(),
		period: integer('period').notNull(),
		overall: doublePrecision('overall'),
		tier: integer('tier'),
		pillars: jsonb('pillars').$type<Record<PillarId, number | null>>().notNull(),
		indicators: jsonb('indicators').$type<IndicatorScore[]>().notNull(),
		isDemo: boolean('is_demo').notNull().default(false),
		computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('progress_scores_pk').on(t.assessmentId, t.frameworkVersion),
		index('progress_scores_version_period_idx').on(t.frameworkVersion, t.period, t.region)
	]
);
