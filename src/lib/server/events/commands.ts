// Events use cases. Organiser commands authorise first (policy.ts, in the event's scope) and write
// the audit log in the same transaction. Registration needs no account: it is rate limited, counts
// only once its email link is used, and every change to seats happens with the event row locked
// (SELECT ... FOR UPDATE), so seats are never oversold whatever the concurrency. Waiting-list rules:
// docs/events.md.
import * as cache from '../platform/cache';
import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { newToken, sha256 } from '../identity/crypto';
import * as mail from '../mail';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import * as jobs from '../platform/jobs';
import { hit } from '../platform/rate-limit';
import { parse } from '../platform/validate';
import { SEAT_TAKING, type RegistrationStatus } from '../../events/vocab';
import { CancelInput, EventInput, MessageInput, RegisterInput, UpdateRegistrationInput } from './input';
import * as mails from './mails';
import { can, eventTarget } from './policy';
import { events, registrations } from './schema';
import { zonedToUtc } from './time';

type EventRow = typeof events.$inferSelect;
type RegistrationRow = typeof registrations.$inferSelect;

export const REGISTER_LIMIT = { name: 'events_register', max: 10, windowSeconds: 3600 };
export const REGISTER_IP_LIMIT = { name: 'events_register_ip', max: 60, windowSeconds: 3600 };

/** Statuses that end a registration. */
const ENDED: RegistrationStatus[] = ['cancelled', 'rejected', 'expired'];

// ---- events -----------------------------------------------------------------------------------

/** Input -> column values, converting wall-clock times in the event's zone to instants. */
function toColumns(input: EventInput) {
	const startsAt = zonedToUtc(input.start, input.timeZone);
	const endsAt = zonedToUtc(input.end, input.timeZone);
	if (!startsAt) throw new ValidationError({ start: 'time_invalid' });
	if (!endsAt) throw new ValidationError({ end: 'time_invalid' });
	if (endsAt <= startsAt) throw new ValidationError({ end: 'events_end_before_start' });
	const opensAt = input.opens ? zonedToUtc(input.opens, input.timeZone) : null;
	const closesAt = input.closes ? zonedToUtc(input.closes, input.timeZone) : null;
	if (input.opens && !opensAt) throw new ValidationError({ opens: 'time_invalid' });
	if (input.closes && !closesAt) throw new ValidationError({ closes: 'time_invalid' });
	if (opensAt && closesAt && closesAt <= opensAt) throw new ValidationError({ closes: 'events_end_before_start' });
	const online = input.mode === 'online';
	return {
		title: input.title,
		description: input.description,
		kind: input.kind,
		audiences: [...new Set(input.audiences)],
		topics: [...new Set(input.topics)],
		areas: [...new Set(input.areas)],
		languages: [...new Set(input.languages)],
		startsAt,
		endsAt,
		timeZone: input.timeZone,
		mode: input.mode,
		venue: online ? null : input.venue,
		city: online ? null : input.city,
		country: input.country,
		region: input.country ? null : input.region,
		onlineUrl: online ? input.onlineUrl : null,
		seats: input.seats,
		registrationOpensAt: opensAt,
		registrationClosesAt: closesAt,
		childMinAge: input.childMinAge,
		childMaxAge: input.childMaxAge,
		moderated: input.moderated,
		holdHours: input.holdHours,
		reminders: [...new Set(input.reminders)],
		questions: input.questions.map((q) => ({ ...q, options: q.kind === 'choice' ? q.options : undefined })),
		safeguardingContact: input.safeguardingContact,
		materials: input.materials
	};
}

/** Locks an event row to change it or its seats; cached public event pages are dropped (on commit). */
async function lockEvent(tx: Db | Tx, id: string): Promise<EventRow> {
	const [row] = await tx.select().from(events).where(eq(events.id, id)).for('update');
	if (!row) throw new NotFound();
	await cache.invalidate(tx, 'events');
	return row;
}

