// Scores are computed, never typed. Pure functions of a framework and a set of answers, so any
// framework version can score any period's answers (question ids are stable across versions).
//
// One answer -> [0,1]: yes 1, partial 0.5, no 0; maturity level/4; number or percent
// min(value/target, 1) (percent without a target uses 100); multi-select chosen/options;
// date and text are never scored. Not applicable: left out of the weighted mean.
// Indicator: weighted mean of its scored questions (weight > 0), in [0,1]; null when any scored
// question has no answer (an incomplete indicator is not guessed) or when all are not applicable.
// Pillar: mean of its scored indicators x 100; null when none. Overall: mean of the five
// pillars, only when all five have a score. Tier bands on the overall score (see TIER_BANDS).
import {
	PILLARS,
	emptyPillars,
	tierOf,
	type Framework,
	type IndicatorScore,
	type PillarId,
	type Question,
	type ScoreSet,
	type ScoringAnswer
} from './model';

/** One answer's score in [0,1]; null when it is not scored (not applicable, unscored type, weight 0, or no usable value). */
export function scoreAnswer(q: Question, a: ScoringAnswer | undefined): number | null {
	if (!a || a.notApplicable || q.weight <= 0) return null;
	const v = a.value;
	switch (q.type) {
		case 'yes_partial_no':
			return v === 'yes' ? 1 : v === 'partial' ? 0.5 : v === 'no' ? 0 : null;
		case 'maturity':
			return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 4 ? v / 4 : null;
		case 'number':
		case 'percent': {
			const target = q.target ?? (q.type === 'percent' ? 100 : undefined);
			if (typeof v !== 'number' || !Number.isFinite(v) || !target || target <= 0) return null;
			return Math.min(Math.max(v, 0) / target, 1);
		}
		case 'multi_select': {
			const n = q.options?.length ?? 0;
			if (!Array.isArray(v) || n === 0) return null;
			const ids = new Set(q.options!.map((o) => o.id));
			return Math.min(new Set(v.filter((x) => ids.has(x))).size / n, 1);
		}
		default:
			return null;
	}
}

/** Does this answer count as given (so the indicator is not incomplete)? */
function answered(q: Question, a: ScoringAnswer | undefined): boolean {
	if (!a) return false;
	if (a.notApplicable) return true;
	return scoreAnswer(q, a) !== null;
}

export interface ScoreResult extends ScoreSet {
	indicators: IndicatorScore[];
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Scores one country's answers (keyed by question id) under a framework.
 * Indicator scores are 0-100 like pillars. An indicator fed by a hidden (aggregate-only) answer
 * is marked hidden; its score still counts in the pillar and overall.
 */
export function scoreAssessment(fw: Framework, answers: ReadonlyMap<string, ScoringAnswer>): ScoreResult {
	const pillars = emptyPillars();
	const indicators: IndicatorScore[] = [];
	for (const pillar of fw.pillars) {
		const scored: number[] = [];
		for (const ind of pillar.indicators) {
			let num = 0;
			let den = 0;
			let complete = true;
			let hidden = false;
			for (const q of ind.questions) {
				const a = answers.get(q.id);
				if (a?.hidden) hidden = true;
				if (q.weight <= 0) continue;
				if (!answered(q, a)) {
					complete = false;
					continue;
				}
				const s = scoreAnswer(q, a);
				if (s === null) continue;
				num += q.weight * s;
				den += q.weight;
			}
			const score = complete && den > 0 ? (num / den) * 100 : null;
			if (score !== null) scored.push(score);
			indicators.push({ id: ind.id, score: score === null ? null : round1(score), hidden });
		}
		pillars[pillar.id] = scored.length ? round1(scored.reduce((s, x) => s + x, 0) / scored.length) : null;
	}
	const overall = overallOf(pillars);
	return { overall, tier: tierOf(overall), pillars, indicators };
}

/** Mean of the five pillars; null unless all five are scored. */
export function overallOf(pillars: Record<PillarId, number | null>): number | null {
	const values = PILLARS.map((p) => pillars[p]);
	if (values.some((v) => v === null)) return null;
	return round1((values as number[]).reduce((s, x) => s + x, 0) / values.length);
}

/** Mean of numbers, ignoring nulls; null when nothing is left. */
export function meanOf(values: (number | null)[]): number | null {
	const xs = values.filter((v): v is number => v !== null);
	return xs.length ? round1(xs.reduce((s, x) => s + x, 0) / xs.length) : null;
}
