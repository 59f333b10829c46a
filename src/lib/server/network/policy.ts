// Who may do what with network applications, as one table of role x action, evaluated in the
// scope of the application's countries: a regional reviewer sees an application when at least one
// country it works in lies in their region. Admins hold every role. Applying, confirming, answering
// and withdrawing need no account and no rule: those commands check the private link instead.
import type { Role } from '../../identity/roles';
import { holds, type Actor } from '../identity';

export type NetworkAction =
	| 'applications.view' // see applications (with the applicant's address) and their thread
	| 'applications.review' // accept, ask for more, decline
	| 'workspace.enter'; // see the review queue at all

export const NETWORK_RULES: Record<NetworkAction, Role[]> = {
	'applications.view': ['network_reviewer'],
	'applications.review': ['network_reviewer'],
	'workspace.enter': ['network_reviewer']
};

/** May the actor do `action` on an application working in these countries? */
export function can(actor: Actor | null | undefined, action: NetworkAction, countries: readonly string[] = []): boolean {
	if (!actor) return false;
	if (action === 'workspace.enter') return actor.grants.some((g) => g.role === 'admin' || NETWORK_RULES[action].includes(g.role));
	const roles = NETWORK_RULES[action];
	if (countries.length === 0) return roles.some((role) => holds(actor, role));
	return roles.some((role) => countries.some((country) => holds(actor, role, { kind: 'country', country })));
}

/** The scopes whose applications the actor's grants let them see. */
export function visibleScope(actor: Actor): { all: true } | { all: false; regions: string[]; countries: string[] } {
	const regions: string[] = [];
	const countries: string[] = [];
	for (const g of actor.grants) {
		if (g.role !== 'admin' && g.role !== 'network_reviewer') continue;
		if (g.scopeKind === 'global') return { all: true };
		if (g.scopeKind === 'region') regions.push(g.scopeValue);
		if (g.scopeKind === 'country') countries.push(g.scopeValue);
	}
	return { all: false, regions: [...new Set(regions)], countries: [...new Set(countries)] };
}