/** An organiser creates a draft event in a scope their grant covers. */
export async function createEvent(actor: Actor | null, raw: unknown, options: { isDemo?: boolean } = {}): Promise<string> {
	// an organiser somewhere before the form is read (the event's scope is in the form)
	assertHolds(actor, can(actor, 'workspace.enter'));
	const input = parse(EventInput, raw);
	const values = toColumns(input);
	assertHolds(actor, can(actor, 'event.create', eventTarget(values)));
	return db().transaction(async (tx) => {
		const [row] = await tx.insert(events).values({ ...values, createdBy: actor.id, isDemo: options.isDemo ?? false }).returning({ id: events.id });
		await audit.record(tx, actor, { action: 'event.create', entityType: 'event', entityId: row.id, after: { ...values, startsAt: values.startsAt.toISOString() } });
		return row.id;
	});
}

const MATERIAL = ['startsAt', 'endsAt', 'timeZone', 'mode', 'venue', 'city', 'country', 'onlineUrl'] as const;

/**
 * Changes an event. When a published event's time or place changes, everyone registered is told;
 * more seats go at once to the waiting list; reminders follow the new time.
 */
export async function updateEvent(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	assertHolds(actor, !!actor);
	await db().transaction(async (tx) => {
		// authorise on the event as it is before reading the form, then on the scope it moves to
		const before = await lockEvent(tx, id);
		assertHolds(actor, can(actor, 'event.edit', eventTarget(before)));
		const values = toColumns(parse(EventInput, raw));
		assertHolds(actor, can(actor, 'event.edit', eventTarget(values)));
		if (before.status === 'cancelled') throw new Conflict('events_cancelled');
		const [after] = await tx.update(events).set({ ...values, updatedAt: now }).where(eq(events.id, id)).returning();
		const changed = MATERIAL.filter((k) => String(before[k] instanceof Date ? (before[k] as Date).getTime() : before[k]) !== String(after[k] instanceof Date ? (after[k] as Date).getTime() : after[k]));
		if (after.status === 'published') {
			if (changed.length) {
				for (const r of await active(tx, id, ['confirmed', 'pending', 'held', 'waiting'])) await mail.enqueue(tx, mails.changedMail(after, r));
			}
			await promote(tx, after, now);
			await scheduleReminders(tx, after);
			await scheduleRetention(tx, after);
		}
		await audit.record(tx, actor, { action: 'event.update', entityType: 'event', entityId: id, before: { changed }, after: { ...values, startsAt: values.startsAt.toISOString() } });
	});
	mail.deliverSoon();
}

/** Publishes a draft: it appears on /events and opens for registration (within its window). */
export async function publishEvent(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const e = await lockEvent(tx, id);
		assertHolds(actor, can(actor, 'event.edit', eventTarget(e)));
		if (e.status !== 'draft') throw new Conflict('events_not_draft');
		const [after] = await tx.update(events).set({ status: 'published', publishedAt: now, updatedAt: now }).where(eq(events.id, id)).returning();
		await scheduleReminders(tx, after);
		await scheduleRetention(tx, after);
		await audit.record(tx, actor, { action: 'event.publish', entityType: 'event', entityId: id });
	});
}

/** Cancels an event; everyone registered or waiting is told, reminders are dropped. */
export async function cancelEvent(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	const input = parse(CancelInput, raw ?? {});
	await db().transaction(async (tx) => {
		const e = await lockEvent(tx, id);
		assertHolds(actor, can(actor, 'event.edit', eventTarget(e)));
		if (e.status === 'cancelled') throw new Conflict('events_cancelled');
		const [after] = await tx.update(events).set({ status: 'cancelled', cancelledAt: now, cancelReason: input.reason || null, updatedAt: now }).where(eq(events.id, id)).returning();
		if (e.status === 'published') for (const r of await active(tx, id, ['unconfirmed', 'confirmed', 'pending', 'held', 'waiting'])) await mail.enqueue(tx, mails.eventCancelledMail(after, r));
		await jobs.unschedule(tx, `events.reminder:${id}:`);
		await audit.record(tx, actor, { action: 'event.cancel', entityType: 'event', entityId: id, after: { reason: input.reason } });
	});
	mail.deliverSoon();
}

async function active(tx: Db | Tx, eventId: string, statuses: RegistrationStatus[]): Promise<RegistrationRow[]> {
	return tx.select().from(registrations).where(and(eq(registrations.eventId, eventId), inArray(registrations.status, statuses))).orderBy(asc(registrations.seq));
}

// ---- seats --------------------------------------------------------------------------------------

