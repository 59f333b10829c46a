// Rows -> what pages and the API return: texts in the reader's language (with fallback marks),
// phases in plain status words, results with shares. Drops reviewers, authors and notes.
import { countryName } from '$lib/geo';
import { getLocale, localized, type LocaleMap, type LocalizedText } from '$lib/i18n';
import { PREFER_NOT, SCALE_POINTS, type Question } from '../../participation/types';
import type { ConsultationRow, Results } from './queries';
import { phase, resultsVisible, type Phase } from './rules';
import { NO_ANSWER, type Counts } from './tally';

export interface PresentedOption {
	id: string;
	label: LocalizedText | null;
}

export interface PresentedQuestion {
	id: string;
	kind: Question['kind'];
	prompt: LocalizedText;
	optional: boolean;
	options: PresentedOption[];
}

export interface PublicConsultation {
	id: string;
	title: LocalizedText;
	purpose: LocalizedText;
	ageBands: string[];
	/** each country with the regions a child may choose from (often none) */
	countries: { code: string; name: string; regions: string[] }[];
	opensOn: string;
	closesOn: string;
	phase: Phase;
	/** open, closed, or closed with "you said, we did" published */
	status: 'scheduled' | 'open' | 'closed' | 'responded';
	resultsVisible: boolean;
	questions: PresentedQuestion[];
	freeText: boolean;
	response: LocalizedText | null;
	responsePublishedOn: string | null;
	isDemo: boolean;
	version: number;
}

function presentQuestion(q: Question): PresentedQuestion {
	const options: PresentedOption[] =
		q.kind === 'faces' || q.kind === 'numbers' ? SCALE_POINTS.map((p) => ({ id: p, label: null })) : q.options.map((o) => ({ id: o.id, label: localized(o.label) }));
	return { id: q.id, kind: q.kind, prompt: localized(q.prompt), optional: q.optional || q.kind === 'text', options };
}

export function presentConsultation(c: ConsultationRow, today: string): PublicConsultation {
	const p = phase(c, today);
	const responded = !!c.responsePublishedOn && Object.keys(c.response ?? {}).length > 0;
	const locale = getLocale();
	return {
		id: c.id,
		title: localized(c.title),
		purpose: localized(c.purpose),
		ageBands: c.ageBands,
		countries: c.countries.map((code) => ({ code, name: countryName(code, locale) ?? code, regions: c.regions?.[code] ?? [] })).sort((a, b) => a.name.localeCompare(b.name, locale)),
		opensOn: c.opensOn,
		closesOn: c.closesOn,
		phase: p,
		status: p === 'closed' ? (responded ? 'responded' : 'closed') : p === 'open' ? 'open' : 'scheduled',
		resultsVisible: resultsVisible(c, today),
		questions: c.questions.map(presentQuestion),
		freeText: c.freeText,
		response: responded ? localized(c.response as LocaleMap) : null,
		responsePublishedOn: responded ? c.responsePublishedOn : null,
		isDemo: c.isDemo,
		version: c.version
	};
}

export interface ResultRow {
	/** option id, 'prefer_not' or 'none' */
	key: string;
	count: number;
	/** 0-100, of the children in this group */
	share: number;
}

export interface ResultGroup {
	key: string;
	/** band id or country code, named for display by the page */
	name: string;
	n: number | null;
	rows: ResultRow[] | null;
}

export interface PresentedResultQuestion {
	id: string;
	kind: Question['kind'];
	prompt: LocalizedText;
	options: PresentedOption[];
	all: ResultRow[];
	byBand: ResultGroup[];
	byCountry: ResultGroup[];
}

export interface PresentedResults {
	consultation: PublicConsultation;
	threshold: number;
	total: number | null;
	questions: PresentedResultQuestion[];
	quotes: { id: string; question: LocalizedText | null; text: string }[];
}

function rows(counts: Counts, n: number, keys: string[]): ResultRow[] {
	return keys.map((key) => ({ key, count: counts[key] ?? 0, share: n > 0 ? Math.round(((counts[key] ?? 0) / n) * 1000) / 10 : 0 }));
}

/** Suppressed results, with shares of the children in each group and every option named. */
export function presentResults(r: Results, today: string): PresentedResults {
	const c = r.consultation;
	const locale = getLocale();
	const t = r.tally;
	const byId = new Map(c.questions.map((q) => [q.id, q]));
	const questions: PresentedResultQuestion[] = [];
	if (t.total !== null) {
		for (const pq of t.questions) {
			const q = byId.get(pq.id);
			if (!q) continue;
			const pres = presentQuestion(q);
			const keys = [...pres.options.map((o) => o.id), PREFER_NOT, NO_ANSWER];
			const sizesBand = new Map(t.byBand.map((g) => [g.key, g.n]));
			const sizesCountry = new Map(t.byCountry.map((g) => [g.key, g.n]));
			questions.push({
				...pres,
				options: pres.options,
				all: rows(pq.all, t.total, keys),
				byBand: Object.entries(pq.byBand).map(([key, counts]) => {
					const n = sizesBand.get(key) ?? null;
					return { key, name: key, n: counts ? n : null, rows: counts && n ? rows(counts, n, keys) : null };
				}),
				byCountry: Object.entries(pq.byCountry)
					.map(([key, counts]) => {
						const n = sizesCountry.get(key) ?? null;
						return { key, name: countryName(key, locale) ?? key, n: counts ? n : null, rows: counts && n ? rows(counts, n, keys) : null };
					})
					.sort((a, b) => a.name.localeCompare(b.name, locale))
			});
		}
	}
	return {
		consultation: presentConsultation(c, today),
		threshold: t.threshold,
		total: t.total,
		questions,
		quotes: r.quotes.map((q) => ({ id: q.id, question: byId.get(q.questionId) ? localized(byId.get(q.questionId)!.prompt) : null, text: q.text }))
	};
}

/** The aggregates as flat rows for CSV and JSON downloads (suppressed groups appear with empty counts). */
export function resultRecords(r: PresentedResults) {
	const out: { question: string; dimension: string; group: string; group_size: number | null; answer: string; count: number | null; share: number | null }[] = [];
	for (const q of r.questions) {
		for (const row of q.all) out.push({ question: q.id, dimension: 'all', group: 'all', group_size: r.total, answer: row.key, count: row.count, share: row.share });
		for (const [dimension, groups] of [['age_band', q.byBand], ['country', q.byCountry]] as const)
			for (const g of groups) {
				if (!g.rows) out.push({ question: q.id, dimension, group: g.key, group_size: null, answer: '', count: null, share: null });
				else for (const row of g.rows) out.push({ question: q.id, dimension, group: g.key, group_size: g.n, answer: row.key, count: row.count, share: row.share });
			}
	}
	return out;
}
