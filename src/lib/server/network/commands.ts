// Network use cases. Applying needs no account: it is rate limited per address, counts only once
// its emailed link is used, and that private link (stored as a hash) is how the applicant answers
// questions, updates and withdraws. Each mail that carries a link replaces the token, so the newest
// mail holds the one working link. Reviewer commands ask the policy first (in the scope of the
// application's countries) and audit in the same transaction. See docs/network.md.
import { and, eq, inArray, lt, or } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { newToken, sha256 } from '../identity/crypto';
import * as mail from '../mail';
import * as cache from '../platform/cache';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import { hit } from '../platform/rate-limit';
import { parse } from '../platform/validate';
import { type ApplicationKind, type ApplicationStatus } from '../../network/vocab';
import { ContactInput, DeclineInput, ExpertInput, ExpertUpdateInput, MessageInput, PartnerInput, PartnerUpdateInput } from './input';
import * as mails from './mails';
import { can } from './policy';
import { applicationMessages, applications } from './schema';

type ApplicationRow = typeof applications.$inferSelect;

export const APPLY_LIMIT = { name: 'network_apply', max: 5, windowSeconds: 3600 };
export const APPLY_IP_LIMIT = { name: 'network_apply_ip', max: 20, windowSeconds: 3600 };
export const CONTACT_LIMIT = { name: 'network_contact', max: 5, windowSeconds: 3600 };
export const CONTACT_PROFILE_LIMIT = { name: 'network_contact_profile', max: 30, windowSeconds: 86_400 };
export const ANSWER_LIMIT = { name: 'network_answer', max: 20, windowSeconds: 3600 };

export interface RequestContext {
	/** the visitor's address, for the per-address rate limit (hashed, never stored) */
	ip?: string;
	now?: Date;
}

const TOKEN = /^[A-Za-z0-9_-]{20,100}$/;

interface Columns {
	name: string;
	sector: string | null;
	contactName: string | null;
	fields: string[];
	topics: string[];
	countries: string[];
	languages: string[];
	about: string;
	links: string[];
	publicFields: string[];
}

function columns(kind: ApplicationKind, input: Omit<PartnerInput, 'email' | 'locale'> | Omit<ExpertInput, 'email' | 'locale'>): Columns {
	if (kind === 'partner') {
		const p = input as Omit<PartnerInput, 'email' | 'locale'>;
		return { name: p.name, sector: p.sector, countries: p.countries, languages: p.languages, topics: p.topics as string[], about: p.about, contactName: p.contactName, fields: [], links: [], publicFields: [] };
	}
	const e = input as Omit<ExpertInput, 'email' | 'locale'>;
	return { name: e.name, fields: e.fields, topics: e.topics as string[], countries: e.countries, languages: e.languages, about: e.about, links: e.links, publicFields: e.publicFields, sector: null, contactName: null };
}

/**
 * An organisation or a person applies (no account needed). Nothing reaches the review queue until
 * the emailed link is used. Returns the private token (only ever sent by email; tests read it here).
 */
export async function applyToNetwork(kind: ApplicationKind, raw: unknown, ctx: RequestContext = {}): Promise<{ id: string; token: string }> {
	if (kind !== 'partner' && kind !== 'expert') throw new NotFound();
	const now = ctx.now ?? new Date();
	const input = kind === 'partner' ? parse(PartnerInput, raw) : parse(ExpertInput, raw);
	await hit(APPLY_LIMIT, sha256(input.email));
	if (ctx.ip) await hit(APPLY_IP_LIMIT, sha256(ctx.ip));
	const token = newToken();
	const id = await db().transaction(async (tx) => {
		const [a] = await tx
			.insert(applications)
			.values({ kind, ...columns(kind, input), aboutLang: input.locale, email: input.email, locale: input.locale, tokenHash: sha256(token), createdAt: now, updatedAt: now })
			.returning();
		await mail.enqueue(tx, mails.confirmMail(a, token));
		await audit.record(tx, null, { action: 'network.apply', entityType: 'network_application', entityId: a.id, after: { kind, countries: a.countries } });
		return a.id;
	});
	mail.deliverSoon();
	return { id, token };
}

async function byToken(tx: Db | Tx, token: string, lock = true): Promise<ApplicationRow> {
	if (typeof token !== 'string' || !TOKEN.test(token)) throw new NotFound();
	const q = tx.select().from(applications).where(eq(applications.tokenHash, sha256(token)));
	const [a] = lock ? await q.for('update') : await q;
	if (!a) throw new NotFound();
	return a;
}

