// Participation use cases. Organisers draft and run consultations, a different person with the
// safeguarding role approves them before they open and moderates free text; children answer
// anonymously. Every change by a signed-in person is audited in the same transaction.
import * as cache from '../platform/cache';
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, ne, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import { isUuid } from '../../uuid';
import { hit, type Limit } from '../platform/rate-limit';
import { parse } from '../platform/validate';
import { PARTICIPATION_LIMITS as L } from '../../participation/types';
import { parseAnswerForm, type AnswerForm } from './answers';
import { ConsultationInput, ModerateInput, ResponseInput, ReviewInput } from './input';
import { can, canReview, PARTICIPATION_RULES } from './policy';
import { isoDay, phase } from './rules';
import { classCodes, consultations, responses, texts } from './schema';
import { scrubPersonalData, suggestsHarm } from './screen';
import { mergeTallies, tally, type Tally } from './tally';

type Row = typeof consultations.$inferSelect;

/** Children's answers per client per hour. The key is a hash (see submitAnswers). */
export const ANSWER_LIMIT: Limit = { name: 'participation', max: 20, windowSeconds: 60 * 60 };

async function load(tx: Db | Tx, id: string): Promise<Row> {
	const [row] = await tx.select().from(consultations).where(eq(consultations.id, id)).for('update');
	if (!row) throw new NotFound();
	return row;
}

function snapshot(c: Row) {
	const { archivedTally: _a, ...rest } = c;
	return rest;
}

function validInput(raw: unknown): ConsultationInput {
	return parse(ConsultationInput, raw) as ConsultationInput;
}

/** An organiser starts a consultation as a draft. */
export async function draftConsultation(actor: Actor | null, raw: unknown): Promise<string> {
	// an organiser somewhere before the form is read (the countries are in the form)
	assertHolds(actor, !!actor && actor.grants.some((g) => g.role === 'admin' || PARTICIPATION_RULES['consultation.manage'].includes(g.role)));
	const input = validInput(raw);
	assertHolds(actor, can(actor, 'consultation.manage', input.countries));
	return db().transaction(async (tx) => {
		const [row] = await tx
			.insert(consultations)
			.values({ ...input, status: 'draft', createdBy: actor.id })
			.returning();
		await audit.record(tx, actor, { action: 'participation.draft', entityType: 'consultation', entityId: row.id, after: snapshot(row) });
		return row.id;
	});
}

/** Changes a draft. Questions never change once a child has answered (make a new version instead). */
export async function updateConsultation(actor: Actor | null, id: string, raw: unknown): Promise<void> {
	await db().transaction(async (tx) => {
		// authorise on the consultation as it is before reading the form, then on the countries it moves to
		const before = await load(tx, id);
		assertHolds(actor, can(actor, 'consultation.manage', before.countries));
		const input = validInput(raw);
		assertHolds(actor, can(actor, 'consultation.manage', input.countries));
		if (before.status !== 'draft') throw new Conflict('consultation_not_draft');
		const [{ n }] = await tx.select({ n: count() }).from(responses).where(eq(responses.consultationId, id));
		if (n > 0 && JSON.stringify(before.questions) !== JSON.stringify(input.questions)) throw new Conflict('answers_exist');
		if (input.campaignSlug) await slugFree(tx, input.campaignSlug, id);
		const [after] = await tx.update(consultations).set({ ...input, updatedAt: new Date() }).where(eq(consultations.id, id)).returning();
		await audit.record(tx, actor, { action: 'participation.update', entityType: 'consultation', entityId: id, before: snapshot(before), after: snapshot(after) });
	});
}

async function slugFree(tx: Db | Tx, slug: string, id: string | null) {
	const [other] = await tx.select({ id: consultations.id }).from(consultations).where(eq(consultations.campaignSlug, slug));
	if (other && other.id !== id) throw new ValidationError({ campaignSlug: 'slug_taken' });
}

/** `change` runs once the actor is allowed, so it may read the form; `action` may name what it read. */
async function transition(actor: Actor | null, id: string, action: string | (() => string), change: (c: Row, actor: Actor) => Partial<Row>, allowed: (actor: Actor | null, c: Row) => boolean) {
	return db().transaction(async (tx) => {
		const before = await load(tx, id);
		assertHolds(actor, allowed(actor, before));
		const set = change(before, actor);
		if (typeof action === 'function') action = action();
		const [after] = await tx.update(consultations).set({ ...set, updatedAt: new Date() }).where(eq(consultations.id, id)).returning();
		// every change of state (publish, close, response) goes through here: drop cached public pages
		await cache.invalidate(tx, 'participation');
		await audit.record(tx, actor, { action, entityType: 'consultation', entityId: id, before: snapshot(before), after: snapshot(after) });
		return after;
	});
}

