// Counting and suppression, as pure functions (tested as properties in tally.test.ts).
//
// Suppression rule: a group (an age band, a country) is published only when at least `threshold`
// children in it answered. So that a hidden group cannot be worked out by subtracting the groups
// shown from the total (or one table from another: every table sums to the same total), hidden
// groups in a table always add up to 0 or to at least `threshold`: when they do not, the next
// smallest groups are hidden too. When the total itself is under the threshold nothing is published.
import { PREFER_NOT, type Question, type StoredAnswers } from '../../participation/types';

export type Counts = Record<string, number>;

export interface QuestionTally {
	all: Counts;
	byBand: Record<string, Counts>;
	byCountry: Record<string, Counts>;
}

export interface Tally {
	total: number;
	byBand: Counts;
	byCountry: Counts;
	questions: Record<string, QuestionTally>;
}

/** The key a response is counted under for a question: the option(s), the first-ranked option, or "none". */
export const NO_ANSWER = 'none';

function keysFor(q: Question, value: string | string[] | undefined): string[] {
	if (value === undefined) return [NO_ANSWER];
	if (value === PREFER_NOT) return [PREFER_NOT];
	if (q.kind === 'ranking') return Array.isArray(value) && value.length ? [value[0]] : [NO_ANSWER];
	if (Array.isArray(value)) return value.length ? value : [NO_ANSWER];
	return [value];
}

const bump = (c: Counts, k: string, n = 1) => void (c[k] = (c[k] ?? 0) + n);

/** Counts responses per question, overall, by age band and by country (free-text questions are not counted here). */
export function tally(questions: Question[], rows: { ageBand: string; country: string; answers: StoredAnswers }[]): Tally {
	const t: Tally = { total: 0, byBand: {}, byCountry: {}, questions: {} };
	for (const q of questions) if (q.kind !== 'text') t.questions[q.id] = { all: {}, byBand: {}, byCountry: {} };
	for (const r of rows) {
		t.total++;
		bump(t.byBand, r.ageBand);
		bump(t.byCountry, r.country);
		for (const q of questions) {
			const qt = t.questions[q.id];
			if (!qt) continue;
			for (const k of keysFor(q, r.answers[q.id])) {
				bump(qt.all, k);
				bump((qt.byBand[r.ageBand] ??= {}), k);
				bump((qt.byCountry[r.country] ??= {}), k);
			}
		}
	}
	return t;
}

/** Adds two tallies (used when answers are folded into the archived aggregate). */
export function mergeTallies(a: Tally, b: Tally): Tally {
	const out: Tally = structuredClone(a);
	out.total += b.total;
	for (const [k, n] of Object.entries(b.byBand)) bump(out.byBand, k, n);
	for (const [k, n] of Object.entries(b.byCountry)) bump(out.byCountry, k, n);
	for (const [qid, qt] of Object.entries(b.questions)) {
		const o = (out.questions[qid] ??= { all: {}, byBand: {}, byCountry: {} });
		for (const [k, n] of Object.entries(qt.all)) bump(o.all, k, n);
		for (const dim of ['byBand', 'byCountry'] as const)
			for (const [g, counts] of Object.entries(qt[dim])) for (const [k, n] of Object.entries(counts)) bump((o[dim][g] ??= {}), k, n);
	}
	return out;
}

/**
 * Which groups of one table to hide. Groups with 0 < n < threshold are hidden; then, while the
 * hidden groups add up to less than the threshold, the smallest shown group is hidden too.
 */
export function suppressedGroups(sizes: Counts, threshold: number): Set<string> {
	const present = Object.entries(sizes).filter(([, n]) => n > 0);
	const hidden = new Set(present.filter(([, n]) => n < threshold).map(([k]) => k));
	const shown = present.filter(([k]) => !hidden.has(k)).sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
	let sum = present.filter(([k]) => hidden.has(k)).reduce((s, [, n]) => s + n, 0);
	while (hidden.size > 0 && sum < threshold && shown.length > 0) {
		const [k, n] = shown.shift()!;
		hidden.add(k);
		sum += n;
	}
	return hidden;
}

export interface PublishedGroup {
	key: string;
	/** null when suppressed */
	n: number | null;
}

export interface PublishedQuestion {
	id: string;
	all: Counts;
	byBand: Record<string, Counts | null>;
	byCountry: Record<string, Counts | null>;
}

export interface PublishedTally {
	threshold: number;
	/** null when fewer than `threshold` children answered in all: nothing else is published then */
	total: number | null;
	byBand: PublishedGroup[];
	byCountry: PublishedGroup[];
	questions: PublishedQuestion[];
}

/** The only shape results ever leave the server in (pages, CSV, JSON). */
export function publishTally(t: Tally, threshold: number, questionOrder: string[] = Object.keys(t.questions)): PublishedTally {
	if (t.total < threshold) return { threshold, total: null, byBand: [], byCountry: [], questions: [] };
	const hideBand = suppressedGroups(t.byBand, threshold);
	const hideCountry = suppressedGroups(t.byCountry, threshold);
	const groups = (sizes: Counts, hide: Set<string>): PublishedGroup[] =>
		Object.entries(sizes)
			.filter(([, n]) => n > 0)
			.sort((a, b) => a[0].localeCompare(b[0]))
			.map(([key, n]) => ({ key, n: hide.has(key) ? null : n }));
	const pick = (by: Record<string, Counts>, sizes: Counts, hide: Set<string>) =>
		Object.fromEntries(
			Object.keys(sizes)
				.filter((g) => sizes[g] > 0)
				.map((g) => [g, hide.has(g) ? null : { ...(by[g] ?? {}) }])
		);
	return {
		threshold,
		total: t.total,
		byBand: groups(t.byBand, hideBand),
		byCountry: groups(t.byCountry, hideCountry),
		questions: questionOrder.filter((id) => t.questions[id]).map((id) => [id, t.questions[id]] as const).map(([id, q]) => ({
			id,
			all: { ...q.all },
			byBand: pick(q.byBand, t.byBand, hideBand),
			byCountry: pick(q.byCountry, t.byCountry, hideCountry)
		}))
	};
}
