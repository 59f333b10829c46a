// Validation use cases: a validator accepts, queries or rejects answers; the focal point replies; a
// validator reopens an accepted answer. Published scores refresh in the same transaction.
import { and, eq } from 'drizzle-orm';
import { db } from '../../db';
import { assertHolds, audit, type Actor } from '../../identity';
import { Conflict, Forbidden, ValidationError } from '../../platform/errors';
import { parse } from '../../platform/validate';
import { type AnswerStatus } from '../../../progress/model';
import { DecisionInput, MessageInput, ReasonInput } from '../input';
import { can, canValidate, countryTarget } from '../policy';
import { answers, messages } from '../schema';
import { refreshScores } from '../scores';
import { answerFor, syncAssessmentStatus } from './shared';

/**
 * A validator rules on one submitted answer: accept (it locks and counts in published scores),
 * query (a question in the thread; the focal point replies and resubmits) or reject (with a reason).
 * Nobody validates an answer they wrote.
 */
export async function decideAnswer(actor: Actor | null, answerId: string, raw: unknown): Promise<AnswerStatus> {
	const [status] = await decideAnswers(actor, [{ ...(raw as object), answerId }]);
	return status;
}

/**
 * A validator's rulings on several answers (one page of the form) in one transaction: all are
 * recorded or none. Validation errors name the answer they belong to.
 */
export async function decideAnswers(actor: Actor | null, raw: unknown[]): Promise<AnswerStatus[]> {
	const errors: Record<string, string> = {};
	const inputs = raw.flatMap((r) => {
		const answerId = String((r as { answerId?: unknown })?.answerId ?? '');
		try {
			return [{ answerId, ...parse(DecisionInput, r) }];
		} catch (e) {
			if (!(e instanceof ValidationError)) throw e;
			errors[answerId] = Object.values(e.fields)[0] ?? 'invalid_value';
			return [];
		}
	});
	if (Object.keys(errors).length) throw new ValidationError(errors, 'invalid_input');
	return db().transaction(async (tx) => {
		const out: AnswerStatus[] = [];
		const touched = new Set<string>();
		const toRefresh = new Set<string>();
		for (const input of inputs) {
			const { answer, assessment } = await answerFor(tx, input.answerId);
			if (actor && answer.updatedBy === actor.id && can(actor, 'answer.validate', countryTarget(assessment.country))) throw new Forbidden('progress_own_answer');
			assertHolds(actor, canValidate(actor, assessment.country, answer.updatedBy));
			if (answer.status !== 'submitted') throw new Conflict('progress_answer_not_submitted', { [input.answerId]: 'progress_answer_not_submitted' });
			const status: AnswerStatus = input.decision === 'accept' ? 'accepted' : input.decision === 'query' ? 'queried' : 'rejected';
			await tx
				.update(answers)
				.set({ status, decidedBy: actor.id, decidedAt: new Date(), rejectReason: input.decision === 'reject' ? input.message : null })
				.where(eq(answers.id, input.answerId));
			if (input.message || input.decision !== 'accept') {
				await tx.insert(messages).values({ answerId: input.answerId, authorId: actor.id, authorName: actor.name, kind: input.decision, body: input.message || '' });
			}
			touched.add(assessment.id);
			if (status === 'accepted') toRefresh.add(assessment.id);
			await audit.record(tx, actor, {
				action: `progress_answer.${input.decision}`,
				entityType: 'progress_answer',
				entityId: input.answerId,
				before: { status: answer.status },
				after: { status, message: input.message || null }
			});
			out.push(status);
		}
		for (const id of touched) await syncAssessmentStatus(tx, id);
		if (toRefresh.size) await refreshScores(tx, [...toRefresh]);
		return out;
	});
}

/** The focal point answers a validator's query in the thread (then changes the answer if needed and resubmits). */
export async function replyToQuery(actor: Actor | null, answerId: string, raw: unknown): Promise<void> {
	await db().transaction(async (tx) => {
		const { answer, assessment } = await answerFor(tx, answerId);
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(assessment.country)));
		const input = parse(MessageInput, raw);
		if (answer.status !== 'queried' && answer.status !== 'rejected') throw new Conflict('progress_answer_not_queried');
		await tx.insert(messages).values({ answerId, authorId: actor.id, authorName: actor.name, kind: 'reply', body: input.body });
		await audit.record(tx, actor, { action: 'progress_answer.reply', entityType: 'progress_answer', entityId: answerId, after: { body: input.body } });
	});
}

/** A coordinator (of the country's region) or an admin unlocks an accepted answer; the reason goes to the audit log and the thread. */
export async function reopenAnswer(actor: Actor | null, answerId: string, raw: unknown): Promise<void> {
	await db().transaction(async (tx) => {
		const { answer, assessment } = await answerFor(tx, answerId);
		assertHolds(actor, can(actor, 'answer.reopen', countryTarget(assessment.country)));
		const input = parse(ReasonInput, raw);
		if (answer.status !== 'accepted') throw new Conflict('progress_answer_not_accepted');
		await tx.update(answers).set({ status: 'draft', decidedBy: null, decidedAt: null }).where(eq(answers.id, answerId));
		await tx.insert(messages).values({ answerId, authorId: actor.id, authorName: actor.name, kind: 'reopen', body: input.reason });
		await syncAssessmentStatus(tx, assessment.id);
		await refreshScores(tx, [assessment.id]);
		await audit.record(tx, actor, {
			action: 'progress_answer.reopen',
			entityType: 'progress_answer',
			entityId: answerId,
			before: { status: 'accepted' },
			after: { status: 'draft', reason: input.reason }
		});
	});
}
