import { json } from '@sveltejs/kit';
import { database } from '$lib/server/db';
import { check } from '$lib/server/platform/health';
import { log } from '$lib/server/platform/log';
import { RETRY_AFTER } from '$lib/server/platform/unavailable';
import type { RequestHandler } from './$types';

// For load balancers and orchestrators: 200 when this instance can reach its database, 503 otherwise,
// with a short reason (an error code such as ECONNREFUSED or 57P01, "timeout", "pglite_closed"; never
// a host name or message) and what still works: the help finder answers from its snapshots.
export const GET: RequestHandler = async () => {
	const kind = (() => {
		try {
			return database().kind;
		} catch {
			return 'none';
		}
	})();
	const h = await check();
	if (h.ok) return json({ status: 'ok', database: kind, ms: h.ms }, { headers: { 'cache-control': 'no-store' } });
	log.error('health check failed', { reason: h.reason, ms: h.ms });
	return json(
		{ status: 'unavailable', database: kind, reason: `database unreachable (${h.reason})`, ms: h.ms, degraded: { help: 'last known services and emergency numbers per country' } },
		{ status: 503, headers: { 'cache-control': 'no-store', 'retry-after': String(RETRY_AFTER) } }
	);
};
