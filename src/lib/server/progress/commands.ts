// Progress use cases that change state. Each one authorises first (policy.ts), runs in one
// transaction, and writes the audit log in that same transaction. Published scores are refreshed
// inside the transactions that change what is published (accept, reopen, framework publication).
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { Conflict, Forbidden, NotFound, ValidationError } from '../platform/errors';
import { parse } from '../platform/validate';
import { allQuestions, type AnswerStatus, type Framework, type Question } from '../../progress/model';
import { findFramework, latestPublishedVersion, markPublished, markRetired, parseFramework, storeDraft, VersionTakenError } from './framework';
import {
	ActionInput,
	AnswerInput,
	checkMagic,
	checkUpload,
	ContextValueInput,
	DecisionInput,
	idOr404,
	EvidenceUrlInput,
	MessageInput,
	OpenAssessmentInput,
	parseAnswerValue,
	ReasonInput
} from './input';
import { can, canValidate, countryTarget } from './policy';
import { answers, assessments, contextValues, evidence, frameworkVersions, messages, roadmapActions } from './schema';
import { refreshAllScores, refreshScores } from './scores';

/** Answers the focal point may still change: not waiting for a validator, not accepted. */
const EDITABLE: AnswerStatus[] = ['draft', 'queried', 'rejected'];

async function assessmentFor(tx: Db | Tx, id: string, lock = false) {
	idOr404(id, 'progress_assessment_not_found');
	const q = tx.select().from(assessments).where(eq(assessments.id, id));
	const [row] = lock ? await q.for('update') : await q;
	if (!row) throw new NotFound('progress_assessment_not_found');
	return row;
}

async function frameworkOf(tx: Db | Tx, version: number): Promise<Framework> {
	const fw = await findFramework(tx, version);
	if (!fw) throw new NotFound('framework_not_found');
	return fw;
}

async function answerFor(tx: Db | Tx, answerId: string) {
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

function questionIn(fw: Framework, questionId: string): { question: Question; indicatorId: string } {
	const hit = allQuestions(fw).find((x) => x.question.id === questionId);
	if (!hit) throw new ValidationError({ [questionId]: 'progress_question_unknown' });
	return { question: hit.question, indicatorId: hit.indicator.id };
}

const snapshot = (a: typeof answers.$inferSelect) => ({
	value: a.value,
	notApplicable: a.notApplicable,
	confidentiality: a.confidentiality,
	status: a.status,
	citation: a.citation,
	adoptedOn: a.adoptedOn,
	lawUrl: a.lawUrl,
	comment: a.comment
});

// ------------------------------------------------------------------------------ assessments

/** A focal point opens their country's assessment for a period (idempotent: returns the existing one). */
export async function openAssessment(actor: Actor | null, raw: unknown): Promise<string> {
	const input = parse(OpenAssessmentInput, raw);
	assertHolds(actor, can(actor, 'assessment.answer', countryTarget(input.country)));
	return db().transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: assessments.id })
			.from(assessments)
			.where(and(eq(assessments.country, input.country), eq(assessments.period, input.period)));
		if (existing) return existing.id;
		const version = await latestPublishedVersion(tx);
		if (version === null) throw new Conflict('progress_no_framework');
		const [{ id }] = await tx
			.insert(assessments)
			.values({ country: input.country, period: input.period, frameworkVersion: version })
			.returning({ id: assessments.id });
		await audit.record(tx, actor, { action: 'progress_assessment.open', entityType: 'progress_assessment', entityId: id, after: { ...input, frameworkVersion: version } });
		return id;
	});
}

/**
 * The focal point saves answers (a draft: nothing is checked for completeness until submit).
 * Answers waiting for a validator or accepted are locked and refuse the change.
 */
export async function saveAnswers(actor: Actor | null, assessmentId: string, raw: unknown[]): Promise<number> {
	return savePage(actor, assessmentId, raw, []);
}

export interface EvidenceDraft {
	questionId: string;
	file?: Upload;
	url?: string;
}

