// Lookups and helpers the progress commands share (rows locked for update, answer snapshots for the audit log).
import { and, eq, sql } from 'drizzle-orm';
import { type Db, type Tx } from '../../db';
import { NotFound, ValidationError } from '../../platform/errors';
import { allQuestions, type AnswerStatus, type Framework, type Question } from '../../../progress/model';
import { findFramework } from '../framework';
import { idOr404 } from '../input';
import { answers, assessments } from '../schema';

/** Answers the focal point may still change: not waiting for a validator, not accepted. */
export const EDITABLE: AnswerStatus[] = ['draft', 'queried', 'rejected'];

export async function assessmentFor(tx: Db | Tx, id: string, lock = false) {
	idOr404(id, 'progress_assessment_not_found');
	const q = tx.select().from(assessments).where(eq(assessments.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFound('progress_assessment_not_found');
	return row;
}

export async function frameworkOf(tx: Db | Tx, version: number): Promise<Framework> {
	const fw = await findFramework(tx, version);
	if (!fw) throw new NotFound('framework_not_found');
	return fw;
}

export async function answerFor(tx: Db | Tx, answerId: string) {
	idOr404(answerId, 'progress_answer_not_found');
	const [row] = await tx
		.select({ answer: answers, assessment: assessments })
		.from(answers)
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(eq(answers.id, answerId))
		.for('update');
	if (!row) throw new NotFound('progress_answer_not_found');
	return row;
}

export function questionIn(fw: Framework, questionId: string): { question: Question; indicatorId: string } {
	const hit = allQuestions(fw).find((x) => x.question.id === questionId);
	if (!hit) throw new ValidationError({ [questionId]: 'progress_question_unknown' });
	return { question: hit.question, indicatorId: hit.indicator.id };
}

export const snapshot = (a: typeof answers.$inferSelect) => ({
	value: a.value,
	notApplicable: a.notApplicable,
	confidentiality: a.confidentiality,
	status: a.status,
	citation: a.citation,
	adoptedOn: a.adoptedOn,
	lawUrl: a.lawUrl,
	comment: a.comment
});

/** Marks the assessment validated when every answer is accepted (and back to submitted otherwise). */
export async function syncAssessmentStatus(tx: Db | Tx, assessmentId: string): Promise<void> {
	const [counts] = await tx
		.select({
			total: sql<number>`count(*)::int`,
			accepted: sql<number>`count(*) filter (where ${answers.status} = 'accepted')::int`,
			open: sql<number>`count(*) filter (where ${answers.status} in ('draft', 'queried', 'rejected'))::int`
		})
		.from(answers)
		.where(eq(answers.assessmentId, assessmentId));
	const status = counts.total > 0 && counts.accepted === counts.total ? 'validated' : counts.open > 0 ? 'draft' : 'submitted';
	await tx.update(assessments).set({ status, updatedAt: new Date() }).where(eq(assessments.id, assessmentId));
}