/** Places taken out of the event's seats (confirmed, awaiting approval, held for the next in line). */
export async function placesTaken(tx: Db | Tx, eventId: string): Promise<number> {
	const [row] = await tx
		.select({ n: sql<number>`coalesce(sum(${registrations.places}), 0)::int` })
		.from(registrations)
		.where(and(eq(registrations.eventId, eventId), inArray(registrations.status, [...SEAT_TAKING])));
	return row?.n ?? 0;
}

/**
 * Offers free seats to the waiting list, strictly in order: the first in line gets a hold (for
 * the event's holdHours) when their whole group fits; if it does not, nobody behind them jumps
 * the queue. Call with the event row locked.
 */
async function promote(tx: Db | Tx, e: EventRow, now: Date): Promise<void> {
	if (e.status !== 'published' || e.startsAt <= now) return;
	let free = e.seats - (await placesTaken(tx, e.id));
	for (const w of await active(tx, e.id, ['waiting'])) {
		if (w.places > free) break;
		const heldUntil = new Date(Math.min(now.getTime() + e.holdHours * 3_600_000, e.startsAt.getTime()));
		const [held] = await tx.update(registrations).set({ status: 'held', heldUntil, updatedAt: now }).where(eq(registrations.id, w.id)).returning();
		free -= w.places;
		await mail.enqueue(tx, mails.statusMail(e, held, null));
		await jobs.schedule(tx, { kind: 'events.hold-expiry', key: `events.hold:${w.id}:${heldUntil.getTime()}`, runAt: heldUntil, payload: { registrationId: w.id } });
	}
}

/** Where a newly confirmed registration goes: a seat (or approval) if it fits and nobody waits, else the list. */
async function place(tx: Db | Tx, e: EventRow, r: RegistrationRow): Promise<RegistrationStatus> {
	const waiting = await active(tx, e.id, ['waiting']);
	const free = e.seats - (await placesTaken(tx, e.id));
	if (waiting.length === 0 && r.places <= free) return e.moderated ? 'pending' : 'confirmed';
	return 'waiting';
}

// ---- registration -------------------------------------------------------------------------------

export interface RegisterContext {
	/** the visitor's address, for the per-address rate limit (hashed, never stored) */
	ip?: string;
	now?: Date;
}

/** Is the event taking registrations at `now`? */
export function registrationOpen(e: Pick<EventRow, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'startsAt'>, now: Date): boolean {
	if (e.status !== 'published') return false;
	if (e.registrationOpensAt && now < e.registrationOpensAt) return false;
	if (e.registrationClosesAt && now > e.registrationClosesAt) return false;
	return now < e.startsAt;
}

/** Checks answers against the event's questions; returns only answers to known questions. */
function checkAnswers(e: EventRow, answers: Record<string, string>): Record<string, string> {
	const out: Record<string, string> = {};
	const fields: Record<string, string> = {};
	for (const q of e.questions) {
		const a = (Object.hasOwn(answers, q.id) ? answers[q.id] : '').trim();
		if (q.kind === 'consent') {
			if (a && a !== 'yes') fields[`q_${q.id}`] = 'invalid_value';
			else if (q.required && !a) fields[`q_${q.id}`] = 'events_consent_required';
			if (a) out[q.id] = 'yes';
			continue;
		}
		if (q.kind === 'choice' && a && !/^\d{1,2}$/.test(a)) fields[`q_${q.id}`] = 'invalid_value';
		else if (q.kind === 'choice' && a && Number(a) >= (q.options?.length ?? 0)) fields[`q_${q.id}`] = 'invalid_value';
		else if (q.required && !a) fields[`q_${q.id}`] = 'text_required';
		if (a) out[q.id] = a;
	}
	if (Object.keys(fields).length) throw new ValidationError(fields);
	return out;
}

/**
 * Someone registers (no account needed): themselves, or a group of adults and children given by
 * ages only. Nothing counts until the emailed link is used (`confirmRegistration`).
 * Returns the private token (only ever sent by email; tests read it here).
 */
