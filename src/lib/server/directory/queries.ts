// Help-finder reads. `search` is the hot path (see docs/help-finder.md for its plan): SQL narrows
// by country and filters using GIN indexes, then opening hours are computed in the service's zone.
import { and, arrayContains, arrayOverlaps, asc, desc, eq, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, db, type Db, type Tx } from '../db';
import { isOpenAt, openStatus } from '../../directory/hours';
import type { ActionId, ChannelType, TopicId } from '../../directory/taxonomy';
import * as cache from '../platform/cache';
import { changeRequests, channels, organizations, services } from './schema';
import { weekClock } from './weekly-hours';

export type ServiceRow = typeof services.$inferSelect;
export type ChannelRow = typeof channels.$inferSelect;

export interface SearchParams {
	country: string;
	topic?: TopicId;
	action?: ActionId;
	age?: number;
	language?: string;
	channel?: ChannelType;
	openNow?: boolean;
	q?: string;
	now?: Date;
	limit?: number;
}

export interface ChannelStatus extends ChannelRow {
	status: ReturnType<typeof openStatus>;
}

export interface SearchResult {
	service: ServiceRow & { organizationName: Record<string, string> };
	channels: ChannelStatus[];
	open: boolean;
}

export interface SearchPage {
	results: SearchResult[];
	/** how many services match (after "open now", when asked), counted up to the cap */
	total: number;
	/** more than `total` match: the count stopped at the cap ("more than 1,000") */
	capped: boolean;
	page: number;
	pageSize: number;
}

/**
 * Matches are counted up to this many and no further: beyond it a page says "more than 1,000".
 * An exact count would read every match of a busy country on every search (issue 16).
 */
export const COUNT_CAP = 1000;

/** The WHERE clause of a help search: country (and worldwide), then every given filter. */
function searchWhere(params: SearchParams): SQL {
	const where: SQL[] = [ne(services.status, 'defunct'), arrayOverlaps(services.countries, [params.country, 'ZZ'])];
	if (params.topic) where.push(arrayContains(services.topics, [params.topic]));
	if (params.action) where.push(arrayContains(services.actions, [params.action]));
	if (params.language) where.push(arrayContains(services.languages, [params.language]));
	if (params.age != null) {
		where.push(or(isNull(services.ageMin), sql`${services.ageMin} <= ${params.age}`)!);
		where.push(or(isNull(services.ageMax), sql`${services.ageMax} >= ${params.age}`)!);
	}
	if (params.channel) {
		where.push(sql`exists (select 1 from ${channels} where ${channels.serviceId} = ${services.id} and ${channels.type} = ${params.channel})`);
	}
	if (params.q) where.push(ilike(services.searchText, containsPattern(params.q.toLowerCase())));
	return and(...where)!;
}

/** Active first, national before worldwide, verified first, then by name. */
const SEARCH_ORDER = [
	sql`(${services.status} <> 'active')`,
	sql`('ZZ' = any(${services.countries}))`,
	sql`(${services.verifiedAt} is null)`,
	sql`${services.name}->>'en'`,
	asc(services.id)
];

/**
 * One page of ids in SEARCH_ORDER and how many services match, counted up to `cap` (the count
 * stops reading at cap + 1 rows; it runs beside the page's own query).
 */
async function pageOfIds(where: SQL, page: number, pageSize: number, cap: number): Promise<{ ids: string[]; total: number; capped: boolean }> {
	const matches = db().select({ one: sql<number>`1`.as('one') }).from(services).where(where).limit(cap + 1).as('matches');
	const [rows, [counted]] = await Promise.all([
		db()
			.select({ id: services.id })
			.from(services)
			.where(where)
			.orderBy(...SEARCH_ORDER)
			.limit(pageSize)
			.offset((page - 1) * pageSize),
		db().select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(matches)
	]);
	return { ids: rows.map((r) => r.id), total: Math.min(counted.n, cap), capped: counted.n > cap };
}

/**
 * The page of services open at `now` among those matching `where`: active, with a channel open by
 * `isOpenAt`. Decided in SQL from each service's week_* columns (weekly-hours.ts): its zone's local
 * minute of the week against its weekly minutes. Services SQL cannot decide exactly (channels in
 * several zones, or an exception on the local date or the day before) are rare; when the page's
 * query finds some among the matches, their channels get `isOpenAt` here and the page is asked again.
 */
