// Help-finder reads. `searchPage` is the hot path (docs/help-finder.md, Search): it reads
// directory_listings, one row per country a service is listed in, in the order of a stored key,
// and stops at the end of its page; then the page's services are read in full.
import { and, arrayContains, arrayOverlaps, asc, desc, eq, ilike, inArray, isNull, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import { containsPattern, db, type Db, type Tx } from '../db';
import { isOpenAt, openStatus } from '../../directory/hours';
import type { ActionId, ChannelType, TopicId } from '../../directory/taxonomy';
import * as cache from '../platform/cache';
import { isUuid } from '../../uuid';
import { changeRequests, channels, listings, organizations, services } from './schema';
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
	/** the `after` key of the next page when more follow (keyset paging), else null */
	next: string | null;
	/** the `before` key of the previous page when listings come before this one, else null */
	previous: string | null;
}

/**
 * Matches are counted up to this many and no further: beyond it a page says "more than 1,000".
 * An exact count would read every match of a busy country on every search (issue 16).
 */
export const COUNT_CAP = 1000;

/**
 * The WHERE of one country's listings in a help search: the country, then every given filter. Topic,
 * action, language and channel type are keys of the listing's filter_keys ('KE t:bullying'), found
 * through one GIN index that holds each country's keys apart; age and text are checked on the row.
 */
type Filters = (country: string) => SQL[];

function filterKeys(country: string, params: Pick<SearchParams, 'topic' | 'action' | 'language' | 'channel'>): string[] {
	const keys: string[] = [];
	if (params.topic) keys.push(`${country} t:${params.topic}`);
	if (params.action) keys.push(`${country} a:${params.action}`);
	if (params.language) keys.push(`${country} l:${params.language}`);
	if (params.channel) keys.push(`${country} c:${params.channel}`);
	return keys;
}

function listingFilters(params: SearchParams): Filters {
	const onRow: SQL[] = [];
	if (params.age != null) {
		onRow.push(or(isNull(listings.ageMin), sql`${listings.ageMin} <= ${params.age}`)!);
		onRow.push(or(isNull(listings.ageMax), sql`${listings.ageMax} >= ${params.age}`)!);
	}
	if (params.q) onRow.push(ilike(listings.searchText, containsPattern(params.q.toLowerCase())));
	return (country) => {
		const keys = filterKeys(country, params);
		return [eq(listings.country, country), ...(keys.length ? [arrayContains(listings.filterKeys, keys)] : []), ...onRow];
	};
}

/**
 * Where a search's listings are: the country's own and the worldwide ones ('ZZ'), each read in key
 * order from directory_listings_order_idx.
 */
const listingCountries = (country: string) => (country === 'ZZ' ? ['ZZ'] : [country, 'ZZ']);

/** A listing's place in the search order: active first, national before worldwide, verified first, then by name and id. */
export interface SearchKey {
	rank: number;
	sortName: string;
	serviceId: string;
}

const KEY_ORDER = [listings.rank, listings.sortName, listings.serviceId] as const;

/** A key as the opaque `after`/`before` value of a pager link (base64url of [rank, name, id]). */
export function encodeSearchKey(k: SearchKey): string {
	return Buffer.from(JSON.stringify([k.rank, k.sortName, k.serviceId])).toString('base64url');
}

/** The key in a pager link, or undefined when it is not one of ours (the link is then read by its page number alone). */
export function decodeSearchKey(value: string | null | undefined): SearchKey | undefined {
	if (!value || value.length > 2000) return undefined;
	try {
		const k: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
		if (!Array.isArray(k) || k.length !== 3) return undefined;
		const [rank, sortName, serviceId] = k;
		if (!Number.isInteger(rank) || rank < 0 || rank > 15 || typeof sortName !== 'string' || typeof serviceId !== 'string' || !isUuid(serviceId)) return undefined;
		return { rank, sortName, serviceId };
	} catch {
		return undefined;
	}
}

type Paging = { offset: number } | { after: SearchKey } | { before: SearchKey };

interface KeyedPage {
	keys: SearchKey[];
	/** more listings follow the page / come before it */
	more: boolean;
	earlier: boolean;
}

/**
 * One page of listings in key order. Each country's rows are read from the order index, in order,
 * checking the filters as they come, and stop at the page's end: a Merge Append of two short index
 * scans (the country's and the worldwide ones). `after`/`before` continue from a key (keyset paging);
 * an offset (a hand-made ?page=N) reads the rows before the page too.
 */