const manage = (actor: Actor | null, c: Row) => can(actor, 'consultation.manage', c.countries);

/** The organiser asks for the safeguarding review. */
export async function submitForReview(actor: Actor | null, id: string): Promise<void> {
	await transition(actor, id, 'participation.submit', (c, a) => {
		if (c.status !== 'draft') throw new Conflict('consultation_not_draft');
		return { status: 'in_review', submittedBy: a.id, reviewNote: null };
	}, manage);
}

/** A second person with the safeguarding role approves the consultation or returns it with a note. */
export async function reviewConsultation(actor: Actor | null, id: string, raw: unknown): Promise<void> {
	let verdict = '';
	await transition(actor, id, () => `participation.review.${verdict}`, (c, a) => {
		const input = parse(ReviewInput, raw);
		verdict = input.verdict;
		if (c.status !== 'in_review') throw new Conflict('consultation_not_in_review');
		if (input.verdict === 'return' && !input.note) throw new ValidationError({ note: 'note_required' });
		return input.verdict === 'approve' ? { status: 'approved', reviewedBy: a.id, reviewNote: input.note || null } : { status: 'draft', reviewedBy: a.id, reviewNote: input.note };
	}, canReview);
}

/** An approved consultation is published: it opens to children on its opening day. */
export async function publishConsultation(actor: Actor | null, id: string): Promise<void> {
	await transition(actor, id, 'participation.publish', (c) => {
		if (c.status !== 'approved') throw new Conflict('consultation_not_approved');
		return { status: 'published' };
	}, manage);
}

/** Closes a consultation now (it also closes by itself after its closing day). */
export async function closeConsultation(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	await transition(actor, id, 'participation.close', (c) => {
		if (c.status !== 'published') throw new Conflict('consultation_not_open');
		const today = isoDay(now);
		return { status: 'closed', closesOn: c.closesOn > today ? today : c.closesOn };
	}, manage);
}

/** "You said, we did": what was heard and what will change, published beside the results. */
export async function publishResponse(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	await transition(actor, id, 'participation.respond', (c) => {
		const input = parse(ResponseInput, raw);
		if (phase(c, isoDay(now)) !== 'closed') throw new Conflict('consultation_not_closed');
		return { response: input.response, responsePublishedOn: isoDay(now), status: 'closed' };
	}, manage);
}

