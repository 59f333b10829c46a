// Toolkits use cases. Reading a posted self-assessment is pure (anonymous visitors: nothing is kept);
// saving, changing and deleting a saved one ask the policy first and write the audit log in the
// same transaction. The audit entry names the toolkit only: answers and the organisation's name
// stay out of the (permanent) audit log.
import { and, count, eq } from 'drizzle-orm';
import { db, type Tx } from '../db';
import { audit, type Actor } from '../identity';
import { Conflict, DomainError, NotFound, Unauthenticated, ValidationError } from '../platform/errors';
import { parse } from '../platform/validate';
import { TOOLKITS_LIMITS } from '../../toolkits/vocab';
import { findToolkit, type Toolkit } from './content';
import { AssessmentInput, formFieldOf } from './input';
import { can } from './policy';
import { savedAssessments, type PlanLine } from './schema';
import { isUuid } from '../../uuid';

export interface Assessment {
	toolkit: Toolkit;
	organisation: string;
	answers: Record<string, AssessmentInput['answers'][string]>;
	plan: Record<string, PlanLine>;
}


/**
 * A self-assessment as posted (see assessmentFromForm) -> checked against its toolkit. Field errors
 * carry the form's field names, so the page marks the right radio group or plan field.
 */
export function readAssessment(raw: unknown): Assessment {
	let input: AssessmentInput;
	try {
		input = parse(AssessmentInput, raw);
	} catch (e) {
		if (e instanceof ValidationError) throw new ValidationError(Object.fromEntries(Object.entries(e.fields).map(([k, c]) => [formFieldOf(k), c])), e.code);
		throw e;
	}
	const toolkit = findToolkit(input.toolkitId);
	if (!toolkit) throw new NotFound();
	const practices = new Set(toolkit.themes.flatMap((t) => t.practices.map((p) => p.id)));
	const recs = new Set(toolkit.themes.flatMap((t) => t.recommendations.map((r) => r.id)));
	const fields: Record<string, string> = {};
	for (const id of Object.keys(input.answers)) if (!practices.has(id)) fields[formFieldOf(`answers.${id}`)] = 'invalid_value';
	for (const id of Object.keys(input.plan)) if (!recs.has(id)) fields[formFieldOf(`plan.${id}.owner`)] = 'invalid_value';
	if (Object.keys(fields).length) throw new ValidationError(fields);
	const plan: Record<string, PlanLine> = {};
	for (const [id, line] of Object.entries(input.plan)) {
		// an empty line is not worth keeping
		if (line.priority || line.owner || line.dueBy || line.notes) plan[id] = { priority: line.priority ?? null, owner: line.owner, dueBy: line.dueBy, notes: line.notes };
	}
	return { toolkit, organisation: input.organisation, answers: input.answers, plan };
}

function requireActor(actor: Actor | null | undefined): asserts actor is Actor {
	if (!actor) throw new Unauthenticated();
}

/** The row if the actor may do `action` with it; NotFound otherwise (another person's is not even confirmed to exist). */
async function ownRow(tx: Tx, actor: Actor, id: string, action: 'assessment.update' | 'assessment.delete') {
	if (!isUuid(id)) throw new NotFound();
	const [row] = await tx.select().from(savedAssessments).where(eq(savedAssessments.id, id)).for('update');
	if (!row || !can(actor, action, row)) throw new NotFound();
	return row;
}

/** A signed-in person keeps a self-assessment with their account. */
export async function saveAssessment(actor: Actor | null, raw: unknown): Promise<string> {
	requireActor(actor);
	if (!can(actor, 'assessment.save')) throw new DomainError(403, 'forbidden');
	const a = readAssessment(raw);
	return db().transaction(async (tx) => {
		const [{ n }] = await tx.select({ n: count() }).from(savedAssessments).where(eq(savedAssessments.userId, actor.id));
		if (n >= TOOLKITS_LIMITS.savedMax) throw new Conflict('toolkits_too_many_saved');
		const [row] = await tx
			.insert(savedAssessments)
			.values({ userId: actor.id, toolkitId: a.toolkit.id, organisation: a.organisation, answers: a.answers, plan: a.plan })
			.returning({ id: savedAssessments.id });
		await audit.record(tx, actor, { action: 'toolkits.assessment.save', entityType: 'toolkit_assessment', entityId: row.id, after: { toolkitId: a.toolkit.id } });
		return row.id;
	});
}

/** The owner changes a saved self-assessment (answers, plan, organisation); the toolkit stays the same. */
export async function updateAssessment(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	requireActor(actor);
	const a = readAssessment(raw);
	await db().transaction(async (tx) => {
		const row = await ownRow(tx, actor, id, 'assessment.update');
		if (row.toolkitId !== a.toolkit.id) throw new ValidationError({ toolkitId: 'invalid_value' });
		await tx.update(savedAssessments).set({ organisation: a.organisation, answers: a.answers, plan: a.plan, updatedAt: now }).where(eq(savedAssessments.id, id));
		await audit.record(tx, actor, { action: 'toolkits.assessment.update', entityType: 'toolkit_assessment', entityId: id, after: { toolkitId: a.toolkit.id } });
	});
}

/** The owner deletes a saved self-assessment. */
export async function deleteAssessment(actor: Actor | null, id: string): Promise<void> {
	requireActor(actor);
	await db().transaction(async (tx) => {
		const row = await ownRow(tx, actor, id, 'assessment.delete');
		await tx.delete(savedAssessments).where(and(eq(savedAssessments.id, id), eq(savedAssessments.userId, actor.id)));
		await audit.record(tx, actor, { action: 'toolkits.assessment.delete', entityType: 'toolkit_assessment', entityId: id, before: { toolkitId: row.toolkitId } });
	});
}

/** Account deletion: the person's saved self-assessments go in the deletion's transaction. */
export async function erasePersonalData(tx: Tx, userId: string): Promise<{ assessments: number }> {
	const gone = await tx.delete(savedAssessments).where(eq(savedAssessments.userId, userId)).returning({ id: savedAssessments.id });
	return { assessments: gone.length };
}
