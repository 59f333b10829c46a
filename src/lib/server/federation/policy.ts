// Who may do what with federation: one table of action -> roles. Federation is deployment-wide, so
// every rule is evaluated in the global scope; only administrators hold it.
import type { Role } from '../../identity/roles';
import { GLOBAL, holds, type Actor } from '../identity';
import { Forbidden, Unauthenticated } from '../platform/errors';

export type FederationAction =
	| 'federation.view' // see /admin/federation: identity, members, pull log
	| 'federation.settings' // change the instance's name, countries, role
	| 'federation.rotate' // rotate the signing key
	| 'federation.members'; // register, change, remove members; pull now

export const FEDERATION_RULES: Record<FederationAction, Role[]> = {
	'federation.view': ['admin'],
	'federation.settings': ['admin'],
	'federation.rotate': ['admin'],
	'federation.members': ['admin']
};

export function can(actor: Actor | null | undefined, action: FederationAction): boolean {
	if (!actor) return false;
	return FEDERATION_RULES[action].some((role) => holds(actor, role, GLOBAL));
}

export function assertCan(actor: Actor | null | undefined, action: FederationAction): asserts actor is Actor {
	if (!actor) throw new Unauthenticated();
	if (!can(actor, action)) throw new Forbidden();
}
