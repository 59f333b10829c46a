// The workspace's counts and messages on a real database: saved drafts count as answered, a
// refused submission names each question by area, and percent questions are labelled the locale's way.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser } from '../test/factories';
import * as progress from '.';
import { ensurePublishedFramework, fixtureFramework } from '../test/progress';
import { allQuestions, type AnswerStatus } from '../../progress/model';
import { groupSubmissionGaps } from '../../progress/gaps';
import { percentAnswerLabel } from '../../progress/labels';

useFreshDatabase();

const ANSWERS = [
	{ questionId: 'legal.csam.in_law', value: 'yes', citation: 'Penal Code s. 181', adoptedOn: '2015-06-01' },
	{ questionId: 'legal.csam.adopted', value: '2015-06-01' },
	{ questionId: 'legal.grooming.in_law', value: 'partial' },
	{ questionId: 'technical.hotline.exists', value: 'yes' },
	{ questionId: 'technical.hotline.reports', value: '500' },
	{ questionId: 'organizational.strategy.maturity', value: '3' },
	{ questionId: 'organizational.strategy.notes', value: 'Strategy adopted in 2020' },
	{ questionId: 'capacity.schools.share', value: '40' },
	{ questionId: 'cooperation.international.channels', value: ['interpol', 'inhope'] }
];

describe('workspace counts and messages', () => {
	it('counts saved drafts as answered, not to do', async () => {
		const fw = await ensurePublishedFramework(db(), fixtureFramework());
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const id = await progress.openAssessment(fp, { country: 'KE', period: '2025' });
		const total = allQuestions(fw).length;
		expect((await progress.listAssessments(fp))[0].tally).toEqual({ total, answered: 0, toDo: total, queried: 0, accepted: 0, submitted: 0 });
		await progress.saveAnswers(fp, id, ANSWERS);
		const [item] = await progress.listAssessments(fp);
		expect(item.counts.draft).toBe(total);
		expect(item.tally).toEqual({ total, answered: total, toDo: 0, queried: 0, accepted: 0, submitted: 0 });
		// per area, as the assessment page shows it
		const d = await progress.assessmentDetail(fp, id);
		const legal = d.framework.pillars.find((p) => p.id === 'legal')!;
		const legalIds = legal.indicators.flatMap((i) => i.questions.map((q) => q.id));
		expect(progress.tallyAnswers(legalIds, (q) => d.answers[q]?.status)).toMatchObject({ answered: legalIds.length, toDo: 0 });
		// a rejected answer is to do again; a queried one waits for a reply
		const statuses: Record<string, AnswerStatus> = { a: 'rejected', b: 'queried', c: 'accepted' };
		expect(progress.tallyAnswers(['a', 'b', 'c', 'd'], (q) => statuses[q])).toEqual({ total: 4, answered: 3, toDo: 2, queried: 1, accepted: 1, submitted: 0 });
	});

	it('a submission made too early names every unanswered question, grouped by area in framework order', async () => {
		const fw = await ensurePublishedFramework(db(), fixtureFramework());
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'GH' })] });
		const id = await progress.openAssessment(fp, { country: 'GH', period: '2025' });
		await progress.saveAnswers(fp, id, ANSWERS.filter((a) => a.questionId.startsWith('technical.')));
		const refusal = await progress.submitAssessment(fp, id).then(
			() => null,
			(e: { status: number; code: string; fields: Record<string, string> }) => e
		);
		expect(refusal).toMatchObject({ status: 400, code: 'progress_submit_incomplete' });
		const areas = fw.pillars.map((p) => ({ id: p.id, title: p.title, questions: p.indicators.flatMap((i) => i.questions.map((q) => ({ id: q.id, text: q.text }))) }));
		const gaps = groupSubmissionGaps(areas, refusal!.fields);
		expect(gaps.map((g) => g.id)).toEqual(fw.pillars.map((p) => p.id).filter((p) => p !== 'technical'));
		expect(gaps.find((g) => g.id === 'legal')!.questions.map((q) => [q.id, q.code])).toEqual([
			['legal.csam.in_law', 'progress_answer_missing'],
			['legal.csam.adopted', 'progress_answer_missing'],
			['legal.grooming.in_law', 'progress_answer_missing']
		]);
		expect(gaps.flatMap((g) => g.questions)).toHaveLength(allQuestions(fw).length - 2);
		expect(groupSubmissionGaps(areas, undefined)).toEqual([]);
	});
});

describe('percent answers', () => {
	it('are labelled with a space and the locale percent format', () => {
		expect(percentAnswerLabel('en')).toBe('Answer, as a percentage (0% – 100%)');
		expect(percentAnswerLabel('fr')).toMatch(/^Réponse, en pourcentage \(0\s?–\s?100\s%\)$/u);
		expect(percentAnswerLabel('ar')).toMatch(/^الإجابة، بنسبة مئوية \(.*100.*[%٪].*\)$/u);
		for (const locale of ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const) expect(percentAnswerLabel(locale)).not.toMatch(/\S\(%\)/);
	});
});
