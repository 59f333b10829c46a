// Federation reads: the public instance document, and the admin page's overview (policy first).
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import * as v from 'valibot';
import * as directory from '../directory';
import { ITU_REGION_MEMBERS, type RegionId } from '../../geo';
import type { FederatedSource } from '../../progress/model';
import { db, type Db, type Tx } from '../db';
import type { Actor } from '../identity';
import { currentKey, listKeys } from './keys';
import { assertCan } from './policy';
import type { FederatedEvent } from './input';
import { federationEvents, federationMembers, federationPulls, federationScores, federationServices } from './schema';
import { FEEDS, publishes, readSettings } from './settings';

/** The most federated services one help search reads (a hub's country rarely has more than a few dozen). */
const MAX_FEDERATED = 2000;

/** GET /.well-known/cop-instance: who this instance is, what it publishes, the keys that verify it. */
export async function instanceDocument(d: Db | Tx = db()) {
	const s = await readSettings(d);
	await currentKey(d); // generated on first use
	const keys = await listKeys(d);
	const [current, ...previous] = keys;
	return {
		type: 'CopInstance',
		version: 1,
		name: s.name,
		url: s.baseUrl,
		role: s.role,
		countries: s.countries,
		feeds: publishes(s) ? FEEDS.map((feed) => ({ feed, manifest: `${s.baseUrl}/api/v1/federation/feeds/${feed}/manifest.json` })) : [],
		keys: { current, previous }
	};
}

export async function overview(actor: Actor | null) {
	assertCan(actor, 'federation.view');
	const d = db();
	const settings = await readSettings(d);
	await currentKey(d);
	const keys = await listKeys(d);
	const members = await d.select().from(federationMembers).orderBy(federationMembers.origin);
	const counts = await d
		.select({ memberId: federationScores.memberId, n: sql<number>`count(*)::int` })
		.from(federationScores)
		.groupBy(federationScores.memberId);
	const serviceCounts = await d
		.select({ memberId: federationServices.memberId, n: sql<number>`count(*)::int` })
		.from(federationServices)
		.groupBy(federationServices.memberId);
	const eventCounts = await d
		.select({ memberId: federationEvents.memberId, n: sql<number>`count(*)::int` })
		.from(federationEvents)
		.groupBy(federationEvents.memberId);
	const pulls = await d.select().from(federationPulls).orderBy(desc(federationPulls.id)).limit(50);
	return {
		settings,
		keys,
		members: members.map((m) => ({
			...m,
			scores: counts.find((c) => c.memberId === m.id)?.n ?? 0,
			services: serviceCounts.find((c) => c.memberId === m.id)?.n ?? 0,
			events: eventCounts.find((c) => c.memberId === m.id)?.n ?? 0
		})),
		pulls,
		origins: Object.fromEntries(members.map((m) => [m.id, m.origin]))
	};
}

export async function findMember(id: string) {
	const [row] = await db().select().from(federationMembers).where(eq(federationMembers.id, id));
	return row;
}

/** How many verified services members share per country (unnested; 'ZZ' is worldwide), and from whom: for the help map. */
export async function federatedCoverage(d: Db | Tx = db()): Promise<{ coverage: { country: string; services: number }[]; sources: { name: string; origin: string; snapshotAt: Date }[] }> {
	const coverage = await d
		.select({ country: sql<string>`c`, services: sql<number>`count(*)::int` })
		.from(sql`${federationServices}, unnest(${federationServices.countries}) as c`)
		.groupBy(sql`c`);
	const sources = await d
		.selectDistinct({ name: federationMembers.name, origin: federationMembers.origin, snapshotAt: federationServices.snapshotAt })
		.from(federationServices)
		.innerJoin(federationMembers, eq(federationMembers.id, federationServices.memberId))
		.orderBy(federationMembers.name);
	return { coverage: coverage.map((c) => ({ country: c.country, services: Number(c.services) })), sources };
}

/**
 * The help finder's federated services for a country (and worldwide ones), from active members, with
 * their source, filtered like the local search: the member's HSDS record is read back into the
 * directory's service shape and the same filters apply (`directory.matchesSearch`). A record that
 * does not read back whole is shown only to a search without filters, since nothing says it matches.
 */