/**
 * One page of the assessment form in one transaction: its answers and any evidence attached with
 * them (files checked for type, size and content before anything is written).
 */
export async function savePage(actor: Actor | null, assessmentId: string, raw: unknown[], attachments: EvidenceDraft[]): Promise<number> {
	const inputs = raw.map((r) => parse(AnswerInput, r));
	const files = attachments.map((a) => {
		if (a.file) {
			try {
				const meta = checkUpload(a.file);
				if (!checkMagic(meta.mediaType, a.file.bytes)) throw new ValidationError({ file: 'progress_file_type' });
				return { questionId: a.questionId, kind: 'file' as const, ...meta, file: a.file };
			} catch (e) {
				if (e instanceof ValidationError) throw new ValidationError({ [a.questionId]: e.fields.file ?? 'progress_file_type' });
				throw e;
			}
		}
		const url = parse(EvidenceUrlInput, { url: a.url ?? '' }).url;
		return { questionId: a.questionId, kind: 'url' as const, url };
	});
	return db().transaction(async (tx) => {
		const a = await assessmentFor(tx, assessmentId, true);
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(a.country)));
		const fw = await frameworkOf(tx, a.frameworkVersion);
		const errors: Record<string, string> = {};
		const prepared = inputs.flatMap((input) => {
			try {
				const { question, indicatorId } = questionIn(fw, input.questionId);
				const value = input.notApplicable ? null : parseAnswerValue(question, input.value);
				return [{ input, value, indicatorId }];
			} catch (e) {
				if (e instanceof ValidationError) Object.assign(errors, e.fields);
				else throw e;
				return [];
			}
		});
		if (Object.keys(errors).length) throw new ValidationError(errors);
		const ids = prepared.map((p) => p.input.questionId);
		const existing = ids.length
			? await tx.select().from(answers).where(and(eq(answers.assessmentId, assessmentId), inArray(answers.questionId, ids)))
			: [];
		const byQuestion = new Map(existing.map((r) => [r.questionId, r]));
		let changed = 0;
		for (const { input, value, indicatorId } of prepared) {
			const before = byQuestion.get(input.questionId);
			const next = {
				value,
				notApplicable: input.notApplicable,
				confidentiality: input.confidentiality,
				comment: input.comment,
				citation: input.citation,
				adoptedOn: input.adoptedOn,
				lawUrl: input.lawUrl
			};
			if (before) {
				const same = JSON.stringify(snapshot(before)) === JSON.stringify({ ...snapshot(before), ...next });
				if (same) continue;
				if (!EDITABLE.includes(before.status as AnswerStatus)) throw new Conflict('progress_answer_locked', { [input.questionId]: 'progress_answer_locked' });
				await tx.update(answers).set({ ...next, updatedBy: actor.id, updatedAt: new Date() }).where(eq(answers.id, before.id));
				await audit.record(tx, actor, { action: 'progress_answer.save', entityType: 'progress_answer', entityId: before.id, before: snapshot(before), after: next });
			} else {
				if (value === null && !input.notApplicable && !input.comment && !input.citation && !input.lawUrl) continue;
				const [row] = await tx
					.insert(answers)
					.values({ assessmentId, questionId: input.questionId, indicatorId, ...next, updatedBy: actor.id })
					.returning({ id: answers.id });
				await audit.record(tx, actor, { action: 'progress_answer.save', entityType: 'progress_answer', entityId: row.id, after: next });
			}
			changed++;
		}
		for (const f of files) {
			const answer = await answerRowFor(tx, actor, assessmentId, f.questionId);
			const values =
				f.kind === 'file'
					? { answerId: answer.id, kind: 'file', filename: f.filename, mediaType: f.mediaType, size: f.file.size, bytes: Buffer.from(f.file.bytes), createdBy: actor.id }
					: { answerId: answer.id, kind: 'url', url: f.url, createdBy: actor.id };
			const [row] = await tx.insert(evidence).values(values).returning({ id: evidence.id });
			const { bytes: _b, ...shown } = values as typeof values & { bytes?: Buffer };
			await audit.record(tx, actor, { action: 'progress_evidence.add', entityType: 'progress_answer', entityId: answer.id, after: { evidenceId: row.id, ...shown } });
			changed++;
		}
		if (changed) await tx.update(assessments).set({ updatedAt: new Date() }).where(eq(assessments.id, assessmentId));
		return changed;
	});
}

