// Who may do what, where. Every command asks here first. Grants are scoped: a global grant covers
// everything, a region grant covers the region and every country in it, a country grant that country.
import { regionOf, type RegionId } from '../../geo';
import type { Role, ScopeKind } from '../../identity/roles';
import { Forbidden, Unauthenticated } from '../platform/errors';

export interface Grant {
	role: Role;
	scopeKind: ScopeKind;
	scopeValue: string;
}

export interface Actor {
	id: string;
	email: string;
	name: string;
	grants: Grant[];
	/** whether the account has a confirmed second factor (TOTP); set for actors read from a session */
	twoFactor?: boolean;
	/** set when the actor came in with a personal access token: what that token may do */
	tokenScopes?: readonly string[];
}

/** What an action is about: the whole deployment, a region, or a country. */
export type Target =
	| { kind: 'global' }
	| { kind: 'region'; region: RegionId }
	| { kind: 'country'; country: string };

export const GLOBAL: Target = { kind: 'global' };

/** Does this grant's scope cover the target? */
export function covers(grant: Grant, target: Target): boolean {
	switch (grant.scopeKind) {
		case 'global':
			return true;
		case 'region':
			if (target.kind === 'region') return target.region === grant.scopeValue;
			if (target.kind === 'country') return regionOf(target.country) === grant.scopeValue;
			return false;
		case 'country':
			return target.kind === 'country' && target.country === grant.scopeValue;
	}
}

/** Does the actor hold `role` in a scope covering `target`? Admins hold every role everywhere. */
export function holds(actor: Actor | null | undefined, role: Role, target: Target = GLOBAL): boolean {
	if (!actor) return false;
	return actor.grants.some(
		(g) => (g.role === role || g.role === 'admin') && covers(g, target)
	);
}

export function isAdmin(actor: Actor | null | undefined): boolean {
	return !!actor?.grants.some((g) => g.role === 'admin');
}

/** Identity's own actions. Other modules keep their own tables built on `holds`. */
export type IdentityAction = 'user.list' | 'role.grant' | 'role.revoke' | 'audit.view' | 'outbox.view' | 'admin.enter';

const RULES: Record<IdentityAction, Role[]> = {
	'user.list': ['admin'],
	'role.grant': ['admin'],
	'role.revoke': ['admin'],
	'audit.view': ['admin'],
	'outbox.view': ['admin'],
	'admin.enter': ['admin']
};

export function can(actor: Actor | null | undefined, action: IdentityAction, target: Target = GLOBAL): boolean {
	return RULES[action].some((role) => holds(actor, role, target));
}

/** Roles whose holders must sign in with a second factor: they can change what others rely on. */
export const TWO_FACTOR_ROLES: readonly Role[] = ['admin', 'coordinator', 'validator', 'directory_moderator'];

/** Must this person enrol a second factor before doing anything else signed in? */
export function requiresTwoFactor(actor: Actor | null | undefined): boolean {
	return !!actor && actor.grants.some((g) => TWO_FACTOR_ROLES.includes(g.role));
}

/** Roles a coordinator may hand out by invitation, within their region. */
const COORDINATOR_INVITES: readonly Role[] = ['focal_point', 'validator', 'editor', 'directory_moderator', 'organiser', 'partner'];

/**
 * May the actor invite someone into this role and scope? Admins: any. Coordinators: the roles
 * above, scoped to their region or a country in it (never global, never admin or coordinator).
 */
export function mayInvite(actor: Actor | null | undefined, grant: Grant): boolean {
	if (isAdmin(actor)) return true;
	if (!actor || !COORDINATOR_INVITES.includes(grant.role) || grant.scopeKind === 'global') return false;
	const target: Target = grant.scopeKind === 'region' ? { kind: 'region', region: grant.scopeValue as RegionId } : { kind: 'country', country: grant.scopeValue };
	return actor.grants.some((g) => g.role === 'coordinator' && covers(g, target));
}

/** Who may open the invitations page at all. */
export function mayManageInvites(actor: Actor | null | undefined): boolean {
	return isAdmin(actor) || !!actor?.grants.some((g) => g.role === 'coordinator');
}

/** Throws Unauthenticated for no actor, Forbidden when the actor may not. */
export function assertCan(actor: Actor | null | undefined, action: IdentityAction, target: Target = GLOBAL): asserts actor is Actor {
	if (!actor) throw new Unauthenticated();
	if (!can(actor, action, target)) throw new Forbidden();
}

/** The same assertion for another module's rule table. */
export function assertHolds(actor: Actor | null | undefined, allowed: boolean): asserts actor is Actor {
	if (!actor) throw new Unauthenticated();
	if (!allowed) throw new Forbidden();
}
