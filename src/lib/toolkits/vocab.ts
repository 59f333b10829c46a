// Toolkits vocabularies and limits, shared by the self-assessment forms (maxlength) and the server.
export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const TOOLKITS_LIMITS = {
	organisationMax: 200,
	ownerMax: 120,
	notesMax: 1000,
	/** saved self-assessments per account */
	savedMax: 50
} as const;

/**
 * Form field names: one radio group per practice (`a_<practiceId>`) and, per recommendation on the
 * action plan, `priority_<id>`, `owner_<id>`, `due_<id>`, `notes_<id>`. Ids are lower-case with dashes.
 */
export const FIELD = {
	answer: (practiceId: string) => `a_${practiceId}`,
	priority: (recId: string) => `priority_${recId}`,
	owner: (recId: string) => `owner_${recId}`,
	dueBy: (recId: string) => `due_${recId}`,
	notes: (recId: string) => `notes_${recId}`
} as const;