/** Finds or creates the (draft) answer row a piece of evidence hangs on. */
async function answerRowFor(tx: Db | Tx, actor: Actor, assessmentId: string, questionId: string) {
	const a = await assessmentFor(tx, assessmentId, true);
	assertHolds(actor, can(actor, 'assessment.answer', countryTarget(a.country)));
	const fw = await frameworkOf(tx, a.frameworkVersion);
	const { indicatorId } = questionIn(fw, questionId);
	const [row] = await tx.select().from(answers).where(and(eq(answers.assessmentId, assessmentId), eq(answers.questionId, questionId)));
	if (row) {
		if (!EDITABLE.includes(row.status as AnswerStatus)) throw new Conflict('progress_answer_locked');
		return row;
	}
	const [created] = await tx.insert(answers).values({ assessmentId, questionId, indicatorId, value: null, updatedBy: actor.id }).returning();
	return created;
}

export interface Upload {
	name: string;
	type: string;
	size: number;
	bytes: Uint8Array;
}

/** Attaches a file (allowed types only, 10 MB at most, content must match the type) as evidence. */
export async function addEvidenceFile(actor: Actor | null, assessmentId: string, questionId: string, file: Upload): Promise<string> {
	if (!actor) assertHolds(actor, false);
	const { mediaType, filename } = checkUpload(file);
	if (!checkMagic(mediaType, file.bytes)) throw new ValidationError({ file: 'progress_file_type' });
	return db().transaction(async (tx) => {
		const answer = await answerRowFor(tx, actor!, assessmentId, questionId);
		const [row] = await tx
			.insert(evidence)
			.values({ answerId: answer.id, kind: 'file', filename, mediaType, size: file.size, bytes: Buffer.from(file.bytes), createdBy: actor!.id })
			.returning({ id: evidence.id });
		await audit.record(tx, actor, { action: 'progress_evidence.add', entityType: 'progress_answer', entityId: answer.id, after: { evidenceId: row.id, kind: 'file', filename, mediaType, size: file.size } });
		return row.id;
	});
}

/** Attaches a link as evidence. */
export async function addEvidenceUrl(actor: Actor | null, assessmentId: string, questionId: string, raw: unknown): Promise<string> {
	const input = parse(EvidenceUrlInput, raw);
	if (!actor) assertHolds(actor, false);
	return db().transaction(async (tx) => {
		const answer = await answerRowFor(tx, actor!, assessmentId, questionId);
		const [row] = await tx.insert(evidence).values({ answerId: answer.id, kind: 'url', url: input.url, createdBy: actor!.id }).returning({ id: evidence.id });
		await audit.record(tx, actor, { action: 'progress_evidence.add', entityType: 'progress_answer', entityId: answer.id, after: { evidenceId: row.id, kind: 'url', url: input.url } });
		return row.id;
	});
}

/** Removes a piece of evidence from an answer the focal point may still change. */
export async function removeEvidence(actor: Actor | null, evidenceId: string): Promise<void> {
	idOr404(evidenceId, 'progress_evidence_not_found');
	await db().transaction(async (tx) => {
		const [row] = await tx
			.select({ ev: { id: evidence.id, kind: evidence.kind, url: evidence.url, filename: evidence.filename }, answer: answers, country: assessments.country })
			.from(evidence)
			.innerJoin(answers, eq(answers.id, evidence.answerId))
			.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
			.where(eq(evidence.id, evidenceId));
		if (!row) throw new NotFound('progress_evidence_not_found');
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(row.country)));
		if (!EDITABLE.includes(row.answer.status as AnswerStatus)) throw new Conflict('progress_answer_locked');
		await tx.delete(evidence).where(eq(evidence.id, evidenceId));
		await audit.record(tx, actor, { action: 'progress_evidence.remove', entityType: 'progress_answer', entityId: row.answer.id, before: row.ev });
	});
}

