// What a directory moderator may read: only the requests, stale entries and histories of the
// countries their grant covers. A request is about the countries of the service it names, or of
// the service it proposes; one about no country (or 'ZZ', worldwide) needs a global grant.
// Edit histories name the editor only to holders of `audit.view` (admins).
import { inArray } from 'drizzle-orm';
import { db } from '../db';
import { NotFound } from '../platform/errors';
import { audit, can as identityCan, type Actor } from '../identity';
import { assertCan, can } from './policy';
import { getRequest, needingVerification, pendingRequests } from './queries';
import { services } from './schema';

type Request = NonNullable<Awaited<ReturnType<typeof getRequest>>>;

/** The countries a request is about. */
async function requestCountries(requests: Request[]): Promise<Map<string, string[]>> {
	const ids = [...new Set(requests.map((r) => r.serviceId).filter((x): x is string => !!x))];
	const rows = ids.length ? await db().select({ id: services.id, countries: services.countries }).from(services).where(inArray(services.id, ids)) : [];
	const byService = new Map(rows.map((r) => [r.id, r.countries]));
	return new Map(
		requests.map((r) => {
			const proposed = (r.proposal as { countries?: unknown } | null)?.countries;
			const countries = r.serviceId ? (byService.get(r.serviceId) ?? []) : Array.isArray(proposed) ? proposed.filter((c): c is string => typeof c === 'string') : [];
			return [r.id, countries];
		})
	);
}

/** Pending requests the actor may decide, oldest first. */
export async function moderationQueue(actor: Actor | null, limit = 200) {
	assertCan(actor, 'queue.view');
	const pending = await pendingRequests(5000);
	const countries = await requestCountries(pending);
	return pending.filter((r) => can(actor, 'request.decide', countries.get(r.id) ?? [])).slice(0, limit);
}

/** One request with the reporter's optional contact, for a moderator covering its countries; others get 404. */
export async function requestForModerator(actor: Actor | null, id: string) {
	assertCan(actor, 'queue.view');
	const req = await getRequest(id);
	if (!req) throw new NotFound('not_found');
	const countries = (await requestCountries([req])).get(req.id) ?? [];
	if (!can(actor, 'request.decide', countries)) throw new NotFound('not_found');
	return req;
}

/** Entries to verify again, within the actor's countries. */
export async function staleForModerator(actor: Actor | null, limit = 200) {
	assertCan(actor, 'queue.view');
	return (await needingVerification(5000)).filter((s) => can(actor, 'service.verify', s.countries)).slice(0, limit);
}

/** A service's change history (its audit trail); who made each change only for `audit.view`. */
export async function serviceHistory(actor: Actor | null, serviceId: string, limit = 50) {
	assertCan(actor, 'queue.view');
	const showWho = identityCan(actor, 'audit.view');
	return (await audit.list({ q: serviceId, limit })).map((h) => ({ id: h.id, at: h.at, action: h.action, who: showWho ? h.actorEmail : null, someone: !showWho && !!h.actorId }));
}