/** The applicant uses their private link for the first time: the application enters the review queue. */
export async function confirmApplication(token: string, now = new Date()): Promise<ApplicationStatus> {
	return db().transaction(async (tx) => {
		const a = await byToken(tx, token);
		if (a.status !== 'unconfirmed') return a.status as ApplicationStatus;
		await tx.update(applications).set({ status: 'pending', emailConfirmedAt: now, updatedAt: now }).where(eq(applications.id, a.id));
		await audit.record(tx, null, { action: 'network.confirm', entityType: 'network_application', entityId: a.id, before: { status: a.status }, after: { status: 'pending' } });
		return 'pending';
	});
}

/** The applicant answers a reviewer's question through the private link; the application goes back to the queue. */
export async function answerQuestion(token: string, raw: unknown, ctx: RequestContext = {}): Promise<void> {
	const now = ctx.now ?? new Date();
	const input = parse(MessageInput, raw);
	if (typeof token === 'string' && TOKEN.test(token)) await hit(ANSWER_LIMIT, sha256(token));
	await db().transaction(async (tx) => {
		const a = await byToken(tx, token);
		if (a.status !== 'needs_info' && a.status !== 'pending') throw new Conflict('network_not_in_review');
		await tx.insert(applicationMessages).values({ applicationId: a.id, author: 'applicant', body: input.body, createdAt: now });
		await tx.update(applications).set({ status: 'pending', updatedAt: now }).where(eq(applications.id, a.id));
		await audit.record(tx, null, { action: 'network.answer', entityType: 'network_application', entityId: a.id, before: { status: a.status }, after: { status: 'pending' } });
	});
}

/** The owner changes their application or listed profile (the address stays; a new one means a new application). */
export async function updateApplication(token: string, raw: unknown, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const a = await byToken(tx, token);
		if (a.status === 'declined' || a.status === 'withdrawn') throw new Conflict('network_application_closed');
		const kind = a.kind as ApplicationKind;
		const input = kind === 'partner' ? parse(PartnerUpdateInput, raw) : parse(ExpertUpdateInput, raw);
		const values = columns(kind, input);
		await tx.update(applications).set({ ...values, updatedAt: now }).where(eq(applications.id, a.id));
		if (a.status === 'accepted') await cache.invalidate(tx, 'network'); // a listed profile changed
		await audit.record(tx, null, { action: 'network.update', entityType: 'network_application', entityId: a.id, after: { countries: values.countries, status: a.status } });
	});
}

/** The owner withdraws: a listed profile disappears from the directory and the open data at once. */
export async function withdrawApplication(token: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const a = await byToken(tx, token);
		if (a.status === 'withdrawn') return;
		await tx.update(applications).set({ status: 'withdrawn', updatedAt: now }).where(eq(applications.id, a.id));
		if (a.status === 'accepted') await cache.invalidate(tx, 'network'); // leaves the directory
		await audit.record(tx, null, { action: 'network.withdraw', entityType: 'network_application', entityId: a.id, before: { status: a.status } });
	});
}

/**
 * A signed-in person asks for the private link of an application confirmed from their account's
 * address: a new token goes by mail to that address (the page never shows it).
 */
export async function sendPrivateLink(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	assertHolds(actor, !!actor);
	if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound();
	await hit(APPLY_LIMIT, sha256(actor.email.toLowerCase()));
	await db().transaction(async (tx) => {
		const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
		if (!a || !a.emailConfirmedAt || a.email.toLowerCase() !== actor.email.toLowerCase() || a.status === 'withdrawn') throw new NotFound();
		const token = newToken();
		const [after] = await tx.update(applications).set({ tokenHash: sha256(token), updatedAt: now }).where(eq(applications.id, a.id)).returning();
		await mail.enqueue(tx, mails.linkMail(after, token));
		await audit.record(tx, actor, { action: 'network.send_link', entityType: 'network_application', entityId: a.id });
	});
	mail.deliverSoon();
}

// ---- review -------------------------------------------------------------------------------------

/** Locks an application a reviewer may review; out of their scope it does not exist for them. */
async function forReviewer(tx: Db | Tx, actor: Actor | null, id: string): Promise<ApplicationRow> {
	assertHolds(actor, !!actor);
	if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound();
	const [a] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
	if (!a || a.status === 'unconfirmed' || !can(actor, 'applications.view', a.countries)) throw new NotFound();
	assertHolds(actor, can(actor, 'applications.review', a.countries));
	return a;
}

/** A reviewer asks the applicant for more; the applicant gets the question and a fresh private link. */
export async function askApplicant(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const a = await forReviewer(tx, actor, id);
		const input = parse(MessageInput, raw); // read once the reviewer may act on this application
		if (a.status !== 'pending' && a.status !== 'needs_info') throw new Conflict('network_not_in_review');
		const token = newToken();
		await tx.insert(applicationMessages).values({ applicationId: a.id, author: 'reviewer', reviewerId: actor!.id, body: input.body, createdAt: now });
		const [after] = await tx.update(applications).set({ status: 'needs_info', tokenHash: sha256(token), updatedAt: now }).where(eq(applications.id, a.id)).returning();
		await mail.enqueue(tx, mails.questionMail(after, input.body, token));
		await audit.record(tx, actor, { action: 'network.ask', entityType: 'network_application', entityId: a.id, before: { status: a.status }, after: { status: 'needs_info' } });
	});
	mail.deliverSoon();
}

