// Assessment use cases for the focal point: open, answer, attach evidence, submit, context statistics.
// Each authorises first (../policy.ts), runs in one transaction and audits in that transaction.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { db, rowsOf, type Db, type Tx } from '../../db';
import { assertHolds, audit, type Actor } from '../../identity';
import { Conflict, NotFound, ValidationError } from '../../platform/errors';
import { parse } from '../../platform/validate';
import { allQuestions, type AnswerStatus } from '../../../progress/model';
import { latestPublishedVersion } from '../framework';
import { AnswerInput, checkedFile, ContextValueInput, idOr404, EvidenceUrlInput, OpenAssessmentInput, parseAnswerValue } from '../input';
import { can, countryTarget, PROGRESS_RULES } from '../policy';
import { answers, assessments, contextValues, evidence } from '../schema';
import { EDITABLE, assessmentFor, frameworkOf, questionIn, snapshot } from './shared';

/**
 * Whether the country's progress comes from a federation member (an active member registered for it
 * on this hub). Raw SQL on the federation tables, as the read model does (queries.ts), since the
 * federation module builds on this one and not the other way round.
 */
async function federatedCountry(tx: Db | Tx, country: string): Promise<boolean> {
	const r = await tx.execute(sql`select 1 from federation_members where active and ${country} = any(countries) limit 1`);
	return rowsOf(r).length > 0;
}

/**
 * A focal point opens their country's assessment for a period (idempotent: returns the existing one).
 * A country federated from a member is assessed on the member's platform, not here.
 */
export async function openAssessment(actor: Actor | null, raw: unknown): Promise<string> {
	// someone who answers for some country before the form is read (the country is in the form)
	assertHolds(actor, !!actor && actor.grants.some((g) => g.role === 'admin' || PROGRESS_RULES['assessment.answer'].includes(g.role)));
	const input = parse(OpenAssessmentInput, raw);
	assertHolds(actor, can(actor, 'assessment.answer', countryTarget(input.country)));
	return db().transaction(async (tx) => {
		const [existing] = await tx
			.select({ id: assessments.id })
			.from(assessments)
			.where(and(eq(assessments.country, input.country), eq(assessments.period, input.period)));
		if (existing) return existing.id;
		if (await federatedCountry(tx, input.country)) throw new Conflict('progress_country_federated');
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
				const { mediaType, filename, bytes, size } = checkedFile(a.file);
				return { questionId: a.questionId, kind: 'file' as const, mediaType, filename, file: { bytes, size } };
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
	const { mediaType, filename, bytes, size } = checkedFile(file);
	return db().transaction(async (tx) => {
		const answer = await answerRowFor(tx, actor!, assessmentId, questionId);
		const [row] = await tx
			.insert(evidence)
			.values({ answerId: answer.id, kind: 'file', filename, mediaType, size, bytes: Buffer.from(bytes), createdBy: actor!.id })
			.returning({ id: evidence.id });
		await audit.record(tx, actor, { action: 'progress_evidence.add', entityType: 'progress_answer', entityId: answer.id, after: { evidenceId: row.id, kind: 'file', filename, mediaType, size } });
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
