// Reads: public lists and pages (published events only), a registration by its private token,
// a signed-in person's registrations, and the organiser's scoped views.
import { and, asc, desc, eq, gte, inArray, isNotNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { ITU_REGION_MEMBERS, type RegionId } from '../../geo';
import { db } from '../db';
import { assertHolds, type Actor } from '../identity';
import { sha256 } from '../identity/crypto';
import { NotFound } from '../platform/errors';
import { SEAT_TAKING } from '../../events/vocab';
import type { ListQuery } from './input';
import { can, eventTarget, visibleScope } from './policy';
import { events, registrations } from './schema';

export type EventRow = typeof events.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;

export const PAGE_SIZE = 20;

const jsonHas = (col: unknown, value: string) => sql`${col} @> ${JSON.stringify([value])}::jsonb`;

function inRegion(region: string): SQL {
	const members = ITU_REGION_MEMBERS[region as RegionId] ?? [];
	return or(eq(events.region, region), members.length ? inArray(events.country, [...members]) : sql`false`)!;
}

/** Published events matching the filters: upcoming soonest first, past most recent first. */
export async function listPublic(query: ListQuery, now = new Date()) {
	const where: SQL[] = [eq(events.status, 'published')];
	where.push(query.when === 'past' ? lt(events.endsAt, now) : gte(events.endsAt, now));
	if (query.country) where.push(eq(events.country, query.country));
	if (query.region) where.push(inRegion(query.region));
	if (query.kind) where.push(eq(events.kind, query.kind));
	if (query.audience) where.push(jsonHas(events.audiences, query.audience));
	if (query.language) where.push(jsonHas(events.languages, query.language));
	if (query.topic) where.push(jsonHas(events.topics, query.topic));
	if (query.mode) where.push(eq(events.mode, query.mode));
	const filter = and(...where);
	const page = query.page ?? 1;
	const [rows, [{ total }]] = await Promise.all([
		db()
			.select()
			.from(events)
			.where(filter)
			.orderBy(query.when === 'past' ? desc(events.startsAt) : asc(events.startsAt), asc(events.id))
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE),
		db().select({ total: sql<number>`count(*)::int` }).from(events).where(filter)
	]);
	const taken = await placesTakenBy(rows.map((r) => r.id));
	return { items: rows.map((e) => ({ event: e, taken: taken.get(e.id) ?? 0 })), total, page, pageSize: PAGE_SIZE };
}

/** Published upcoming and recent events for the whole-list calendar feed. */
export async function listForFeed(now = new Date(), limit = 500): Promise<EventRow[]> {
	return db()
		.select()
		.from(events)
		.where(and(inArray(events.status, ['published', 'cancelled']), isNotNull(events.publishedAt), gte(events.endsAt, new Date(now.getTime() - 30 * 86_400_000))))
		.orderBy(asc(events.startsAt))
		.limit(limit);
}

/**
 * What a national instance shares with a hub (federation's events feed): published events, and
 * cancelled ones once published, in the countries it speaks for, from 30 days ago on, soonest
 * first, with their seats taken. Regional events without a country are not a country's to share.
 */
export async function listForFederation(countries: string[], now = new Date(), limit = 5000): Promise<{ event: EventRow; taken: number }[]> {
	if (!countries.length) return [];
	const rows = await db()
		.select()
		.from(events)
		.where(and(inArray(events.status, ['published', 'cancelled']), isNotNull(events.publishedAt), inArray(events.country, countries), gte(events.endsAt, new Date(now.getTime() - 30 * 86_400_000))))
		.orderBy(asc(events.startsAt), asc(events.id))
		.limit(limit);
	const taken = await placesTakenBy(rows.map((r) => r.id));
	return rows.map((e) => ({ event: e, taken: e.status === 'published' ? (taken.get(e.id) ?? 0) : 0 }));
}

async function placesTakenBy(ids: string[]): Promise<Map<string, number>> {
	if (!ids.length) return new Map();
	const rows = await db()
		.select({ id: registrations.eventId, n: sql<number>`coalesce(sum(${registrations.places}), 0)::int` })
		.from(registrations)
		.where(and(inArray(registrations.eventId, ids), inArray(registrations.status, [...SEAT_TAKING])))
		.groupBy(registrations.eventId);
	return new Map(rows.map((r) => [r.id, r.n]));
}

/** A published (or cancelled, once published) event with its seat count; drafts do not exist publicly. */
export async function getPublicEvent(id: string) {
	const [e] = await db().select().from(events).where(eq(events.id, id));
	if (!e || !e.publishedAt) return null;
	const [counts] = await db()
		.select({
			taken: sql<number>`coalesce(sum(${registrations.places}) filter (where ${registrations.status} in ('confirmed','pending','held')), 0)::int`,
			waiting: sql<number>`count(*) filter (where ${registrations.status} = 'waiting')::int`
		})
		.from(registrations)
		.where(eq(registrations.eventId, id));
	return { event: e, taken: counts?.taken ?? 0, waiting: counts?.waiting ?? 0 };
}

/** A registration and its event, found by the private link's token. */
export async function registrationByToken(token: string) {
	if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [row] = await db()
		.select({ r: registrations, e: events })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(eq(registrations.tokenHash, sha256(token)));
	if (!row) return null;
	const ahead =
		row.r.status === 'waiting'
			? (await db().select({ n: sql<number>`count(*)::int` }).from(registrations).where(and(eq(registrations.eventId, row.e.id), eq(registrations.status, 'waiting'), lt(registrations.seq, row.r.seq))))[0].n
			: 0;
	return { registration: row.r, event: row.e, ahead };
}

/** A signed-in person's registrations: made while signed in, or confirmed from their address. */
export async function registrationsOf(actor: Actor | null) {
	assertHolds(actor, !!actor);
	return db()
		.select({ r: registrations, e: events })
		.from(registrations)
		.innerJoin(events, eq(events.id, registrations.eventId))
		.where(or(eq(registrations.userId, actor.id), and(sql`lower(${registrations.email}) = lower(${actor.email})`, isNotNull(registrations.emailConfirmedAt))))
		.orderBy(desc(events.startsAt))
		.limit(200);
}

/** The events an organiser may see, in their scopes. */
export async function listForOrganiser(actor: Actor | null) {
	assertHolds(actor, can(actor, 'workspace.enter'));
	const scope = visibleScope(actor);
	let where: SQL | undefined;
	if (!scope.all) {
		const parts: SQL[] = [];
		if (scope.countries.length) parts.push(inArray(events.country, scope.countries));
		for (const r of scope.regions) parts.push(inRegion(r));
		where = parts.length ? or(...parts) : sql`false`;
	}
	const rows = await db().select().from(events).where(where).orderBy(desc(events.startsAt)).limit(500);
	const taken = await placesTakenBy(rows.map((r) => r.id));
	return rows.map((e) => ({ event: e, taken: taken.get(e.id) ?? 0 }));
}

/** One event with every registration, for an organiser whose scope covers it (else: not found). */
export async function eventForOrganiser(actor: Actor | null, id: string) {
	assertHolds(actor, !!actor);
	const [e] = await db().select().from(events).where(eq(events.id, id));
	if (!e || !can(actor, 'registrations.view', eventTarget(e))) throw new NotFound();
	const regs = await db().select().from(registrations).where(eq(registrations.eventId, id)).orderBy(asc(registrations.seq));
	return { event: e, registrations: regs };
}