/**
 * Submits every answer the focal point may change (draft, queried, rejected) for validation.
 * Every question must be answered or marked not applicable, and every answer whose question
 * requires evidence must have some; otherwise nothing is submitted and each gap is named.
 */
export async function submitAssessment(actor: Actor | null, assessmentId: string): Promise<number> {
	return db().transaction(async (tx) => {
		const a = await assessmentFor(tx, assessmentId, true);
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(a.country)));
		const fw = await frameworkOf(tx, a.frameworkVersion);
		const rows = await tx.select().from(answers).where(eq(answers.assessmentId, assessmentId));
		const byQuestion = new Map(rows.map((r) => [r.questionId, r]));
		const withEvidence = new Set(
			rows.length
				? (await tx.selectDistinct({ answerId: evidence.answerId }).from(evidence).where(inArray(evidence.answerId, rows.map((r) => r.id)))).map((r) => r.answerId)
				: []
		);
		const gaps: Record<string, string> = {};
		for (const { question } of allQuestions(fw)) {
			const r = byQuestion.get(question.id);
			const given = r && (r.notApplicable || (r.value !== null && !(Array.isArray(r.value) && r.value.length === 0 && question.type !== 'multi_select')));
			if (!given) {
				gaps[question.id] = 'progress_answer_missing';
				continue;
			}
			if (question.evidence === 'required' && !r.notApplicable && !withEvidence.has(r.id)) gaps[question.id] = 'progress_evidence_required';
		}
		if (Object.keys(gaps).length) throw new ValidationError(gaps, 'progress_submit_incomplete');
		const toSubmit = rows.filter((r) => EDITABLE.includes(r.status as AnswerStatus));
		if (!toSubmit.length) throw new Conflict('progress_nothing_to_submit');
		await tx
			.update(answers)
			.set({ status: 'submitted', rejectReason: null })
			.where(inArray(answers.id, toSubmit.map((r) => r.id)));
		await tx.update(assessments).set({ status: 'submitted', submittedAt: new Date(), updatedAt: new Date() }).where(eq(assessments.id, assessmentId));
		await audit.record(tx, actor, {
			action: 'progress_assessment.submit',
			entityType: 'progress_assessment',
			entityId: assessmentId,
			before: { status: a.status },
			after: { status: 'submitted', answers: toSubmit.map((r) => r.questionId) }
		});
		return toSubmit.length;
	});
}

/** Marks the assessment validated when every answer is accepted (and back to submitted otherwise). */
async function syncAssessmentStatus(tx: Db | Tx, assessmentId: string): Promise<void> {
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
	const input = parse(MessageInput, raw);
	await db().transaction(async (tx) => {
		const { answer, assessment } = await answerFor(tx, answerId);
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(assessment.country)));
		if (answer.status !== 'queried' && answer.status !== 'rejected') throw new Conflict('progress_answer_not_queried');
		await tx.insert(messages).values({ answerId, authorId: actor.id, authorName: actor.name, kind: 'reply', body: input.body });
		await audit.record(tx, actor, { action: 'progress_answer.reply', entityType: 'progress_answer', entityId: answerId, after: { body: input.body } });
	});
}

