// Retention: xAPI statements (what a learner viewed and answered) are deleted three years after
// they were stored. Enrolments, completions and certificates stay: they are the learner's record.
import { lt } from 'drizzle-orm';
import * as retention from '../platform/retention';
import { statements } from './schema';

retention.register({
	name: 'xapi_statements',
	what: 'learning activity statements (xAPI) three years after they were stored',
	defaultDays: 1095,
	prune: async (tx, cutoff) => (await tx.delete(statements).where(lt(statements.stored, cutoff)).returning({ id: statements.id })).length
});