export async function registerForEvent(actor: Actor | null, eventId: string, raw: unknown, ctx: RegisterContext = {}): Promise<{ id: string; token: string }> {
	const now = ctx.now ?? new Date();
	const input = parse(RegisterInput, raw);
	await hit(REGISTER_LIMIT, sha256(input.email));
	if (ctx.ip) await hit(REGISTER_IP_LIMIT, sha256(ctx.ip));
	const [e] = await db().select().from(events).where(eq(events.id, eventId));
	if (!e || e.status === 'draft') throw new NotFound();
	if (e.status === 'cancelled') throw new Conflict('events_cancelled');
	if (!registrationOpen(e, now)) throw new Conflict('events_registration_closed');
	if (input.childAges.length) {
		if (e.childMinAge === null || e.childMaxAge === null) throw new ValidationError({ childAges: 'events_no_children' });
		const outside = input.childAges.filter((a) => a < e.childMinAge! || a > e.childMaxAge!);
		if (outside.length) throw new ValidationError({ childAges: 'events_ages_out_of_range' }, 'events_ages_out_of_range');
		if (!input.childConsent) throw new ValidationError({ childConsent: 'events_consent_required' });
	}
	const answers = checkAnswers(e, input.answers);
	const places = input.adults + input.childAges.length;
	if (places > e.seats) throw new ValidationError({ adults: 'events_group_too_large' });
	const token = newToken();
	const id = await db().transaction(async (tx) => {
		await cache.invalidate(tx, 'events'); // places left
		const [r] = await tx
			.insert(registrations)
			.values({
				eventId,
				name: input.name,
				email: input.email,
				locale: input.locale,
				userId: actor?.id ?? null,
				adults: input.adults,
				childAges: input.childAges,
				places,
				answers,
				childConsentAt: input.childAges.length ? now : null,
				tokenHash: sha256(token),
				createdAt: now,
				updatedAt: now
			})
			.returning();
		await mail.enqueue(tx, mails.confirmEmailMail(e, r, token));
		await audit.record(tx, actor, { action: 'registration.create', entityType: 'event_registration', entityId: r.id, after: { eventId, places, children: input.childAges.length } });
		return r.id;
	});
	mail.deliverSoon();
	return { id, token };
}

async function byToken(tx: Db | Tx, token: string): Promise<RegistrationRow> {
	if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new NotFound();
	const [r] = await tx.select().from(registrations).where(eq(registrations.tokenHash, sha256(token)));
	if (!r) throw new NotFound();
	return r;
}

/**
 * The registrant uses their private link: an unconfirmed registration takes its place (a seat,
 * approval, or the waiting list); a held seat becomes theirs. Anything else is left as it is.
 */
export async function confirmRegistration(token: string, now = new Date()): Promise<RegistrationStatus> {
	const status = await db().transaction(async (tx) => {
		const found = await byToken(tx, token);
		const e = await lockEvent(tx, found.eventId);
		const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
		if (e.status === 'cancelled') throw new Conflict('events_cancelled');
		if (r.status === 'held' && r.heldUntil && r.heldUntil <= now) {
			await expire(tx, e, r, now);
			return 'expired' as const;
		}
		let next: RegistrationStatus;
		if (r.status === 'unconfirmed') {
			if (e.startsAt <= now) throw new Conflict('events_registration_closed');
			next = await place(tx, e, r);
			await tx
				.update(registrations)
				.set({ status: next, emailConfirmedAt: now, updatedAt: now, seq: sql`nextval(pg_get_serial_sequence('events_registrations', 'seq'))` })
				.where(eq(registrations.id, r.id));
		} else if (r.status === 'held') {
			next = e.moderated ? 'pending' : 'confirmed';
			await tx.update(registrations).set({ status: next, heldUntil: null, updatedAt: now }).where(eq(registrations.id, r.id));
		} else return r.status as RegistrationStatus;
		const [after] = await tx.select().from(registrations).where(eq(registrations.id, r.id));
		await mail.enqueue(tx, mails.statusMail(e, after, mails.manageLink(token, r.locale)));
		await audit.record(tx, null, { action: 'registration.confirm', entityType: 'event_registration', entityId: r.id, before: { status: r.status }, after: { status: next } });
		return next;
	});
	mail.deliverSoon();
	return status;
}

/** Changes the registrant's name and answers (places are changed by cancelling and registering again). */
export async function updateRegistration(token: string, raw: unknown, now = new Date()): Promise<void> {
	const input = parse(UpdateRegistrationInput, raw);
	await db().transaction(async (tx) => {
		const r = await byToken(tx, token);
		if (ENDED.includes(r.status as RegistrationStatus)) throw new Conflict('events_registration_ended');
		const [e] = await tx.select().from(events).where(eq(events.id, r.eventId));
		const answers = checkAnswers(e, input.answers);
		await tx.update(registrations).set({ name: input.name, answers, updatedAt: now }).where(eq(registrations.id, r.id));
		await audit.record(tx, null, { action: 'registration.update', entityType: 'event_registration', entityId: r.id });
	});
}

