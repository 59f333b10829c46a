// Shared vocabulary of consultations (browser-safe): age bands, question kinds, limits used by both
// the forms (maxlength) and the server (validation).
import type { LocaleMap } from '../i18n/locale-map';

export const AGE_BANDS = ['under-9', '9-12', '13-18'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export const QUESTION_KINDS = ['single', 'multiple', 'faces', 'numbers', 'ranking', 'text'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** The answer a child can always give instead of choosing. */
export const PREFER_NOT = 'prefer_not';

export const STATUSES = ['draft', 'in_review', 'approved', 'published', 'closed'] as const;
export type ConsultationStatus = (typeof STATUSES)[number];

export interface QuestionOption {
	id: string;
	label: LocaleMap;
}

export interface Question {
	/** short stable key, e.g. "q1" */
	id: string;
	kind: QuestionKind;
	prompt: LocaleMap;
	/** choices for single, multiple and ranking; scales have fixed points 1-5 */
	options: QuestionOption[];
	optional: boolean;
}

/** What a response row keeps: an option id, several, a ranking (ordered ids), a scale point, or "I'd rather not say". */
export type StoredAnswers = Record<string, string | string[]>;

/** The five points of a face or number scale. */
export const SCALE_POINTS = ['1', '2', '3', '4', '5'] as const;

export const PARTICIPATION_LIMITS = {
	titleMax: 200,
	purposeMax: 2000,
	promptMax: 500,
	optionMax: 200,
	questionsMax: 20,
	optionsMax: 12,
	textMax: 1000,
	regionMax: 80,
	/** regions an organiser may list per country (the optional "which part of the country" question) */
	regionsPerCountryMax: 100,
	codeMax: 20,
	responseMax: 5000,
	thresholdMin: 5,
	thresholdDefault: 10,
	retentionMinDays: 30,
	retentionMaxDays: 3650,
	codesMax: 500
} as const;

/** Kinds whose answers are chosen from the organiser's options (the scales have fixed points 1-5). */
export const KINDS_WITH_OPTIONS: readonly QuestionKind[] = ['single', 'multiple', 'ranking'];
