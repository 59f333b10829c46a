// Retention: the files uploaded as evidence for an assessment are removed five years after the
// assessment was validated (the answers, their validation and the file's name stay). A download
// of a removed file answers 410 Gone.
import { and, eq, inArray, isNotNull, lt } from 'drizzle-orm';
import * as retention from '../platform/retention';
import { answers, assessments, evidence } from './schema';

retention.register({
	name: 'evidence_files',
	what: 'evidence files of validated assessments five years after validation (names and answers stay)',
	defaultDays: 1825,
	prune: async (tx, cutoff) => {
		const closed = tx
			.select({ id: answers.id })
			.from(answers)
			.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
			.where(and(eq(assessments.status, 'validated'), lt(assessments.updatedAt, cutoff)));
		return (await tx.update(evidence).set({ bytes: null }).where(and(isNotNull(evidence.bytes), inArray(evidence.answerId, closed))).returning({ id: evidence.id })).length;
	}
});