/** The registrant cancels; their places go at once to the next in line. */
export async function cancelRegistration(token: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const found = await byToken(tx, token);
		const e = await lockEvent(tx, found.eventId);
		const [r] = await tx.select().from(registrations).where(eq(registrations.id, found.id));
		if (ENDED.includes(r.status as RegistrationStatus)) return;
		await tx.update(registrations).set({ status: 'cancelled', heldUntil: null, updatedAt: now }).where(eq(registrations.id, r.id));
		await audit.record(tx, null, { action: 'registration.cancel', entityType: 'event_registration', entityId: r.id, before: { status: r.status } });
		// a freed seat, or a head of the line that no longer blocks smaller requests behind it
		if (SEAT_TAKING.includes(r.status as RegistrationStatus) || r.status === 'waiting') await promote(tx, e, now);
	});
	mail.deliverSoon();
}

async function expire(tx: Db | Tx, e: EventRow, r: RegistrationRow, now: Date): Promise<void> {
	const [after] = await tx.update(registrations).set({ status: 'expired', heldUntil: null, updatedAt: now }).where(eq(registrations.id, r.id)).returning();
	await mail.enqueue(tx, mails.statusMail(e, after, null));
	await audit.record(tx, null, { action: 'registration.expire', entityType: 'event_registration', entityId: r.id });
	await promote(tx, e, now);
}

/** Ends holds not confirmed in time and passes their seats on. Run by the job runner; safe to repeat. */
export async function expireHolds(now = new Date(), tx?: Tx): Promise<number> {
	const run = async (t: Db | Tx) => {
		const due = await t
			.select({ id: registrations.id, eventId: registrations.eventId })
			.from(registrations)
			.where(and(eq(registrations.status, 'held'), lte(registrations.heldUntil, now)))
			.orderBy(asc(registrations.seq));
		let n = 0;
		for (const d of due) {
			const e = await lockEvent(t, d.eventId);
			const [r] = await t.select().from(registrations).where(eq(registrations.id, d.id));
			if (r.status !== 'held' || !r.heldUntil || r.heldUntil > now) continue;
			await expire(t, e, r, now);
			n++;
		}
		return n;
	};
	return tx ? run(tx) : db().transaction(run);
}

// ---- organiser's work on registrations ----------------------------------------------------------

async function registrationForOrganiser(tx: Db | Tx, actor: Actor | null, id: string): Promise<{ e: EventRow; r: RegistrationRow }> {
	assertHolds(actor, !!actor);
	const [found] = await tx.select().from(registrations).where(eq(registrations.id, id));
	if (!found) throw new NotFound();
	const e = await lockEvent(tx, found.eventId);
	if (!can(actor, 'registrations.manage', eventTarget(e))) throw new NotFound();
	const [r] = await tx.select().from(registrations).where(eq(registrations.id, id));
	return { e, r };
}

/** Approves or rejects a registration awaiting moderation; a rejection frees its places. */
export async function decideRegistration(actor: Actor | null, id: string, decision: 'approve' | 'reject', now = new Date()): Promise<void> {
	if (decision !== 'approve' && decision !== 'reject') throw new ValidationError({ decision: 'invalid_value' });
	await db().transaction(async (tx) => {
		const { e, r } = await registrationForOrganiser(tx, actor, id);
		if (r.status !== 'pending' && !(decision === 'reject' && ['confirmed', 'waiting', 'held'].includes(r.status))) throw new Conflict('events_not_pending');
		const next = decision === 'approve' ? 'confirmed' : 'rejected';
		const [after] = await tx.update(registrations).set({ status: next, heldUntil: null, updatedAt: now }).where(eq(registrations.id, id)).returning();
		await mail.enqueue(tx, mails.statusMail(e, after, null));
		await audit.record(tx, actor, { action: `registration.${decision}`, entityType: 'event_registration', entityId: id, before: { status: r.status }, after: { status: next } });
		if (next === 'rejected') await promote(tx, e, now);
	});
	mail.deliverSoon();
}

