// Retention: decided suggestions and problem reports (their free text and optional contact) are
// deleted a year after the decision; the audit log keeps that a decision was made.
import { and, lt, ne } from 'drizzle-orm';
import * as retention from '../platform/retention';
import { changeRequests } from './schema';

retention.register({
	name: 'directory_requests',
	what: 'decided suggestions and problem reports (message and contact) one year after the decision',
	defaultDays: 365,
	prune: async (tx, cutoff) =>
		(await tx.delete(changeRequests).where(and(ne(changeRequests.status, 'pending'), lt(changeRequests.decidedAt, cutoff))).returning({ id: changeRequests.id })).length
});
