// Library: documents (reports, policy briefs, guidelines, Council Working Group contributions,
// resolutions, research, toolkits) with their files kept in PostgreSQL, their history (corrections
// and editions) and a search table with one row per document and language.
import { sql } from 'drizzle-orm';
import { boolean, customType, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { LocaleMap } from '../../i18n/locale-map';
import { users } from '../identity/schema';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
	dataType: () => 'bytea',
	fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v))
});

/** Written only by SQL (to_tsvector); never read back into JavaScript. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

export const documents = pgTable(
	'library_documents',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** draft | published | withdrawn */
		status: text('status').notNull().default('draft'),
		isDemo: boolean('is_demo').notNull().default(false),
		type: text('type').notNull(),
		year: integer('year').notNull(),
		title: jsonb('title').$type<LocaleMap>().notNull(),
		summary: jsonb('summary').$type<LocaleMap>().notNull().default({}),
		/** ISO 3166-1 alpha-2 codes the document is about; empty = global (the policy scope) */
		countries: jsonb('countries').$type<string[]>().notNull().default([]),
		organisations: jsonb('organisations').$type<string[]>().notNull().default([]),
		topics: jsonb('topics').$type<string[]>().notNull().default([]),
		areas: jsonb('areas').$type<string[]>().notNull().default([]),
		/** languages the document exists in (title, summary or a file), kept by the commands */
		languages: jsonb('languages').$type<string[]>().notNull().default([]),
		/** a public page elsewhere, instead of or beside the files */
		externalUrl: text('external_url'),
		/** Council Working Group contributions: who submitted (a Member State code or an organisation) */
		submitterCountry: text('submitter_country'),
		submitterOrganisation: text('submitter_organisation'),
		meetingSession: integer('meeting_session'),
		meetingDate: date('meeting_date'),
		contributionStatus: text('contribution_status'),
		edition: integer('edition').notNull().default(1),
		/** the last correction of the current edition */
		correctedAt: timestamp('corrected_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		publishedAt: timestamp('published_at', { withTimezone: true })
	},
	(t) => [
		index('library_documents_status_year_idx').on(t.status, t.year),
		index('library_documents_type_idx').on(t.type),
		index('library_documents_meeting_idx').on(t.meetingSession)
	]
);

/** A file of a document in one language, stored in the database so app servers stay stateless. */
export const files = pgTable(
	'library_files',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		/** the edition this file belongs to (earlier editions keep theirs) */
		edition: integer('edition').notNull().default(1),
		filename: text('filename').notNull(),
		mediaType: text('media_type').notNull(),
		size: integer('size').notNull(),
		sha256: text('sha256').notNull(),
		bytes: bytea('bytes').notNull(),
		/** text extracted from a PDF when uploaded (searchable), null for other types */
		text: text('text'),
		pages: integer('pages'),
		/** set when a correction replaced this file; replaced files are no longer served */
		replacedAt: timestamp('replaced_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('library_files_document_idx').on(t.documentId, t.edition)]
);

/** What a published document looked like before each correction or new edition. */
export const revisions = pgTable(
	'library_revisions',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		/** correction | edition */
		kind: text('kind').notNull(),
		/** the edition the snapshot belongs to */
		edition: integer('edition').notNull(),
		/** what changed and why, as the editor wrote it (public) */
		note: text('note').notNull().default(''),
		/** title, summary and year as they were */
		snapshot: jsonb('snapshot').$type<{ title: LocaleMap; summary: LocaleMap; year: number }>().notNull(),
		createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('library_revisions_document_idx').on(t.documentId, t.createdAt)]
);

/**
 * The search index: one row per document and language, rebuilt by the commands whenever the
 * document or its files change. `tsv` uses the language's configuration (weights: title A,
 * summary B, file text C) and serves matching; `head` (title and summary) serves ranking;
 * `haystack` (title, summary and file text, lower-cased, Chinese and Arabic rows only) serves
 * trigram substring search, and `title` (lower-cased) tells a match in the title.
 */
export const searchRows = pgTable(
	'library_search',
	{
		documentId: uuid('document_id')
			.notNull()
			.references(() => documents.id, { onDelete: 'cascade' }),
		language: text('language').notNull(),
		config: text('config').notNull(),
		title: text('title').notNull().default(''),
		haystack: text('haystack').notNull().default(''),
		tsv: tsvector('tsv').notNull(),
		/** title (A) and summary (B) only: small, so ranking thousands of matches stays cheap */
		head: tsvector('head').notNull()
	},
	(t) => [
		primaryKey({ columns: [t.documentId, t.language] }),
		// one text index per configuration: a query parsed by one configuration reads only its rows
		// (with a single index, a common English word made the French, Spanish, Russian and simple
		// scans read and discard every English match)
		// fastupdate off: documents change rarely, and a GIN index's pending list (where fast updates
		// wait) is read by every search until a vacuum, which PGlite never runs by itself: 7 ms of a
		// search for a word with no match, before a single row was read
		...(['english', 'french', 'spanish', 'russian', 'simple'] as const).map((c) =>
			index(`library_search_tsv_${c}_idx`)
				.using('gin', t.tsv)
				.with({ fastupdate: false })
				.where(sql`${t.config} = ${sql.raw(`'${c}'`)}`)
		),
		index('library_search_trgm_idx').using('gin', t.haystack.op('gin_trgm_ops')).with({ fastupdate: false }).where(sql`${t.config} = 'simple'`)
	]
);
