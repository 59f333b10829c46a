// The help search as it was before directory_listings (issue 16), kept as the reference the new one
// must agree with: the same services in the same order. It reads directory_services directly and
// sorts every match, so it is only for tests and the bench's check on the synthetic directory.
import { and, arrayContains, arrayOverlaps, asc, eq, ilike, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, db } from '../db';
import { isOpenAt } from '../../directory/hours';
import { channels, services } from '../directory/schema';
import type { SearchParams } from '../directory/queries';

function where(params: SearchParams): SQL {
	const w: SQL[] = [ne(services.status, 'defunct'), arrayOverlaps(services.countries, [params.country, 'ZZ'])];
	if (params.topic) w.push(arrayContains(services.topics, [params.topic]));
	if (params.action) w.push(arrayContains(services.actions, [params.action]));
	if (params.language) w.push(arrayContains(services.languages, [params.language]));
	if (params.age != null) {
		w.push(or(isNull(services.ageMin), sql`${services.ageMin} <= ${params.age}`)!);
		w.push(or(isNull(services.ageMax), sql`${services.ageMax} >= ${params.age}`)!);
	}
	if (params.channel) w.push(sql`exists (select 1 from ${channels} where ${channels.serviceId} = ${services.id} and ${channels.type} = ${params.channel})`);
	if (params.q) w.push(ilike(services.searchText, containsPattern(params.q.toLowerCase())));
	if (params.openNow) w.push(eq(services.status, 'active'));
	return and(...w)!;
}

/** Active first, national before worldwide, verified first, then by English name (missing last) and id. */
const ORDER = [
	sql`(${services.status} <> 'active')`,
	sql`('ZZ' = any(${services.countries}))`,
	sql`(${services.verifiedAt} is null)`,
	sql`${services.name}->>'en'`,
	asc(services.id)
];

/** Every matching service id in search order ("open now" decided by isOpenAt on every channel). */
export async function referenceSearch(params: SearchParams, now = params.now ?? new Date()): Promise<string[]> {
	const ids = (await db().select({ id: services.id }).from(services).where(where(params)).orderBy(...ORDER)).map((r) => r.id);
	if (!params.openNow || !ids.length) return ids;
	const open = new Set<string>();
	const zones = new Map();
	for (let i = 0; i < ids.length; i += 5000) {
		const hours = await db().select({ serviceId: channels.serviceId, hours: channels.hours }).from(channels).where(inArray(channels.serviceId, ids.slice(i, i + 5000)));
		for (const c of hours) if (isOpenAt(c.hours, now, zones)) open.add(c.serviceId);
	}
	return ids.filter((id) => open.has(id));
}
