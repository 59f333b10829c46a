// Library vocabularies and limits, shared by forms (browser) and the server (validation, search).
export { COP_AREAS, type CopArea } from '../events/vocab';

export const DOCUMENT_TYPES = ['report', 'policy_brief', 'guideline', 'cwg_contribution', 'resolution', 'research', 'toolkit'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** draft (editors only) -> published -> withdrawn (the URL answers 410 Gone) */
export const DOCUMENT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

/** Where a Council Working Group contribution stands. */
export const CONTRIBUTION_STATUSES = ['submitted', 'presented', 'noted', 'withdrawn'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

/** A change to a published document: a correction keeps the edition, a new edition starts one. */
export const CHANGE_KINDS = ['correction', 'edition'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** The six languages a document's text, summary and files can be in. */
export const DOCUMENT_LANGUAGES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

/**
 * The PostgreSQL text search configuration for each language: stemming where PostgreSQL has a
 * Snowball stemmer the issue asks for; Chinese and Arabic use `simple` (no stemming) plus trigram
 * substring matching. See docs/library.md.
 */
export const SEARCH_CONFIG: Record<DocumentLanguage, 'english' | 'french' | 'spanish' | 'russian' | 'simple'> = {
	en: 'english',
	fr: 'french',
	es: 'spanish',
	ru: 'russian',
	zh: 'simple',
	ar: 'simple'
};

/** Accepted uploads: extension -> media type. The bytes must match (checked by content). */
export const FILE_TYPES = {
	pdf: 'application/pdf',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text'
} as const;
export type FileExtension = keyof typeof FILE_TYPES;

export const LIBRARY_LIMITS = {
	titleMax: 300,
	summaryMax: 4000,
	organisationMax: 200,
	organisationsMax: 10,
	countriesMax: 30,
	urlMax: 500,
	noteMax: 1000,
	queryMax: 200,
	yearMin: 1990,
	yearMax: 2100,
	sessionMax: 200,
	/** one uploaded file (the server's body limit is 12 MB) */
	fileMaxBytes: 10 * 1024 * 1024,
	/** pages read from a PDF for search; later pages are not indexed */
	pdfPagesMax: 300,
	/** characters of extracted text kept per file */
	textMax: 1_000_000,
	/** characters of a file's text put in the search index (a tsvector holds at most 1 MB) */
	indexedTextMax: 200_000,
	/** wall-clock limit for reading one PDF's text */
	extractTimeoutMs: 15_000
} as const;
