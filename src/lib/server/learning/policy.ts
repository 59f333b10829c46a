// Who may do what in Learn, as one table. Anyone reads guidelines and lessons; signed-in adults track
// their own progress. Editors preview courses and review content; an editor scoped to a country (or
// global) adapts guidelines for that country; admins revoke certificates and export learning records.
// Admins hold every role everywhere (identity.holds).
import type { Role } from '../../identity/roles';
import { assertHolds, holds, type Actor } from '../identity';

export type LearningAction = 'course.preview' | 'content.review' | 'adaptation.edit' | 'certificate.revoke' | 'issuer.rotate' | 'statements.read';

/** `any`: the role in any scope; `country`: a grant covering the country (a global one without a country); `global`: a global grant. */
export type LearningScope = 'any' | 'country' | 'global';

export const LEARNING_RULES: Record<LearningAction, { roles: Role[]; scope: LearningScope }> = {
	'course.preview': { roles: ['editor'], scope: 'any' },
	'content.review': { roles: ['editor'], scope: 'any' },
	'adaptation.edit': { roles: ['editor'], scope: 'country' },
	'certificate.revoke': { roles: ['admin'], scope: 'global' },
	'issuer.rotate': { roles: ['admin'], scope: 'global' },
	'statements.read': { roles: ['admin'], scope: 'global' }
};

/** May the actor do `action` (for `country`, where the rule is scoped to a country)? */
export function can(actor: Actor | null | undefined, action: LearningAction, country?: string): boolean {
	if (!actor) return false;
	const rule = LEARNING_RULES[action];
	return rule.roles.some((role) => {
		if (rule.scope === 'any') return actor.grants.some((g) => g.role === 'admin' || g.role === role);
		if (rule.scope === 'country' && country) return holds(actor, role, { kind: 'country', country });
		return holds(actor, role, { kind: 'global' });
	});
}

/** Throws Unauthenticated for no actor, Forbidden when the actor may not. */
export function assertCan(actor: Actor | null | undefined, action: LearningAction, country?: string): asserts actor is Actor {
	assertHolds(actor, can(actor, action, country));
}

/** The name the rest of the module has used since the first version. */
export const canLearn = can;

/** The countries an editor may adapt guidelines for: 'all' for a global editor (or admin). */
export function adaptableCountries(actor: Actor | null | undefined): 'all' | string[] {
	if (!actor) return [];
	if (holds(actor, 'editor', { kind: 'global' })) return 'all';
	return actor.grants.filter((g) => g.role === 'editor' && g.scopeKind === 'country').map((g) => g.scopeValue);
}