async function pageOfKeys(country: string, filters: Filters, paging: Paging, pageSize: number): Promise<KeyedPage> {
	const backwards = 'before' in paging;
	const offset = 'offset' in paging ? paging.offset : 0;
	const from = 'after' in paging ? paging.after : 'before' in paging ? paging.before : undefined;
	const take = offset + pageSize + 1; // one more than the page: whether another follows
	const order = backwards ? KEY_ORDER.map((c) => desc(c)) : KEY_ORDER.map((c) => asc(c));
	const branch = (c: string) => {
		const where = filters(c);
		if (from) where.push(sql`(${listings.rank}, ${listings.sortName}, ${listings.serviceId}) ${backwards ? sql`<` : sql`>`} (${from.rank}, ${from.sortName}, ${from.serviceId}::uuid)`);
		return db()
			.select({ rank: listings.rank, sortName: listings.sortName, serviceId: listings.serviceId })
			.from(listings)
			.where(and(...where))
			.orderBy(...order)
			.limit(take);
	};
	const [own, worldwide] = listingCountries(country).map(branch);
	// the merged order, by the union's column names
	const merged = ['rank', 'sort_name', 'service_id'].map((c) => (backwards ? sql`${sql.identifier(c)} desc` : sql`${sql.identifier(c)}`));
	const rows = worldwide ? await unionAll(own, worldwide).orderBy(...merged).limit(take) : await own;
	const window = rows.slice(offset, offset + pageSize);
	const more = rows.length > offset + pageSize;
	if (backwards) return { keys: window.reverse(), more: true, earlier: more };
	return { keys: window, more, earlier: offset > 0 || !!from };
}

/**
 * How many listings match, counted up to `cap`: each country's rows are read in key order, like the
 * page's (so through the order index, never a scan of the table), and each stops at cap + 1.
 */
async function cappedCount(country: string, filters: Filters, cap: number): Promise<{ total: number; capped: boolean }> {
	const branch = (c: string) =>
		db()
			.select({ one: sql<number>`1`.as('one') })
			.from(listings)
			.where(and(...filters(c)))
			.orderBy(...KEY_ORDER)
			.limit(cap + 1);
	const [own, worldwide] = listingCountries(country).map(branch);
	const matches = (worldwide ? unionAll(own, worldwide) : own).as('matches');
	const [counted] = await db().select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(matches);
	return { total: Math.min(counted.n, cap), capped: counted.n > cap };
}

/**
 * The filters of "open now": active listings with a channel open at `now` by `isOpenAt`. Decided in
 * SQL from each listing's week_* columns (weekly-hours.ts): its zone's local minute of the week
 * against its weekly minutes. Services SQL cannot decide exactly (channels in several zones, or an
 * exception on the local date or the day before: week_undecided) are rare and found through their
 * own index; when some match, their channels get `isOpenAt` here and the open ones are named by id.
 */
async function openNowFilters(country: string, filters: Filters, now: Date): Promise<Filters> {
	const clock = await weekClock(now);
	const minutes = JSON.stringify(clock.minutes);
	const undecided = (c: string) => arrayOverlaps(listings.weekUndecided, [`${c} *`, ...clock.dates.map((d) => `${c} ${d}`)]);
	// coalesce(…, false): also makes the planner guess half the rows open (not 0.5 %), so a count reads the order index
	const bySchedule = (c: string) => sql`coalesce(not ${undecided(c)} and ${listings.weekMinutes} @> (${minutes}::jsonb ->> ${listings.weekZone})::int, false)`;
	const active = (c: string) => [...filters(c), lt(listings.rank, RANK_INACTIVE)];
	const hours = await db()
		.select({ serviceId: channels.serviceId, hours: channels.hours })
		.from(channels)
		.innerJoin(listings, eq(listings.serviceId, channels.serviceId))
		.where(or(...listingCountries(country).map((c) => and(...active(c), undecided(c)))));
	const zoneCache = new Map();
	const open = [...new Set(hours.filter((c) => isOpenAt(c.hours, now, zoneCache)).map((c) => c.serviceId))];
	return (c) => [...active(c), open.length ? or(bySchedule(c), inArray(listings.serviceId, open))! : bySchedule(c)];
}

/** The rank bit of a service that is not active (see listings.rank): ranks below it are active. */
const RANK_INACTIVE = 8;

/**
 * One page of services for a country (and worldwide ones) matching every given filter. Filtering
 * ("open now" included), ordering and paging all happen in SQL, so page 1 really holds the first
 * open services and a page costs what its rows cost.
 */
export async function searchPage(
	params: SearchParams & { page?: number; pageSize?: number; countCap?: number; after?: SearchKey; before?: SearchKey }
): Promise<SearchPage> {
	const now = params.now ?? new Date();
	const page = Math.max(1, Math.floor(params.page ?? 1));
	const pageSize = Math.min(Math.max(1, Math.floor(params.pageSize ?? 25)), 500);
	const cap = params.countCap ?? COUNT_CAP;
	const base = listingFilters(params);
	const filters = params.openNow ? await openNowFilters(params.country, base, now) : base;
	const paging: Paging = params.after ? { after: params.after } : params.before ? { before: params.before } : { offset: (page - 1) * pageSize };
	const [keyed, { total, capped }] = await Promise.all([pageOfKeys(params.country, filters, paging, pageSize), cappedCount(params.country, filters, cap)]);
	// a `before` link that has run out (the list changed since): start again at the first page
	if ('before' in paging && keyed.keys.length < pageSize) return searchPage({ ...params, page: 1, before: undefined });
	const ids = keyed.keys.map((k) => k.serviceId);
	const next = keyed.more && keyed.keys.length ? encodeSearchKey(keyed.keys[keyed.keys.length - 1]) : null;
	const previous = keyed.earlier && keyed.keys.length ? encodeSearchKey(keyed.keys[0]) : null;
	if (ids.length === 0) return { results: [], total, capped, page, pageSize, next, previous };
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
	return { results, total, capped, page, pageSize, next, previous };
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