/** Questions are frozen once answered: a new version copies the consultation into a new draft. */
export async function newVersion(actor: Actor | null, id: string): Promise<string> {
	return db().transaction(async (tx) => {
		const c = await load(tx, id);
		assertHolds(actor, manage(actor, c));
		const [row] = await tx
			.insert(consultations)
			.values({
				previousId: c.id,
				version: c.version + 1,
				title: c.title,
				purpose: c.purpose,
				ageBands: c.ageBands,
				countries: c.countries,
				regions: c.regions,
				opensOn: c.opensOn,
				closesOn: c.closesOn,
				questions: c.questions,
				freeText: c.freeText,
				liveResults: c.liveResults,
				threshold: c.threshold,
				retentionDays: c.retentionDays,
				campaignIntro: c.campaignIntro,
				status: 'draft',
				createdBy: actor.id
			})
			.returning();
		await audit.record(tx, actor, { action: 'participation.version', entityType: 'consultation', entityId: row.id, before: { from: c.id }, after: snapshot(row) });
		return row.id;
	});
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const hashCode = (code: string) => createHash('sha256').update(code.trim().toUpperCase()).digest('hex');

/** One-time class codes for an adult to hand out. Returned once in clear; only hashes are kept. */
export async function createClassCodes(actor: Actor | null, id: string, howMany: number): Promise<string[]> {
	return db().transaction(async (tx) => {
		const c = await load(tx, id);
		assertHolds(actor, manage(actor, c));
		if (!Number.isInteger(howMany) || howMany < 1 || howMany > L.codesMax) throw new ValidationError({ count: 'count_invalid' });
		const codes = [...Array(howMany)].map(() => [...randomBytes(8)].map((b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join(''));
		await tx.insert(classCodes).values(codes.map((code) => ({ codeHash: hashCode(code), consultationId: id })));
		await audit.record(tx, actor, { action: 'participation.codes', entityType: 'consultation', entityId: id, after: { count: howMany } });
		return codes;
	});
}

export interface SubmitResult {
	/** personal data was removed from free text: the child is told */
	scrubbed: boolean;
	/** words suggesting harm: the page shows the help panel. NEVER stored. */
	concern: boolean;
}

/**
 * A child sends their answers. `clientKey` is a hash of the network address made by the caller,
 * used only as the rate-limit key (the rate-limit table keeps it for at most a day); it is never
 * stored with the answers. The response row holds the answers, age band, country, optional region
 * and the day: nothing else.
 */
export async function submitAnswers(id: string, form: AnswerForm, clientKey: string, now = new Date()): Promise<SubmitResult> {
	const [c] = await db().select().from(consultations).where(eq(consultations.id, id));
	if (!c) throw new NotFound();
	const today = isoDay(now);
	if (phase(c, today) !== 'open') throw new Conflict('consultation_closed');
	const parsed = parseAnswerForm(c, form);
	await hit(ANSWER_LIMIT, createHash('sha256').update(`${id}:${clientKey}`).digest('hex'), now);
	let scrubbed = false;
	let concern = false;
	const cleaned = parsed.texts.map((t) => {
		concern ||= suggestsHarm(t.text);
		const s = scrubPersonalData(t.text);
		scrubbed ||= s.removed;
		return { ...t, text: s.text };
	});
	await db().transaction(async (tx) => {
		if (parsed.code) {
			const used = await tx
				.update(classCodes)
				.set({ usedOn: today })
				.where(and(eq(classCodes.codeHash, hashCode(parsed.code)), eq(classCodes.consultationId, id), isNull(classCodes.usedOn)))
				.returning({ h: classCodes.codeHash });
			if (!used.length) throw new ValidationError({ code: 'code_invalid' }, 'answers_invalid');
		}
		await tx.insert(responses).values({ consultationId: id, ageBand: parsed.ageBand, country: parsed.country, region: parsed.region, answers: parsed.answers, submittedOn: today });
		if (cleaned.length)
			await tx.insert(texts).values(cleaned.map((t) => ({ consultationId: id, questionId: t.questionId, ageBand: parsed.ageBand, country: parsed.country, text: t.text, submittedOn: today })));
	});
	return { scrubbed, concern };
}

/** A safeguarding moderator approves or rejects a child's free text, and may pick it as a public quote. */
export async function moderateText(actor: Actor | null, textId: string, raw: unknown): Promise<void> {
	if (!isUuid(textId)) throw new NotFound(); // a malformed id is not found, not a database error
	await db().transaction(async (tx) => {
		const [row] = await tx
			.select({ t: texts, countries: consultations.countries })
			.from(texts)
			.innerJoin(consultations, eq(consultations.id, texts.consultationId))
			.where(eq(texts.id, textId));
		if (!row) throw new NotFound();
		assertHolds(actor, can(actor, 'text.moderate', row.countries));
		const input = parse(ModerateInput, raw);
		const set = { status: input.verdict === 'approve' ? 'approved' : 'rejected', quote: input.verdict === 'approve' && input.quote, moderatedBy: actor.id };
		await tx.update(texts).set(set).where(eq(texts.id, textId));
		await audit.record(tx, actor, { action: `participation.text.${input.verdict}`, entityType: 'participation_text', entityId: textId, before: { status: row.t.status, quote: row.t.quote }, after: { status: set.status, quote: set.quote } });
	});
}

/**
 * Retention: for every consultation whose answers are past the retention period the organiser set
 * (counted from the closing day), fold the choices into a frozen aggregate kept on the consultation,
 * then delete every answer row, every free text not published as a quote, and the class codes.
 * Runs daily as the `participation.retention` job (jobs.ts), inside the job's transaction when given
 * `handle`. Returns how many were purged.
 */
export async function purgeExpiredAnswers(now = new Date(), handle: Db | Tx = db()): Promise<number> {
	const today = isoDay(now);
	const due = await handle
		.select()
		.from(consultations)
		.where(and(isNull(consultations.purgedOn), ne(consultations.status, 'draft'), lt(sql`(${consultations.closesOn} + ${consultations.retentionDays} * interval '1 day')::date`, sql`${today}::date`)));
	let purged = 0;
	for (const c of due) {
		if (phase(c, today) !== 'closed') continue;
		await handle.transaction(async (tx) => {
			const rows = await tx.select({ ageBand: responses.ageBand, country: responses.country, answers: responses.answers }).from(responses).where(eq(responses.consultationId, c.id));
			const folded = c.archivedTally ? mergeTallies(c.archivedTally as Tally, tally(c.questions, rows)) : tally(c.questions, rows);
			await tx.update(consultations).set({ archivedTally: folded, purgedOn: today }).where(eq(consultations.id, c.id));
			await tx.delete(responses).where(eq(responses.consultationId, c.id));
			await tx.delete(texts).where(and(eq(texts.consultationId, c.id), eq(texts.quote, false)));
			await tx.delete(classCodes).where(eq(classCodes.consultationId, c.id));
			await audit.record(tx, null, { action: 'participation.purge', entityType: 'consultation', entityId: c.id, after: { answers: rows.length, on: today } });
		});
		purged++;
	}
	return purged;
}