/** A coordinator (of the country's region) or an admin unlocks an accepted answer; the reason goes to the audit log and the thread. */
export async function reopenAnswer(actor: Actor | null, answerId: string, raw: unknown): Promise<void> {
	const input = parse(ReasonInput, raw);
	await db().transaction(async (tx) => {
		const { answer, assessment } = await answerFor(tx, answerId);
		assertHolds(actor, can(actor, 'answer.reopen', countryTarget(assessment.country)));
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

/** The focal point records unscored context statistics (kept apart from the scored answers). */
export async function saveContextValues(actor: Actor | null, assessmentId: string, raw: unknown[]): Promise<void> {
	const inputs = raw.map((r) => parse(ContextValueInput, r));
	await db().transaction(async (tx) => {
		const a = await assessmentFor(tx, assessmentId, true);
		assertHolds(actor, can(actor, 'assessment.answer', countryTarget(a.country)));
		const fw = await frameworkOf(tx, a.frameworkVersion);
		const known = new Set(fw.context.map((c) => c.id));
		for (const input of inputs) {
			if (!known.has(input.statId)) throw new ValidationError({ [input.statId]: 'progress_question_unknown' });
			const [before] = await tx.select().from(contextValues).where(and(eq(contextValues.assessmentId, assessmentId), eq(contextValues.statId, input.statId)));
			if (input.value === null) {
				if (!before) continue;
				await tx.delete(contextValues).where(eq(contextValues.id, before.id));
			} else if (before) {
				if (before.value === input.value && before.source === input.source && before.confidentiality === input.confidentiality) continue;
				await tx.update(contextValues).set({ value: input.value, source: input.source, confidentiality: input.confidentiality, updatedAt: new Date() }).where(eq(contextValues.id, before.id));
			} else {
				await tx.insert(contextValues).values({ assessmentId, statId: input.statId, value: input.value, source: input.source, confidentiality: input.confidentiality });
			}
			await audit.record(tx, actor, {
				action: 'progress_context.save',
				entityType: 'progress_assessment',
				entityId: assessmentId,
				before: before ? { statId: before.statId, value: before.value, source: before.source } : null,
				after: input
			});
		}
	});
}

// ------------------------------------------------------------------------------ roadmap

async function actionFor(tx: Db | Tx, id: string) {
	idOr404(id, 'progress_action_not_found');
	const [row] = await tx.select().from(roadmapActions).where(eq(roadmapActions.id, id)).for('update');
	if (!row) throw new NotFound('progress_action_not_found');
	return row;
}

function checkIndicators(fw: Framework | null, ids: string[]) {
	if (!fw) return;
	const known = new Set(fw.pillars.flatMap((p) => p.indicators.map((i) => i.id)));
	if (ids.some((id) => !known.has(id))) throw new ValidationError({ indicatorIds: 'progress_indicator_unknown' });
}

const actionValues = (input: ActionInput) => ({
	title: input.title,
	description: input.description,
	owner: input.owner,
	dueOn: input.dueOn,
	status: input.status,
	progress: input.status === 'done' ? 100 : input.progress,
	indicatorIds: [...new Set(input.indicatorIds)]
});

/** The focal point adds an action to their country's roadmap. */
export async function createAction(actor: Actor | null, country: string, raw: unknown): Promise<string> {
	const input = parse(ActionInput, raw);
	const c = country.toUpperCase();
	assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(c)));
	return db().transaction(async (tx) => {
		checkIndicators(await findFramework(tx), input.indicatorIds);
		const values = actionValues(input);
		const [row] = await tx
			.insert(roadmapActions)
			.values({ ...values, country: c, completedAt: values.status === 'done' ? new Date() : null })
			.returning({ id: roadmapActions.id });
		await audit.record(tx, actor, { action: 'progress_action.create', entityType: 'progress_action', entityId: row.id, after: { country: c, ...values } });
		return row.id;
	});
}

/** The focal point changes an action. Marking it done starts the "update your answers" prompt. */
export async function updateAction(actor: Actor | null, id: string, raw: unknown): Promise<void> {
	const input = parse(ActionInput, raw);
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		checkIndicators(await findFramework(tx), input.indicatorIds);
		const values = actionValues(input);
		const becameDone = values.status === 'done' && before.status !== 'done';
		await tx
			.update(roadmapActions)
			.set({
				...values,
				completedAt: values.status === 'done' ? (becameDone ? new Date() : before.completedAt) : null,
				promptDismissedAt: becameDone ? null : before.promptDismissedAt,
				updatedAt: new Date()
			})
			.where(eq(roadmapActions.id, id));
		const { createdAt: _c, updatedAt: _u, ...was } = before;
		await audit.record(tx, actor, { action: 'progress_action.update', entityType: 'progress_action', entityId: id, before: was, after: values });
	});
}

