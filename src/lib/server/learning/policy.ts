// Who may do what in Learn. Anyone reads guidelines and lessons; signed-in adults track their own
// progress. Editors preview courses and review content; an editor scoped to a country (or global)
// adapts guidelines for that country; admins revoke certificates and export learning records.
import { holds, isAdmin, type Actor } from '../identity';

export type LearningAction = 'course.preview' | 'content.review' | 'adaptation.edit' | 'certificate.revoke' | 'statements.read';

export function canLearn(actor: Actor | null | undefined, action: LearningAction, country?: string): boolean {
	if (!actor) return false;
	switch (action) {
		case 'course.preview':
		case 'content.review':
			return isAdmin(actor) || actor.grants.some((g) => g.role === 'editor');
		case 'adaptation.edit':
			if (!country) return holds(actor, 'editor', { kind: 'global' });
			return holds(actor, 'editor', { kind: 'country', country });
		case 'certificate.revoke':
		case 'statements.read':
			return isAdmin(actor);
	}
}

/** The countries an editor may adapt guidelines for: 'all' for a global editor (or admin). */
export function adaptableCountries(actor: Actor | null | undefined): 'all' | string[] {
	if (!actor) return [];
	if (holds(actor, 'editor', { kind: 'global' })) return 'all';
	return actor.grants.filter((g) => g.role === 'editor' && g.scopeKind === 'country').map((g) => g.scopeValue);
}
