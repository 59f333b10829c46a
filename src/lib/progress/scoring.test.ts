// Scoring math: hand-computed examples, then properties that must hold for any answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { PILLARS, tierOf, type AnswerValue, type Framework, type Question, type ScoringAnswer } from './model';
import { overallOf, scoreAnswer, scoreAssessment } from './scoring';

const fw = JSON.parse(readFileSync('src/lib/server/test/fixtures/progress/fixture-1.json', 'utf8')) as Framework;
const q = (over: Partial<Question>): Question => ({ id: 'x', type: 'yes_partial_no', weight: 1, text: { en: 'x' }, guidance: { en: 'x' }, evidence: 'none', ...over });
const a = (value: AnswerValue, notApplicable = false): ScoringAnswer => ({ value, notApplicable });

describe('one answer', () => {
	it('scores each type as the method says', () => {
		expect(scoreAnswer(q({}), a('yes'))).toBe(1);
		expect(scoreAnswer(q({}), a('partial'))).toBe(0.5);
		expect(scoreAnswer(q({}), a('no'))).toBe(0);
		expect(scoreAnswer(q({ type: 'maturity' }), a(3))).toBe(0.75);
		expect(scoreAnswer(q({ type: 'maturity' }), a(5))).toBeNull();
		expect(scoreAnswer(q({ type: 'number', target: 1000 }), a(250))).toBe(0.25);
		expect(scoreAnswer(q({ type: 'number', target: 1000 }), a(5000))).toBe(1);
		expect(scoreAnswer(q({ type: 'percent' }), a(40))).toBe(0.4);
		expect(scoreAnswer(q({ type: 'percent', target: 50 }), a(40))).toBe(0.8);
		const options = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: { en: id } }));
		expect(scoreAnswer(q({ type: 'multi_select', options }), a(['a', 'c', 'zzz']))).toBe(0.5);
		expect(scoreAnswer(q({ type: 'date', weight: 0 }), a('2020-01-01'))).toBeNull();
		expect(scoreAnswer(q({ type: 'text', weight: 0 }), a('notes'))).toBeNull();
		expect(scoreAnswer(q({}), a('yes', true))).toBeNull();
		expect(scoreAnswer(q({ weight: 0 }), a('yes'))).toBeNull();
	});
});

describe('a whole assessment (fixture framework), by hand', () => {
	it('weights questions, averages indicators into pillars and pillars into the overall score', () => {
		const answers = new Map<string, ScoringAnswer>([
			// legal.csam: one scored question (weight 2) -> partial = 50; legal.grooming: yes = 100 -> legal 75
			['legal.csam.in_law', a('partial')],
			['legal.csam.adopted', a('2019-03-01')],
			['legal.grooming.in_law', a('yes')],
			// technical.hotline: (1 x yes + 1 x 250/1000) / 2 = 0.625 -> 62.5
			['technical.hotline.exists', a('yes')],
			['technical.hotline.reports', a(250)],
			// organizational: maturity 2 -> 50
			['organizational.strategy.maturity', a(2)],
			// capacity: 30% -> 30
			['capacity.schools.share', a(30)],
			// cooperation: 3 of 4 channels -> 75
			['cooperation.international.channels', a(['interpol', 'inhope', 'mlat'])]
		]);
		const s = scoreAssessment(fw, answers);
		expect(s.pillars).toEqual({ legal: 75, technical: 62.5, organizational: 50, capacity: 30, cooperation: 75 });
		// (75 + 62.5 + 50 + 30 + 75) / 5 = 58.5 -> tier 3
		expect(s.overall).toBe(58.5);
		expect(s.tier).toBe(3);
		expect(s.indicators.find((i) => i.id === 'technical.hotline')!.score).toBe(62.5);
	});

	it('leaves not-applicable questions out of the weighted mean', () => {
		const answers = new Map<string, ScoringAnswer>([
			['technical.hotline.exists', a('yes')],
			['technical.hotline.reports', a(null, true)]
		]);
		const s = scoreAssessment(fw, answers);
		expect(s.indicators.find((i) => i.id === 'technical.hotline')!.score).toBe(100);
	});

	it('gives no score to an indicator with an unanswered scored question, nor to one wholly not applicable', () => {
		const s = scoreAssessment(fw, new Map([['technical.hotline.exists', a('yes')]]));
		expect(s.indicators.find((i) => i.id === 'technical.hotline')!.score).toBeNull();
		expect(s.pillars.technical).toBeNull();
		const na = scoreAssessment(fw, new Map([['capacity.schools.share', a(null, true)]]));
		expect(na.pillars.capacity).toBeNull();
		expect(na.overall).toBeNull();
	});

	it('marks indicators fed by hidden answers', () => {
		const s = scoreAssessment(fw, new Map([['legal.grooming.in_law', { value: 'yes', notApplicable: false, hidden: true }]]));
		expect(s.indicators.find((i) => i.id === 'legal.grooming')).toEqual({ id: 'legal.grooming', score: 100, hidden: true });
	});

	it('puts overall scores in the right tier bands', () => {
		expect([100, 80, 79.9, 60, 40, 20, 19.9, 0].map(tierOf)).toEqual([1, 1, 2, 2, 3, 4, 5, 5]);
		expect(tierOf(null)).toBeNull();
		expect(overallOf({ legal: 1, technical: 2, organizational: 3, capacity: 4, cooperation: null })).toBeNull();
	});
});