export async function deleteAction(actor: Actor | null, id: string): Promise<void> {
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		await tx.delete(roadmapActions).where(eq(roadmapActions.id, id));
		await audit.record(tx, actor, { action: 'progress_action.delete', entityType: 'progress_action', entityId: id, before });
	});
}

/** The focal point has seen the prompt to update the answers linked to a completed action. */
export async function dismissActionPrompt(actor: Actor | null, id: string): Promise<void> {
	await db().transaction(async (tx) => {
		const before = await actionFor(tx, id);
		assertHolds(actor, can(actor, 'roadmap.edit', countryTarget(before.country)));
		await tx.update(roadmapActions).set({ promptDismissedAt: new Date() }).where(eq(roadmapActions.id, id));
		await audit.record(tx, actor, { action: 'progress_action.dismiss_prompt', entityType: 'progress_action', entityId: id });
	});
}

// ------------------------------------------------------------------------------ framework versions

/** A framework file that fails validation; `problems` say where and why, for the admin page. */
export class FrameworkInvalid extends ValidationError {
	constructor(readonly problems: string[]) {
		super({ framework: 'progress_framework_invalid' }, 'progress_framework_invalid');
	}
}

/** An admin imports a framework (from content/ or an uploaded file) as a draft version; bad files are refused with reasons. */
export async function importFramework(actor: Actor | null, json: string, source: string): Promise<{ version: number; result: 'created' | 'replaced' }> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	let fw: Framework;
	try {
		fw = parseFramework(json, source);
	} catch (e) {
		const problems = (e as { problems?: string[] }).problems ?? [(e as Error).message];
		throw new FrameworkInvalid(problems);
	}
	return db().transaction(async (tx) => {
		try {
			const result = await storeDraft(tx, fw, source);
			await audit.record(tx, actor, { action: 'progress_framework.import', entityType: 'progress_framework', entityId: String(fw.version), after: { key: fw.key, version: fw.version, source, result } });
			return { version: fw.version, result };
		} catch (e) {
			if (e instanceof VersionTakenError) throw new Conflict('progress_framework_version_taken');
			throw e;
		}
	});
}

/** An admin publishes a draft version: it becomes the default, and every assessment is scored under it in the same transaction. */
export async function publishFramework(actor: Actor | null, version: number): Promise<number> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	return db().transaction(async (tx) => {
		const [row] = await tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.version, version));
		if (!row) throw new NotFound('framework_not_found');
		if (row.status !== 'draft') throw new Conflict('progress_framework_not_draft');
		await markPublished(tx, version, actor.id);
		const n = await refreshAllScores(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.publish', entityType: 'progress_framework', entityId: String(version), before: { status: 'draft' }, after: { status: 'published', scored: n } });
		return n;
	});
}

/** An admin retires a published version: its figures stay readable by version, it is no longer the default. */
export async function retireFramework(actor: Actor | null, version: number): Promise<void> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	await db().transaction(async (tx) => {
		const [row] = await tx.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.version, version));
		if (!row) throw new NotFound('framework_not_found');
		if (row.status !== 'published') throw new Conflict('progress_framework_not_published');
		await markRetired(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.retire', entityType: 'progress_framework', entityId: String(version), before: { status: 'published' }, after: { status: 'retired' } });
	});
}

/** An admin recomputes every assessment's scores under any version (a draft's scores stay out of public view). */
export async function recomputeScores(actor: Actor | null, version: number): Promise<number> {
	assertHolds(actor, can(actor, 'framework.manage', { kind: 'global' }));
	return db().transaction(async (tx) => {
		const fw = await findFramework(tx, version);
		if (!fw) throw new NotFound('framework_not_found');
		const n = await refreshAllScores(tx, version);
		await audit.record(tx, actor, { action: 'progress_framework.recompute', entityType: 'progress_framework', entityId: String(version), after: { scored: n } });
		return n;
	});
}