async function openNowPage(where: SQL, now: Date, page: number, pageSize: number, cap: number) {
	const clock = await weekClock(now);
	const minutes = JSON.stringify(clock.minutes);
	const dates = `{${clock.dates.join(',')}}`; // one text[] parameter ("YYYY-MM-DD" needs no quoting)
	const inJs = sql`(${services.weekZone} is null or ${services.weekExceptionDates} && ${dates}::text[])`;
	const bySchedule = sql`(not ${inJs} and ${services.weekMinutes} @> (${minutes}::jsonb ->> ${services.weekZone})::int)`;
	const active = and(where, eq(services.status, 'active'))!;
	const [first, undecided] = await Promise.all([
		pageOfIds(and(active, or(bySchedule, inJs))!, page, pageSize, cap),
		db().select({ id: services.id }).from(services).where(and(active, inJs)).limit(1)
	]);
	if (!undecided.length) return first;
	const hours = await db()
		.select({ serviceId: channels.serviceId, hours: channels.hours })
		.from(channels)
		.innerJoin(services, eq(services.id, channels.serviceId))
		.where(and(active, inJs));
	const zoneCache = new Map();
	const open = [...new Set(hours.filter((c) => isOpenAt(c.hours, now, zoneCache)).map((c) => c.serviceId))];
	return pageOfIds(and(active, open.length ? or(bySchedule, inArray(services.id, open)) : bySchedule)!, page, pageSize, cap);
}

/**
 * One page of services for a country (and worldwide ones) matching every given filter. Filtering
 * ("open now" included), ordering and paging all happen in SQL, so page 1 really holds the first
 * open services and a page costs what its rows cost.
 */
export async function searchPage(params: SearchParams & { page?: number; pageSize?: number; countCap?: number }): Promise<SearchPage> {
	const now = params.now ?? new Date();
	const page = Math.max(1, Math.floor(params.page ?? 1));
	const pageSize = Math.min(Math.max(1, Math.floor(params.pageSize ?? 25)), 500);
	const cap = params.countCap ?? COUNT_CAP;
	const where = searchWhere(params);
	const { ids, total, capped } = params.openNow ? await openNowPage(where, now, page, pageSize, cap) : await pageOfIds(where, page, pageSize, cap);
	if (ids.length === 0) return { results: [], total, capped, page, pageSize };
	const [rows, chans] = await Promise.all([
		db()
			.select({ service: services, organizationName: organizations.name })
			.from(services)
			.innerJoin(organizations, eq(organizations.id, services.organizationId))
			.where(inArray(services.id, ids)),
		db().select().from(channels).where(inArray(channels.serviceId, ids)).orderBy(asc(channels.serviceId), asc(channels.position))
	]);
	const byService = new Map<string, ChannelStatus[]>();
	for (const c of chans) {
		const list = byService.get(c.serviceId) ?? [];
		list.push({ ...c, status: openStatus(c.hours, now) });
		byService.set(c.serviceId, list);
	}
	const byId = new Map(rows.map((r) => [r.service.id, r]));
	const results = ids
		.map((id) => byId.get(id))
		.filter((r): r is NonNullable<typeof r> => !!r)
		.map(({ service, organizationName }) => {
			const list = byService.get(service.id) ?? [];
			const open = service.status === 'active' && list.some((c) => c.status.open);
			return { service: { ...service, organizationName: organizationName as Record<string, string> }, channels: list, open };
		});
	// within the page, services open right now come first (a stable sort keeps the SQL order otherwise)
	results.sort((a, b) => Number(b.open) - Number(a.open));
	return { results, total, capped, page, pageSize };
}

/** The first `limit` matching services (see searchPage). */
export async function search(params: SearchParams): Promise<SearchResult[]> {
	return (await searchPage({ ...params, page: 1, pageSize: params.limit ?? 200 })).results;
}

/**
 * Emergency services for a country (kind = emergency), always shown beside results. Read once per
 * change of the directory and country (every write bumps the 'directory' counter), so the help
 * page's fixed parts cost one counter read.
 */
export function emergencyServices(country: string) {
	return emergencyMemo.get(country, () => readEmergencyServices(country));
}

type EmergencyRow = Awaited<ReturnType<typeof readEmergencyServices>>[number];
const emergencyMemo = new cache.TagMemo<EmergencyRow[]>('directory', 300);

async function readEmergencyServices(country: string) {
	return db()
		.select({ id: services.id, name: services.name, isDemo: services.isDemo, verifiedAt: services.verifiedAt, value: channels.value, type: channels.type })
		.from(services)
		.innerJoin(channels, eq(channels.serviceId, services.id))
		.where(and(eq(services.kind, 'emergency'), ne(services.status, 'defunct'), arrayContains(services.countries, [country]), eq(channels.type, 'phone')))
		.orderBy(asc(channels.position))
		.limit(3);
}

export async function getService(id: string) {
	const [row] = await db()
		.select({ service: services, organization: organizations })
		.from(services)
		.innerJoin(organizations, eq(organizations.id, services.organizationId))
		.where(eq(services.id, id));
	if (!row) return null;
	const chans = await db().select().from(channels).where(eq(channels.serviceId, id)).orderBy(asc(channels.position));
	return { ...row, channels: chans };
}