export async function federatedServices(params: directory.SearchParams, d: Db | Tx = db()) {
	const rows = await d
		.select({ id: federationServices.id, name: federationServices.name, record: federationServices.record, snapshotAt: federationServices.snapshotAt, source: federationMembers.name, origin: federationMembers.origin, failures: federationMembers.failures })
		.from(federationServices)
		.innerJoin(federationMembers, eq(federationMembers.id, federationServices.memberId))
		.where(and(eq(federationMembers.active, true), sql`${federationServices.countries} && array[${params.country}, 'ZZ']::text[]`))
		.orderBy(federationServices.name)
		.limit(MAX_FEDERATED);
	const filtered = Object.entries(params).some(([k, value]) => k !== 'country' && k !== 'now' && k !== 'limit' && value !== undefined && value !== false);
	return rows
		.filter((r) => {
			const read = v.safeParse(directory.ServiceInput, directory.hsds.fromHsdsService(r.record).raw);
			return read.success ? directory.matchesSearch(read.output, params) : !filtered;
		})
		.slice(0, 200);
}

/** The filters of the public events list (events.ListQuery) that federated events honour. */
export interface FederatedEventsQuery {
	when: 'upcoming' | 'past';
	country?: string;
	region?: string;
	kind?: string;
	audience?: string;
	language?: string;
	topic?: string;
	mode?: string;
}

/**
 * Public events national platforms share, from active members, filtered like the hub's own list
 * (the same filters, in SQL) and in the same order (upcoming soonest first, past most recent
 * first), each with its source (member, snapshot date, last check, whether the last pull failed).
 * `limit` + 1 rows are read, so the caller knows whether there are more.
 */
export async function federatedEvents(query: FederatedEventsQuery, now = new Date(), limit = 50, d: Db | Tx = db()) {
	const has = (col: unknown, value: string) => sql`${col} @> ${JSON.stringify([value])}::jsonb`;
	const where: SQL[] = [eq(federationMembers.active, true), eq(federationEvents.status, 'published')];
	where.push(query.when === 'past' ? lt(federationEvents.endsAt, now) : gte(federationEvents.endsAt, now));
	if (query.country) where.push(eq(federationEvents.country, query.country));
	if (query.region) where.push(inArray(federationEvents.country, [...(ITU_REGION_MEMBERS[query.region as RegionId] ?? ['--'])]));
	if (query.kind) where.push(eq(federationEvents.kind, query.kind));
	if (query.mode) where.push(eq(federationEvents.mode, query.mode));
	if (query.audience) where.push(has(federationEvents.audiences, query.audience));
	if (query.language) where.push(has(federationEvents.languages, query.language));
	if (query.topic) where.push(has(federationEvents.topics, query.topic));
	const rows = await d
		.select({ record: federationEvents.record, snapshotAt: federationEvents.snapshotAt, name: federationMembers.name, origin: federationMembers.origin, checkedAt: federationMembers.lastSuccessAt, failures: federationMembers.failures })
		.from(federationEvents)
		.innerJoin(federationMembers, eq(federationMembers.id, federationEvents.memberId))
		.where(and(...where))
		.orderBy(query.when === 'past' ? desc(federationEvents.startsAt) : asc(federationEvents.startsAt), asc(federationEvents.id))
		.limit(limit + 1);
	return {
		more: rows.length > limit,
		items: rows.slice(0, limit).map((r) => ({
			event: r.record as unknown as FederatedEvent,
			source: { name: r.name, url: r.origin, snapshotAt: r.snapshotAt.toISOString(), checkedAt: r.checkedAt?.toISOString() ?? null, unreachable: r.failures > 0 } satisfies FederatedSource
		}))
	};
}

/**
 * What a hub's calendar feed (events.ics) adds to its own events: every event national platforms
 * share with it, published or cancelled (so calendars learn of it), ending 30 days ago or later,
 * soonest first.
 */
export async function federatedEventsForFeed(now = new Date(), limit = 500, d: Db | Tx = db()) {
	const rows = await d
		.select({ record: federationEvents.record, snapshotAt: federationEvents.snapshotAt, name: federationMembers.name, origin: federationMembers.origin })
		.from(federationEvents)
		.innerJoin(federationMembers, eq(federationMembers.id, federationEvents.memberId))
		.where(and(eq(federationMembers.active, true), inArray(federationEvents.status, ['published', 'cancelled']), gte(federationEvents.endsAt, new Date(now.getTime() - 30 * 86_400_000))))
		.orderBy(asc(federationEvents.startsAt), asc(federationEvents.id))
		.limit(limit);
	return rows.map((r) => ({ event: r.record as unknown as FederatedEvent, sourceName: r.name || r.origin, snapshotAt: r.snapshotAt.toISOString() }));
}
