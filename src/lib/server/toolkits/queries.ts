// Reads. Toolkits themselves are public content (content.ts); saved self-assessments are read only
// by their owner, scoped in the query and checked by the policy.
import { and, desc, eq } from 'drizzle-orm';
import { db } from '../db';
import type { Actor } from '../identity';
import { NotFound, Unauthenticated } from '../platform/errors';
import { cachedView, reviewedOnly } from '../content';
import type { Locale } from '../../paraglide/runtime';
import { findToolkit, loadToolkits, type Toolkit } from './content';
import { can } from './policy';
import { savedAssessments } from './schema';
import { isUuid } from '../../uuid';

export type SavedAssessmentRow = typeof savedAssessments.$inferSelect;


/**
 * A toolkit as readers see it: `hidden` is the reader's language when the deployment replaces its
 * unreviewed texts by the original (the translations module's display setting), else null.
 */
function readerView(t: Toolkit, hidden: Locale | null): Toolkit {
	return hidden ? cachedView(t, hidden, (x) => reviewedOnly(x, hidden)) : t;
}

/** Every published toolkit. */
export function listToolkits(hidden: Locale | null = null) {
	return loadToolkits().map((t) => readerView(t, hidden));
}

/** One toolkit by id, or NotFound. */
export function getToolkit(id: string, hidden: Locale | null = null) {
	const t = typeof id === 'string' ? findToolkit(id) : undefined;
	if (!t) throw new NotFound();
	return readerView(t, hidden);
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