// ------------------------------------------------------------------------ properties
const questions = fw.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions));
const answerFor = (qu: Question): fc.Arbitrary<ScoringAnswer | undefined> => {
	let value: fc.Arbitrary<AnswerValue>;
	switch (qu.type) {
		case 'yes_partial_no':
			value = fc.constantFrom('yes', 'partial', 'no');
			break;
		case 'maturity':
			value = fc.integer({ min: 0, max: 4 });
			break;
		case 'number':
		case 'percent':
			value = fc.double({ min: 0, max: 1e7, noNaN: true });
			break;
		case 'multi_select':
			value = fc.subarray((qu.options ?? []).map((o) => o.id));
			break;
		default:
			value = fc.string();
	}
	return fc.option(fc.record({ value, notApplicable: fc.boolean(), hidden: fc.boolean() }), { nil: undefined });
};
const answerSets = fc.tuple(...questions.map(answerFor)).map((list) => {
	const m = new Map<string, ScoringAnswer>();
	list.forEach((x, i) => x && m.set(questions[i].id, x));
	return m;
});
const inRange = (x: number | null) => x === null || (x >= 0 && x <= 100);

describe('scoring properties', () => {
	it('every indicator, pillar and overall score stays within [0, 100]', () => {
		fc.assert(
			fc.property(answerSets, (answers) => {
				const s = scoreAssessment(fw, answers);
				return s.indicators.every((i) => inRange(i.score)) && PILLARS.every((p) => inRange(s.pillars[p])) && inRange(s.overall);
			})
		);
	});

	it('marking an answer not applicable never changes other indicators, and an all-N/A indicator has no score', () => {
		fc.assert(
			fc.property(answerSets, fc.constantFrom(...questions.map((x) => x.id)), (answers, qid) => {
				const before = scoreAssessment(fw, answers);
				const changed = new Map(answers).set(qid, { value: null, notApplicable: true });
				const after = scoreAssessment(fw, changed);
				const ind = fw.pillars.flatMap((p) => p.indicators).find((i) => i.questions.some((x) => x.id === qid))!;
				return after.indicators.every((i, k) => i.id === ind.id || i.score === before.indicators[k].score);
			})
		);
	});

	it('respects weights: with all answers given, the indicator is the weighted mean', () => {
		const ind = fw.pillars[0].indicators[0]; // legal.csam: weight 2 yes/partial/no + weight 0 date
		fc.assert(
			fc.property(fc.constantFrom('yes', 'partial', 'no'), fc.integer({ min: 0, max: 4 }), (v, _) => {
				const s = scoreAssessment(fw, new Map([[ind.questions[0].id, a(v)]]));
				const expected = { yes: 100, partial: 50, no: 0 }[v];
				return s.indicators[0].score === expected;
			})
		);
	});

	it('more "yes" never lowers a score (monotone in every yes/partial/no answer)', () => {
		const ypn = questions.filter((x) => x.type === 'yes_partial_no');
		fc.assert(
			fc.property(answerSets, fc.constantFrom(...ypn.map((x) => x.id)), (answers, qid) => {
				const low = new Map(answers).set(qid, a('no'));
				const high = new Map(answers).set(qid, a('yes'));
				const l = scoreAssessment(fw, low);
				const h = scoreAssessment(fw, high);
				return PILLARS.every((p) => l.pillars[p] === null || h.pillars[p]! >= l.pillars[p]!) && (l.overall === null || h.overall! >= l.overall);
			})
		);
	});
});
