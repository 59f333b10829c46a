import { json } from '@sveltejs/kit';
import { sql } from 'drizzle-orm';
import { database } from '$lib/server/db';
import { log } from '$lib/server/platform/log';
import type { RequestHandler } from './$types';

// For load balancers and orchestrators: 200 when this instance can reach its database, 503 otherwise.
export const GET: RequestHandler = async () => {
	const t0 = performance.now();
	try {
		const d = database();
		await d.db.execute(sql`select 1`);
		return json({ status: 'ok', database: d.kind, ms: Math.round(performance.now() - t0) }, { headers: { 'cache-control': 'no-store' } });
	} catch (err) {
		log.error('health check failed', { err });
		return json({ status: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
};
