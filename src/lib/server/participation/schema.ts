// Participation: consultations of children and young people. What a child sends is kept apart from
// everything else and holds only the answers, the age band, the country (optionally a region) and
// the DAY it was sent: no account, no name, no address, no IP, no user agent, no time of day.
// Free text lives in its own table (not linked to the choices) and waits for a moderator.

import { boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { LocaleMap } from '../../i18n/locale-map';
import { users } from '../identity/schema';
import type { Question, StoredAnswers } from '../../participation/types';

export const consultations = pgTable(
	'participation_consultations',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the consultation this one is a new version of (questions cannot change once answered) */
		previousId: uuid('previous_id'),
		version: integer('version').notNull().default(1),
		title: jsonb('title').$type<LocaleMap>().notNull(),
		/** why we ask, who will read it, what happens next: in plain words */
		purpose: jsonb('purpose').$type<LocaleMap>().notNull(),
		ageBands: text('age_bands').array().notNull(),
		/** ISO 3166-1 alpha-2 codes */
		countries: text('countries').array().notNull(),
		/** optional regions per country, named by the organiser: children may say which part of the country (or not) */
		regions: jsonb('regions').$type<Record<string, string[]>>().notNull().default({}),
		opensOn: date('opens_on', { mode: 'string' }).notNull(),
		closesOn: date('closes_on', { mode: 'string' }).notNull(),
		questions: jsonb('questions').$type<Question[]>().notNull(),
		freeText: boolean('free_text').notNull().default(false),
		/** results public while open, not only after closing */
		liveResults: boolean('live_results').notNull().default(false),
		/** groups with fewer answers than this are never published (at least 5) */
		threshold: integer('threshold').notNull().default(10),
		/** days after closing when answers are deleted (choices are first folded into the aggregate) */
		retentionDays: integer('retention_days').notNull().default(365),
		/** draft -> in_review -> approved -> published -> closed; returned goes back to draft */
		status: text('status').notNull().default('draft'),
		/** optional campaign page address: /have-your-say/campaign/{slug} */
		campaignSlug: text('campaign_slug'),
		campaignIntro: jsonb('campaign_intro').$type<LocaleMap>().notNull().default({}),
		/** "you said, we did": what was heard and what will change */
		response: jsonb('response').$type<LocaleMap>().notNull().default({}),
		responsePublishedOn: date('response_published_on', { mode: 'string' }),
		reviewNote: text('review_note'),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
		reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
		/** frozen aggregate kept after answers are purged (same shape as the live tally) */
		archivedTally: jsonb('archived_tally'),
		purgedOn: date('purged_on', { mode: 'string' }),
		isDemo: boolean('is_demo').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('participation_campaign_slug_idx').on(t.campaignSlug), index('participation_status_idx').on(t.status)]
);

/** One child's answers to one consultation. Nothing else: see the comment at the top. */
export const responses = pgTable(
	'participation_responses',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id')
			.notNull()
			.references(() => consultations.id, { onDelete: 'cascade' }),
		ageBand: text('age_band').notNull(),
		country: text('country').notNull(),
		region: text('region'),
		/** choices only: { questionId: optionId | optionId[] | 'prefer_not' } */
		answers: jsonb('answers').$type<StoredAnswers>().notNull(),
		/** the day only, never the time */
		submittedOn: date('submitted_on', { mode: 'string' }).notNull()
	},
	(t) => [index('participation_responses_consultation_idx').on(t.consultationId)]
);

/** Free text, scrubbed of personal data before it is stored, waiting for a moderator. Not linked to a response row. */
export const texts = pgTable(
	'participation_texts',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		consultationId: uuid('consultation_id')
			.notNull()
			.references(() => consultations.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		ageBand: text('age_band').notNull(),
		country: text('country').notNull(),
		text: text('text').notNull(),
		/** pending -> approved (readable by organisers) or rejected; approved texts may be published as quotes */
		status: text('status').notNull().default('pending'),
		quote: boolean('quote').notNull().default(false),
		submittedOn: date('submitted_on', { mode: 'string' }).notNull(),
		moderatedBy: uuid('moderated_by').references(() => users.id, { onDelete: 'set null' })
	},
	(t) => [index('participation_texts_consultation_idx').on(t.consultationId, t.status)]
);

/** One-time class codes an adult can hand out (optional). Only a hash is kept; used codes are marked, not linked to answers. */
export const classCodes = pgTable(
	'participation_class_codes',
	{
		codeHash: text('code_hash').primaryKey(),
		consultationId: uuid('consultation_id')
			.notNull()
			.references(() => consultations.id, { onDelete: 'cascade' }),
		usedOn: date('used_on', { mode: 'string' })
	},
	(t) => [index('participation_class_codes_consultation_idx').on(t.consultationId)]
);

