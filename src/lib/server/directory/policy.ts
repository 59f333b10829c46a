// Who may do what in the help finder, as one table. Anyone may search, suggest and report (no
// account); directory moderators change, verify and decide within the countries their grant covers.
// Admins hold every role everywhere (identity.holds).
import type { Role } from '../../identity/roles';
import { assertHolds, holds, type Actor, type Target } from '../identity';

export type DirectoryAction = 'service.edit' | 'service.verify' | 'request.decide' | 'queue.view' | 'import.run';

/**
 * `countries`: the grant must cover every country the service serves ('ZZ', worldwide, and a service
 * with no country need a global grant); `any`: the role in any scope; `global`: a global grant.
 */
export type DirectoryScope = 'countries' | 'any' | 'global';

export const DIRECTORY_RULES: Record<DirectoryAction, { roles: Role[]; scope: DirectoryScope }> = {
	'service.edit': { roles: ['directory_moderator'], scope: 'countries' },
	'service.verify': { roles: ['directory_moderator'], scope: 'countries' },
	'request.decide': { roles: ['directory_moderator'], scope: 'countries' },
	'queue.view': { roles: ['directory_moderator'], scope: 'any' },
	'import.run': { roles: ['directory_moderator'], scope: 'global' }
};

const countryTarget = (c: string): Target => (c === 'ZZ' ? { kind: 'global' } : { kind: 'country', country: c });

/** May the actor do `action` on something serving `countries` (ignored by `any` and `global` rules)? */
export function can(actor: Actor | null | undefined, action: DirectoryAction, countries: string[] = []): boolean {
	if (!actor) return false;
	const rule = DIRECTORY_RULES[action];
	return rule.roles.some((role) => {
		if (rule.scope === 'any') return actor.grants.some((g) => g.role === 'admin' || g.role === role);
		if (rule.scope === 'global' || countries.length === 0) return holds(actor, role, { kind: 'global' });
		return countries.every((c) => holds(actor, role, countryTarget(c)));
	});
}

/** Throws Unauthenticated for no actor, Forbidden when the actor may not. */
export function assertCan(actor: Actor | null | undefined, action: DirectoryAction, countries: string[] = []): asserts actor is Actor {
	assertHolds(actor, can(actor, action, countries));
}

/** The name the rest of the module has used since the first version. */
export const canForCountries = can;