/** Marks a confirmed participant present (or not) on the day. */
export async function setAttendance(actor: Actor | null, id: string, present: boolean, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const { r } = await registrationForOrganiser(tx, actor, id);
		if (r.status !== 'confirmed') throw new Conflict('events_not_confirmed');
		await tx.update(registrations).set({ checkedInAt: present ? now : null, updatedAt: now }).where(eq(registrations.id, id));
		await audit.record(tx, actor, { action: present ? 'registration.check_in' : 'registration.check_out', entityType: 'event_registration', entityId: id });
	});
}

/** Writes one message to every confirmed, pending and held participant (not the waiting list). */
export async function messageParticipants(actor: Actor | null, eventId: string, raw: unknown): Promise<number> {
	const n = await db().transaction(async (tx) => {
		assertHolds(actor, !!actor);
		const e = await lockEvent(tx, eventId);
		if (!can(actor, 'registrations.manage', eventTarget(e))) throw new NotFound();
		const input = parse(MessageInput, raw);
		const to = await active(tx, eventId, ['confirmed', 'pending', 'held']);
		for (const r of to) await mail.enqueue(tx, mails.organiserMessageMail(e, r, input.subject, input.body));
		await audit.record(tx, actor, { action: 'event.message', entityType: 'event', entityId: eventId, after: { subject: input.subject, recipients: to.length } });
		return to.length;
	});
	mail.deliverSoon();
	return n;
}

// ---- reminders ----------------------------------------------------------------------------------

/** One job per reminder time; the key names the start, so a moved event gets new jobs and old ones do nothing. */
async function scheduleReminders(tx: Db | Tx, e: EventRow): Promise<void> {
	await jobs.unschedule(tx, `events.reminder:${e.id}:`);
	for (const minutes of e.reminders) {
		const runAt = new Date(e.startsAt.getTime() - minutes * 60_000);
		await jobs.schedule(tx, { kind: 'events.reminder', key: `events.reminder:${e.id}:${minutes}:${e.startsAt.getTime()}`, runAt, payload: { eventId: e.id, startsAt: e.startsAt.toISOString(), minutes } });
	}
}

export { scheduleReminders as _scheduleReminders };

/** The registrations as CSV for the organiser; the export of personal data is audited. */
export async function exportRegistrations(actor: Actor | null, eventId: string): Promise<string> {
	const { eventForOrganiser } = await import('./queries');
	const { registrationsCsv } = await import('./present');
	const { event, registrations: regs } = await eventForOrganiser(actor, eventId);
	await audit.record(db(), actor, { action: 'event.export', entityType: 'event', entityId: eventId, after: { rows: regs.length } });
	return registrationsCsv(event, regs);
}

// ---- retention ----------------------------------------------------------------------------------

/** Days after an event's end at which its registrations' personal data is erased. */
export const RETENTION_DAYS = Number(process.env.EVENTS_RETENTION_DAYS ?? 90);

async function scheduleRetention(tx: Db | Tx, e: EventRow): Promise<void> {
	await jobs.unschedule(tx, `events.retention:${e.id}:`);
	const runAt = new Date(e.endsAt.getTime() + RETENTION_DAYS * 86_400_000);
	await jobs.schedule(tx, { kind: 'events.retention', key: `events.retention:${e.id}:${e.endsAt.getTime()}`, runAt, payload: { eventId: e.id } });
}

/**
 * Erases who registered for an event (names, addresses, answers, children's ages), keeping only
 * counts, statuses and attendance. Certificates keep only a salted hash of the address.
 */
export async function eraseRegistrations(tx: Db | Tx, eventId: string, now = new Date()): Promise<number> {
	const [e] = await tx.select({ endsAt: events.endsAt }).from(events).where(eq(events.id, eventId));
	if (!e || e.endsAt.getTime() + RETENTION_DAYS * 86_400_000 > now.getTime()) return 0;
	const rows = await tx
		.update(registrations)
		.set({ name: '', email: '', answers: {}, childAges: sql`(select coalesce(jsonb_agg(0), '[]'::jsonb) from jsonb_array_elements(${registrations.childAges}))`, userId: null, updatedAt: now })
		.where(and(eq(registrations.eventId, eventId), sql`${registrations.email} <> ''`))
		.returning({ id: registrations.id });
	if (rows.length) await audit.record(tx, null, { action: 'event.erase_registrations', entityType: 'event', entityId: eventId, after: { registrations: rows.length } });
	return rows.length;
}
