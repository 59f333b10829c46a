// Reads. Toolkits themselves are public content (content.ts); saved self-assessments are read only
// by their owner, scoped in the query and checked by the policy.
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import type { Actor } from '../identity';
import { NotFound, Unauthenticated } from '../platform/errors';
import { findToolkit, loadToolkits } from './content';
import { can } from './policy';
import { savedAssessments } from './schema';
import { isUuid } from '../../uuid';

export type SavedAssessmentRow = typeof savedAssessments.$inferSelect;


/** Every published toolkit. */
export function listToolkits() {
	return loadToolkits();
}

/** One toolkit by id, or NotFound. */
export function getToolkit(id: string) {
	const t = typeof id === 'string' ? findToolkit(id) : undefined;
	if (!t) throw new NotFound();
	return t;
}

/** The actor's own saved self-assessments, newest first (of one toolkit, or all). */
export async function listOwnAssessments(actor: Actor | null, toolkitId?: string): Promise<SavedAssessmentRow[]> {
	if (!actor) throw new Unauthenticated();
	if (!can(actor, 'assessment.read', { userId: actor.id })) return [];
	const where = toolkitId ? and(eq(savedAssessments.userId, actor.id), eq(savedAssessments.toolkitId, toolkitId)) : eq(savedAssessments.userId, actor.id);
	return db().select().from(savedAssessments).where(where).orderBy(desc(savedAssessments.updatedAt));
}

/** One saved self-assessment, for its owner only (NotFound for anyone else). */
export async function getOwnAssessment(actor: Actor | null, id: string): Promise<SavedAssessmentRow> {
	if (!actor) throw new Unauthenticated();
	if (!isUuid(id)) throw new NotFound();
	const [row] = await db().select().from(savedAssessments).where(eq(savedAssessments.id, id));
	if (!row || !can(actor, 'assessment.read', row)) throw new NotFound();
	return row;
}

/** For "download my data": the saved self-assessments, as kept. */
export async function personalData(actor: Actor | null) {
	const rows = await listOwnAssessments(actor);
	return {
		savedSelfAssessments: rows.map((r) => ({ id: r.id, toolkit: r.toolkitId, organisation: r.organisation, answers: r.answers, actionPlan: r.plan, createdAt: r.createdAt, updatedAt: r.updatedAt }))
	};
}
