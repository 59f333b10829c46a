// The participation module's background job: answers past their retention period are folded into
// totals and deleted, once a day. Each run schedules the next (a unique key per day, so several app
// instances schedule it once).
import type { Db, Tx } from '../db';
import * as jobs from '../platform/jobs';
import { purgeExpiredAnswers } from './commands';

const KIND = 'participation.retention';

/** The daily retention job for the day after `now` (at 03:00 UTC), unless it is already there. */
export async function scheduleRetention(handle: Db | Tx, now = new Date()): Promise<void> {
	const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 3));
	await jobs.schedule(handle, { kind: KIND, key: `${KIND}:${next.toISOString().slice(0, 10)}`, runAt: next });
}

jobs.register(KIND, async (tx, _payload, job) => {
	await purgeExpiredAnswers(job.now, tx);
	await scheduleRetention(tx, job.now);
});