/** The service as the ServiceInput shape, for edit forms and audit before-images. */
export async function serviceSnapshot(tx: Db | Tx, id: string) {
	const [row] = await tx
		.select({ service: services, organization: organizations })
		.from(services)
		.innerJoin(organizations, eq(organizations.id, services.organizationId))
		.where(eq(services.id, id));
	if (!row) return null;
	const chans = await tx.select().from(channels).where(eq(channels.serviceId, id)).orderBy(asc(channels.position));
	const s = row.service;
	return {
		organization: { name: row.organization.name, website: row.organization.website },
		name: s.name,
		description: s.description,
		whatHappens: s.whatHappens,
		kind: s.kind,
		status: s.status,
		ageMin: s.ageMin,
		ageMax: s.ageMax,
		languages: s.languages,
		countries: s.countries,
		areas: s.areas,
		cost: s.cost,
		topics: s.topics,
		actions: s.actions,
		website: s.website,
		source: s.source,
		channels: chans.map((c) => ({ type: c.type, value: c.value, detail: c.detail, label: c.label, hours: c.hours, showsOnBill: c.showsOnBill, free: c.free }))
	};
}

export type CoverageRow = {
	country: string;
	verified: number;
	total: number;
	demo: number;
};

/** Active services per country: how many are verified, how many in all, how many are demonstration data. */
export async function coverage(): Promise<CoverageRow[]> {
	const rows = await db().execute<CoverageRow>(sql`
		select c as country,
			count(*) filter (where ${services.verifiedAt} is not null)::int as verified,
			count(*)::int as total,
			count(*) filter (where ${services.isDemo})::int as demo
		from ${services}, unnest(${services.countries}) as c
		where ${services.status} = 'active'
		group by c`);
	return (rows as unknown as { rows: CoverageRow[] }).rows;
}

export async function pendingRequests(limit = 100) {
	return db()
		.select()
		.from(changeRequests)
		.where(eq(changeRequests.status, 'pending'))
		.orderBy(asc(changeRequests.createdAt))
		.limit(limit);
}

export async function getRequest(id: string) {
	const [row] = await db().select().from(changeRequests).where(eq(changeRequests.id, id));
	return row ?? null;
}

export const REVERIFY_DAYS = () => Number(process.env.DIRECTORY_REVERIFY_DAYS ?? 365);

/** Entries never verified, or not verified within the configured period, oldest first. */
export async function needingVerification(limit = 100) {
	const cutoff = new Date(Date.now() - REVERIFY_DAYS() * 86_400_000);
	return db()
		.select({ id: services.id, name: services.name, countries: services.countries, verifiedAt: services.verifiedAt, isDemo: services.isDemo })
		.from(services)
		.where(and(ne(services.status, 'defunct'), or(isNull(services.verifiedAt), lt(services.verifiedAt, cutoff))))
		.orderBy(sql`${services.verifiedAt} asc nulls first`, desc(services.updatedAt))
		.limit(limit);
}

/** For the HSDS export: services changed after a date, paged. */
export async function listForExport(options: {
	page: number;
	perPage: number;
	search?: string;
	topic?: string;
	topics?: string[];
	action?: string;
	kind?: string;
	cost?: string;
	channel?: string;
	modifiedAfter?: Date;
}) {
	const where: SQL[] = [];
	if (options.search) where.push(ilike(services.searchText, containsPattern(options.search.toLowerCase())));
	if (options.topic) where.push(arrayContains(services.topics, [options.topic]));
	if (options.topics?.length) where.push(arrayOverlaps(services.topics, options.topics));
	if (options.action) where.push(arrayContains(services.actions, [options.action]));
	if (options.kind) where.push(eq(services.kind, options.kind));
	if (options.cost) where.push(eq(services.cost, options.cost));
	if (options.channel) where.push(sql`exists (select 1 from ${channels} where ${channels.serviceId} = ${services.id} and ${channels.type} = ${options.channel})`);
	// HSDS: modified on or after
	if (options.modifiedAfter) where.push(sql`${services.updatedAt} >= ${options.modifiedAfter.toISOString()}`);
	const cond = where.length ? and(...where) : undefined;
	const [{ total }] = await db().select({ total: sql<number>`count(*)::int` }).from(services).where(cond);
	const rows = await db()
		.select({ service: services, organization: organizations })
		.from(services)
		.innerJoin(organizations, eq(organizations.id, services.organizationId))
		.where(cond)
		.orderBy(asc(services.createdAt), asc(services.id))
		.limit(options.perPage)
		.offset((options.page - 1) * options.perPage);
	const chans = rows.length
		? await db().select().from(channels).where(inArray(channels.serviceId, rows.map((r) => r.service.id))).orderBy(asc(channels.position))
		: [];
	return { total, rows: rows.map((r) => ({ ...r, channels: chans.filter((c) => c.serviceId === r.service.id) })) };
}

/** Languages the services of a country (and worldwide ones) are offered in, for the filter. */
export function languagesFor(country: string): Promise<string[]> {
	return languagesMemo.get(country, () => readLanguagesFor(country));
}

const languagesMemo = new cache.TagMemo<string[]>('directory', 300);

async function readLanguagesFor(country: string): Promise<string[]> {
	const rows = await db().execute<{ language: string }>(sql`
		select distinct l as language from ${services}, unnest(${services.languages}) as l
		where ${services.countries} && array[${country}, 'ZZ']::text[] and ${services.status} <> 'defunct'
		order by 1 limit 60`);
	return (rows as unknown as { rows: { language: string }[] }).rows.map((r) => r.language);
}
