// The hub's pulls as jobs in PostgreSQL (platform/jobs): they survive restarts and one runner
// claims each. A pull records its own failures and schedules the next one itself (backing off
// after failures), so the job never fails and never loses what it logged.
import { eq } from 'drizzle-orm';
import * as jobs from '../platform/jobs';
import { PULL_JOB, schedulePull } from './commands';
import { pullMember } from './pull';
import { federationMembers } from './schema';

jobs.register(PULL_JOB, async (tx, payload, job) => {
	const memberId = (payload as { memberId?: string })?.memberId;
	if (!memberId) return;
	await pullMember(tx, memberId, job.now);
	const [m] = await tx.select({ next: federationMembers.nextPullAt, active: federationMembers.active }).from(federationMembers).where(eq(federationMembers.id, memberId));
	if (m?.active && m.next) await schedulePull(tx, memberId, m.next);
});
