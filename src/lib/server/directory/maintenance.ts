// Table statistics after bulk changes. The planner picks the help search's plan from them: right
// after 100,000 services are imported, a search by channel type took 350 ms instead of 14 ms
// until an ANALYZE (docs/performance.md), and PGlite has no autovacuum to run one. An import
// schedules one as a job, so it runs off the request path, once per minute at most.
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import * as jobs from '../platform/jobs';

export const ANALYZE_JOB = 'directory.analyze';
/** imports smaller than this leave statistics good enough */
export const ANALYZE_AFTER_ROWS = 100;

/** Schedules an ANALYZE of the directory's tables (one per minute: imports in the same minute share it). */
export async function scheduleAnalyze(tx: Db | Tx, now = new Date()): Promise<void> {
	const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
	await jobs.schedule(tx, { kind: ANALYZE_JOB, key: `${ANALYZE_JOB}:${minute.toISOString()}`, runAt: now });
}

jobs.register(ANALYZE_JOB, async (tx) => {
	await tx.execute(sql`analyze directory_services, directory_channels, directory_organizations, directory_listings`);
});
