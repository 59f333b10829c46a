// Reads: the public directory (accepted profiles only, with each expert's hidden fields never used
// as filters), an application by its private token, and the reviewers' scoped queue.
import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { ITU_REGION_MEMBERS, type RegionId } from '../../geo';
import { db } from '../db';
import { assertHolds, type Actor } from '../identity';
import { sha256 } from '../identity/crypto';
import { NotFound } from '../platform/errors';
import type { DirectoryQuery } from './input';
import { can, visibleScope } from './policy';
import { applicationMessages, applications } from './schema';

export type ApplicationRow = typeof applications.$inferSelect;
export type MessageRow = typeof applicationMessages.$inferSelect;

export const PAGE_SIZE = 20;

const jsonHas = (col: unknown, value: string) => sql`${col} @> ${JSON.stringify([value])}::jsonb`;
const literalArray = (xs: readonly string[]) => sql`array[${sql.join(xs.map((x) => sql`${x}`), sql`, `)}]::text[]`;

/** Works in at least one country of the region. */
function inRegion(region: string): SQL {
	const members = ITU_REGION_MEMBERS[region as RegionId] ?? [];
	return members.length ? sql`jsonb_exists_any(${applications.countries}, ${literalArray(members)})` : sql`false`;
}

/** For experts, a filter on an optional field only matches when the expert made that field public. */
function shown(field: 'topics' | 'countries' | 'languages', cond: SQL): SQL {
	return sql`(${applications.kind} = 'partner' or ${jsonHas(applications.publicFields, field)}) and ${cond}`;
}

/** Directory filters: every one optional (the page and the two API lists pass what they have). */
type Filters = Partial<Omit<DirectoryQuery, 'kind' | 'sector'>> & { kind?: '' | 'partner' | 'expert'; sector?: string };

/** Accepted partners and experts matching the filters, by name. */
export async function listDirectory(query: Filters) {
	const where: SQL[] = [eq(applications.status, 'accepted')];
	// a sector is a partner's, a field an expert's: asking for both (or the other kind) finds nothing
	let kind: string = query.kind ?? '';
	if (query.sector) kind = kind === 'expert' || query.field ? 'none' : 'partner';
	else if (query.field) kind = kind === 'partner' ? 'none' : 'expert';
	if (kind) where.push(eq(applications.kind, kind));
	if (query.sector) where.push(eq(applications.sector, query.sector));
	if (query.field) where.push(jsonHas(applications.fields, query.field));
	if (query.topic) where.push(shown('topics', jsonHas(applications.topics, query.topic)));
	if (query.country) where.push(shown('countries', jsonHas(applications.countries, query.country)));
	if (query.region) where.push(shown('countries', inRegion(query.region)));
	if (query.language) where.push(shown('languages', jsonHas(applications.languages, query.language)));
	const filter = and(...where);
	const page = query.page ?? 1;
	const [rows, [{ total }]] = await Promise.all([
		db()
			.select()
			.from(applications)
			.where(filter)
			.orderBy(asc(sql`lower(${applications.name})`), asc(applications.id))
			.limit(PAGE_SIZE)
			.offset((page - 1) * PAGE_SIZE),
		db().select({ total: sql<number>`count(*)::int` }).from(applications).where(filter)
	]);
	return { items: rows, total, page, pageSize: PAGE_SIZE };
}

/** One listed profile; anything not accepted (withdrawn, declined, in review) does not exist publicly. */
export async function getProfile(kind: 'partner' | 'expert', id: string): Promise<ApplicationRow | null> {
	if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [a] = await db()
		.select()
		.from(applications)
		.where(and(eq(applications.id, id), eq(applications.kind, kind), eq(applications.status, 'accepted')));
	return a ?? null;
}

/** An application and its thread, found by the private link's token. */
export async function applicationByToken(token: string): Promise<{ application: ApplicationRow; messages: MessageRow[] } | null> {
	if (typeof token !== 'string' || !/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [a] = await db().select().from(applications).where(eq(applications.tokenHash, sha256(token)));
	if (!a) return null;
	const messages = await db().select().from(applicationMessages).where(eq(applicationMessages.applicationId, a.id)).orderBy(asc(applicationMessages.createdAt));
	return { application: a, messages };
}

function scopeFilter(actor: Actor): SQL | undefined {
	const scope = visibleScope(actor);
	if (scope.all) return undefined;
	const parts: SQL[] = [];
	if (scope.countries.length) parts.push(sql`jsonb_exists_any(${applications.countries}, ${literalArray(scope.countries)})`);
	for (const r of scope.regions) parts.push(inRegion(r));
	return parts.length ? or(...parts) : sql`false`;
}

/** The review queue: applications in the reviewer's scope with this status (confirmed ones only). */
export async function listForReviewer(actor: Actor | null, status = 'pending') {
	assertHolds(actor, can(actor, 'workspace.enter'));
	const where = and(eq(applications.status, status), scopeFilter(actor));
	return db().select().from(applications).where(where).orderBy(status === 'pending' || status === 'needs_info' ? asc(applications.updatedAt) : desc(applications.updatedAt)).limit(500);
}

/** How many applications wait in each review status, in the reviewer's scope. */
export async function queueCounts(actor: Actor | null): Promise<Record<string, number>> {
	assertHolds(actor, can(actor, 'workspace.enter'));
	const rows = await db()
		.select({ status: applications.status, n: sql<number>`count(*)::int` })
		.from(applications)
		.where(and(inArray(applications.status, ['pending', 'needs_info']), scopeFilter(actor)))
		.groupBy(applications.status);
	return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** One application with its thread, for a reviewer whose scope covers it (else: not found). */
export async function applicationForReviewer(actor: Actor | null, id: string) {
	assertHolds(actor, !!actor);
	if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/i.test(id)) throw new NotFound();
	const [a] = await db().select().from(applications).where(eq(applications.id, id));
	if (!a || a.status === 'unconfirmed' || !can(actor, 'applications.view', a.countries)) throw new NotFound();
	const messages = await db().select().from(applicationMessages).where(eq(applicationMessages.applicationId, id)).orderBy(asc(applicationMessages.createdAt));
	return { application: a, messages, mayReview: can(actor, 'applications.review', a.countries) };
}

/** A signed-in person's applications: those confirmed from their account's address. */
export async function applicationsOf(actor: Actor | null): Promise<ApplicationRow[]> {
	assertHolds(actor, !!actor);
	return db()
		.select()
		.from(applications)
		.where(and(sql`lower(${applications.email}) = lower(${actor.email})`, sql`${applications.emailConfirmedAt} is not null`, sql`${applications.status} <> 'withdrawn'`))
		.orderBy(desc(applications.createdAt))
		.limit(50);
}
