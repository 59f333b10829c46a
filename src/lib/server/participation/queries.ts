// Participation reads. Public reads return only published consultations; results only ever leave
// through publishTally (suppressed); free text only once a moderator approved it.
import { and, arrayContains, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db } from '../db';
import type { Actor } from '../identity';
import { Forbidden, NotFound } from '../platform/errors';
import { can, canSee, mayEnterWorkspace } from './policy';
import { resultsVisible } from './rules';
import { consultations, responses, texts } from './schema';
import { mergeTallies, publishTally, tally, type PublishedTally, type Tally } from './tally';

export type ConsultationRow = typeof consultations.$inferSelect;

export async function getConsultation(id: string): Promise<ConsultationRow | null> {
	const [row] = await db().select().from(consultations).where(eq(consultations.id, id));
	return row ?? null;
}

/** A consultation anyone may see: published (scheduled, open or closed). */
export async function getPublicConsultation(id: string): Promise<ConsultationRow> {
	const row = await getConsultation(id);
	if (!row || (row.status !== 'published' && row.status !== 'closed')) throw new NotFound();
	return row;
}

export async function getByCampaign(slug: string): Promise<ConsultationRow> {
	const [row] = await db().select().from(consultations).where(and(eq(consultations.campaignSlug, slug), inArray(consultations.status, ['published', 'closed'])));
	if (!row) throw new NotFound();
	return row;
}

/** Open consultations for an age band and a country, on `today`. */
export async function listOpen(today: string, ageBand: string, country: string): Promise<ConsultationRow[]> {
	return db()
		.select()
		.from(consultations)
		.where(
			and(
				eq(consultations.status, 'published'),
				sql`${consultations.opensOn} <= ${today}::date`,
				sql`${consultations.closesOn} >= ${today}::date`,
				arrayContains(consultations.ageBands, [ageBand]),
				arrayContains(consultations.countries, [country])
			)
		)
		.orderBy(asc(consultations.closesOn));
}

/** Every published consultation with its phase: the audience sees open, closed and "response published". */
export async function listPublished(): Promise<ConsultationRow[]> {
	return db().select().from(consultations).where(inArray(consultations.status, ['published', 'closed'])).orderBy(desc(consultations.closesOn)).limit(200);
}

/** The workspace list: consultations the actor may see (any of their countries covered). */
export async function listForWorkspace(actor: Actor | null): Promise<ConsultationRow[]> {
	if (!mayEnterWorkspace(actor)) throw new Forbidden();
	const rows = await db().select().from(consultations).orderBy(desc(consultations.updatedAt)).limit(500);
	return rows.filter((r) => canSee(actor, r.countries));
}

export async function getForWorkspace(actor: Actor | null, id: string): Promise<ConsultationRow> {
	const row = await getConsultation(id);
	if (!row) throw new NotFound();
	if (!canSee(actor, row.countries)) throw new Forbidden();
	return row;
}

export async function answerCount(id: string): Promise<number> {
	const [{ n }] = await db().select({ n: sql<number>`count(*)::int` }).from(responses).where(eq(responses.consultationId, id));
	return n;
}

/** The raw tally (answers still kept, plus what retention folded into the aggregate). Server-only: publish before showing. */
async function rawTally(c: ConsultationRow): Promise<Tally> {
	const rows = await db().select({ ageBand: responses.ageBand, country: responses.country, answers: responses.answers }).from(responses).where(eq(responses.consultationId, c.id));
	const live = tally(c.questions, rows);
	return c.archivedTally ? mergeTallies(c.archivedTally as Tally, live) : live;
}

export interface Results {
	consultation: ConsultationRow;
	tally: PublishedTally;
	quotes: { id: string; questionId: string; text: string }[];
}

/** Public results: only when visible (closed, or live by choice), always suppressed. */
export async function publicResults(id: string, today: string): Promise<Results> {
	const c = await getPublicConsultation(id);
	if (!resultsVisible(c, today)) throw new NotFound('results_not_yet');
	const quotes = await db()
		.select({ id: texts.id, questionId: texts.questionId, text: texts.text })
		.from(texts)
		.where(and(eq(texts.consultationId, id), eq(texts.status, 'approved'), eq(texts.quote, true)))
		.orderBy(asc(texts.id));
	return { consultation: c, tally: publishTally(await rawTally(c), c.threshold, c.questions.map((q) => q.id)), quotes };
}

/** The same suppressed results for the organiser's workspace (also before they are public). */
export async function workspaceResults(actor: Actor | null, id: string): Promise<PublishedTally> {
	const c = await getForWorkspace(actor, id);
	return publishTally(await rawTally(c), c.threshold, c.questions.map((q) => q.id));
}

/** Free text of a consultation for the workspace: pending ones only for moderators; approved ones for organisers too. */
export async function textsFor(actor: Actor | null, id: string) {
	const c = await getForWorkspace(actor, id);
	const moderator = can(actor, 'text.moderate', c.countries);
	if (!moderator && !can(actor, 'text.read', c.countries)) throw new Forbidden();
	const statuses = moderator ? ['pending', 'approved'] : ['approved'];
	const rows = await db()
		.select()
		.from(texts)
		.where(and(eq(texts.consultationId, id), inArray(texts.status, statuses)))
		.orderBy(asc(texts.submittedOn), asc(texts.id))
		.limit(500);
	return { moderator, rows };
}


