// Toolkits: the content (recommendations and the self-assessment checklist) is data in
// content/toolkits; the only table holds self-assessments a signed-in person chose to save.
// Anonymous self-assessments are never stored: the answers travel in the form.
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Answer, Priority } from '../../toolkits/vocab';
import { users } from '../identity/schema';

/** One line of the action plan as the person filled it in. */
export interface PlanLine {
	priority: Priority | null;
	owner: string;
	/** YYYY-MM-DD or '' */
	dueBy: string;
	notes: string;
}

export const savedAssessments = pgTable(
	'toolkits_saved_assessments',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		/** the only person who may read, change or delete it */
		userId: uuid('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** content/toolkits/<id> */
		toolkitId: text('toolkit_id').notNull(),
		/** the organisation assessed, as the person named it (may be empty) */
		organisation: text('organisation').notNull().default(''),
		/** practice id -> answer */
		answers: jsonb('answers').$type<Record<string, Answer>>().notNull().default({}),
		/** recommendation id -> what the person wrote on the action plan */
		plan: jsonb('plan').$type<Record<string, PlanLine>>().notNull().default({}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('toolkits_saved_assessments_user_idx').on(t.userId, t.toolkitId)]
);
