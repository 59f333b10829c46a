// The progress module's shared vocabulary: pillars, framework shape, answers, scores and the
// result types the public pages and the open API read. Pure TypeScript: usable in pages and on the server.
import type { RegionId } from '../geo';
import type { LocaleMap } from '../i18n/locale-map';

export const PILLARS = ['legal', 'technical', 'organizational', 'capacity', 'cooperation'] as const;
export type PillarId = (typeof PILLARS)[number];
export type Tier = 1 | 2 | 3 | 4 | 5;
export const TIERS: readonly Tier[] = [1, 2, 3, 4, 5];

export const QUESTION_TYPES = ['yes_partial_no', 'maturity', 'number', 'percent', 'date', 'multi_select', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const EVIDENCE_RULES = ['required', 'optional', 'none'] as const;
export type EvidenceRule = (typeof EVIDENCE_RULES)[number];

export const CONFIDENTIALITY = ['public', 'aggregate_only', 'private'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

/** Where one answer is in the cycle. Accepted answers are locked until a coordinator or admin reopens them. */
export const ANSWER_STATUSES = ['draft', 'submitted', 'queried', 'rejected', 'accepted'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];

export const ASSESSMENT_STATUSES = ['draft', 'submitted', 'validated'] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const FRAMEWORK_STATUSES = ['draft', 'published', 'retired'] as const;
export type FrameworkStatus = (typeof FRAMEWORK_STATUSES)[number];

export const ACTION_STATUSES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const YPN = ['yes', 'partial', 'no'] as const;
export type Ypn = (typeof YPN)[number];

export interface Option {
	id: string;
	label: LocaleMap;
}

export interface Question {
	id: string;
	type: QuestionType;
	weight: number;
	text: LocaleMap;
	guidance: LocaleMap;
	evidence: EvidenceRule;
	options?: Option[];
	levels?: LocaleMap[];
	target?: number;
}

export interface Crosswalk {
	mnr: string[];
	gci: 'legal' | 'technical' | 'organizational' | 'capacity-development' | 'cooperation';
	cop: ('children' | 'parents-educators' | 'industry' | 'policy-makers')[];
}

export interface Indicator {
	id: string;
	title: LocaleMap;
	description: LocaleMap;
	crosswalk: Crosswalk;
	legal?: boolean;
	questions: Question[];
}

export interface Pillar {
	id: PillarId;
	title: LocaleMap;
	description: LocaleMap;
	indicators: Indicator[];
}

export interface ContextStat {
	id: string;
	type: 'number' | 'percent';
	title: LocaleMap;
	guidance: LocaleMap;
	unit: string;
}

export interface Framework {
	key: string;
	version: number;
	title: LocaleMap;
	summary: LocaleMap;
	pillars: Pillar[];
	context: ContextStat[];
}

/**
 * An answer's value by question type: yes_partial_no 'yes'|'partial'|'no'; maturity 0..4;
 * number/percent a number; date 'YYYY-MM-DD'; multi_select option ids; text a string.
 */
export type AnswerValue = string | number | string[] | null;

export interface ScoringAnswer {
	notApplicable: boolean;
	value: AnswerValue;
	/** aggregate-only: counts in the score, but the indicator it feeds is hidden from view */
	hidden?: boolean;
}

export interface ScoreSet {
	overall: number | null;
	tier: Tier | null;
	pillars: Record<PillarId, number | null>;
}

export interface IndicatorScore {
	id: string;
	score: number | null;
	hidden: boolean;
}

/** Where a federated figure comes from (federation): shown beside it wherever it is shown. */
export interface FederatedSource {
	name: string;
	url: string;
	/** when the member made the snapshot */
	snapshotAt: string;
	/** when the hub last pulled the member successfully (its data was then current); absent in older test data */
	checkedAt?: string | null;
	/** the last pull failed: the member is down or refused, the figure may be out of date */
	unreachable?: boolean;
}

export interface CountryResult extends ScoreSet {
	country: string;
	period: number;
	frameworkVersion: number;
	/** hidden: confidentiality keeps it out of view (score is then null) */
	indicators: IndicatorScore[];
	/** seeded demonstration data: every page and export showing it says so */
	demo: boolean;
	/** on a hub: the member instance this result was federated from, and the date of its snapshot */
	source?: FederatedSource;
}

export type AggregateScope = { kind: 'world' } | { kind: 'region'; region: RegionId };

export interface AggregateResult extends ScoreSet {
	scope: AggregateScope;
	period: number;
	countries: number;
	/** fewer than 3 countries: every number is null */
	suppressed: boolean;
	tierCounts: Record<Tier, number> | null;
	/** at least one contributing country is demo data */
	demo: boolean;
}

export interface RoadmapCompletion {
	scope: 'world' | RegionId | string;
	actions: number;
	done: number;
	rate: number | null;
}

export interface LegalMeasure {
	country: string;
	period: number;
	indicatorId: string;
	questionId: string;
	answer: 'yes' | 'partial' | 'no' | 'not_applicable';
	citation: string | null;
	adoptedOn: string | null;
	url: string | null;
	demo: boolean;
	/** on a hub: the member instance this measure was federated from, and the date of its snapshot */
	source?: FederatedSource;
}

/** Groups smaller than this are suppressed in regional and world figures. */
export const MIN_GROUP = 3;

/** Tier bands on the overall score (0-100). */
export const TIER_BANDS: readonly { tier: Tier; min: number; key: 'leading' | 'advancing' | 'establishing' | 'developing' | 'starting' }[] = [
	{ tier: 1, min: 80, key: 'leading' },
	{ tier: 2, min: 60, key: 'advancing' },
	{ tier: 3, min: 40, key: 'establishing' },
	{ tier: 4, min: 20, key: 'developing' },
	{ tier: 5, min: 0, key: 'starting' }
];

export function tierOf(overall: number | null): Tier | null {
	if (overall === null || !Number.isFinite(overall)) return null;
	for (const b of TIER_BANDS) if (overall >= b.min) return b.tier;
	return 5;
}

export function emptyPillars(): Record<PillarId, number | null> {
	return { legal: null, technical: null, organizational: null, capacity: null, cooperation: null };
}

/** Every question of a framework, with its pillar and indicator. */
export function allQuestions(fw: Framework): { pillar: Pillar; indicator: Indicator; question: Question }[] {
	const out: { pillar: Pillar; indicator: Indicator; question: Question }[] = [];
	for (const pillar of fw.pillars) for (const indicator of pillar.indicators) for (const question of indicator.questions) out.push({ pillar, indicator, question });
	return out;
}

/** File evidence limits, shared by the form (accept attribute) and the server. */
export const EVIDENCE_LIMITS = {
	maxBytes: 10 * 1024 * 1024,
	types: {
		'application/pdf': ['pdf'],
		'image/png': ['png'],
		'image/jpeg': ['jpg', 'jpeg'],
		'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
		'application/vnd.oasis.opendocument.text': ['odt'],
		'text/plain': ['txt']
	} as Record<string, string[]>,
	urlMax: 2000,
	textMax: 4000,
	messageMax: 4000,
	citationMax: 500
} as const;

export const ACCEPT_ATTR = '.pdf,.png,.jpg,.jpeg,.docx,.odt,.txt';