/** A reviewer accepts: the profile is listed at once, and its owner gets a link to update or withdraw it. */
export async function acceptApplication(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const a = await forReviewer(tx, actor, id);
		if (a.status !== 'pending' && a.status !== 'needs_info') throw new Conflict('network_not_in_review');
		const token = newToken();
		const [after] = await tx
			.update(applications)
			.set({ status: 'accepted', tokenHash: sha256(token), decidedBy: actor!.id, decidedAt: now, declineReason: null, updatedAt: now })
			.where(eq(applications.id, a.id))
			.returning();
		await mail.enqueue(tx, mails.acceptedMail(after, token));
		await cache.invalidate(tx, 'network');
		await audit.record(tx, actor, { action: 'network.accept', entityType: 'network_application', entityId: a.id, before: { status: a.status }, after: { status: 'accepted' } });
	});
	mail.deliverSoon();
}

/** A reviewer declines with a reason, which the applicant is told. */
export async function declineApplication(actor: Actor | null, id: string, raw: unknown, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const a = await forReviewer(tx, actor, id);
		const input = parse(DeclineInput, raw); // read once the reviewer may act on this application
		if (a.status !== 'pending' && a.status !== 'needs_info' && a.status !== 'accepted') throw new Conflict('network_not_in_review');
		const [after] = await tx
			.update(applications)
			.set({ status: 'declined', declineReason: input.reason, decidedBy: actor!.id, decidedAt: now, updatedAt: now })
			.where(eq(applications.id, a.id))
			.returning();
		await mail.enqueue(tx, mails.declinedMail(after));
		await cache.invalidate(tx, 'network');
		await audit.record(tx, actor, { action: 'network.decline', entityType: 'network_application', entityId: a.id, before: { status: a.status }, after: { status: 'declined', reason: input.reason } });
	});
	mail.deliverSoon();
}

// ---- contact --------------------------------------------------------------------------------------

/**
 * A visitor writes to a listed partner or expert. The message is relayed by mail (with the sender's
 * address, so the owner may answer); the owner's address is never shown. Rate limited per sender
 * address, per network address and per profile.
 */
export async function contactMember(id: string, raw: unknown, ctx: RequestContext = {}): Promise<void> {
	const input = parse(ContactInput, raw);
	if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound();
	await hit(CONTACT_LIMIT, sha256(input.email));
	if (ctx.ip) await hit(CONTACT_LIMIT, sha256(`ip:${ctx.ip}`));
	await hit(CONTACT_PROFILE_LIMIT, id);
	await db().transaction(async (tx) => {
		const [a] = await tx.select().from(applications).where(and(eq(applications.id, id), eq(applications.status, 'accepted')));
		if (!a) throw new NotFound();
		await mail.enqueue(tx, mails.contactMail(a, input));
		// who wrote and what stays out of the audit log: it records only that a message was relayed
		await audit.record(tx, null, { action: 'network.contact', entityType: 'network_application', entityId: a.id });
	});
	mail.deliverSoon();
}

// ---- retention ----------------------------------------------------------------------------------

/** Days after which declined and withdrawn applications are erased, with their thread. */
export const RETENTION_DAYS = 180; // default of RETENTION_NETWORK_APPLICATIONS_DAYS (platform/retention.ts)
/** Days after which an application whose email was never confirmed is erased. */
export const UNCONFIRMED_DAYS = 30;

/** Erases declined and withdrawn applications older than the retention period, and stale unconfirmed ones. */
export async function eraseClosedApplications(tx: Db | Tx, now = new Date(), closedBefore = new Date(now.getTime() - RETENTION_DAYS * 86_400_000)): Promise<number> {
	const unconfirmedBefore = new Date(now.getTime() - UNCONFIRMED_DAYS * 86_400_000);
	const rows = await tx
		.delete(applications)
		.where(
			or(
				and(inArray(applications.status, ['declined', 'withdrawn']), lt(applications.updatedAt, closedBefore)),
				and(eq(applications.status, 'unconfirmed'), lt(applications.createdAt, unconfirmedBefore))
			)
		)
		.returning({ id: applications.id });
	if (rows.length) await audit.record(tx, null, { action: 'network.erase', entityType: 'network_application', entityId: 'retention', after: { applications: rows.length } });
	return rows.length;
}


