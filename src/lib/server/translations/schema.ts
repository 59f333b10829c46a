// Translations: content lives in files (docs/translation.md); the one table holds how each language
// treats texts no native speaker has reviewed yet, an admin's choice per deployment.
import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from '../identity/schema';

export const translationDisplay = pgTable('translation_display', {
	/** a language other than English (English is the original) */
	locale: text('locale').primaryKey(),
	/** 'note': shown, with a note saying no native speaker has reviewed it; 'fallback': the English instead */
	mode: text('mode').notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
	updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' })
});
