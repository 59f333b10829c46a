// Who may do what with events, as one table of role x action, evaluated in the scope the event
// belongs to (its country, else its region, else the whole deployment). Admins hold every role.
// Registering needs no account and no rule: the registration commands check the event instead.
import type { Role } from '../../identity/roles';
import { holds, type Actor, type Target } from '../identity';

export type EventsAction =
	| 'event.create' // create a draft in this scope
	| 'event.edit' // change, publish, cancel
	| 'registrations.view' // see registrations, answers, the waiting list, export
	| 'registrations.manage' // approve, reject, check in, message, issue certificates
	| 'workspace.enter'; // see the events workspace at all

export const EVENTS_RULES: Record<EventsAction, Role[]> = {
	'event.create': ['organiser'],
	'event.edit': ['organiser'],
	'registrations.view': ['organiser'],
	'registrations.manage': ['organiser'],
	'workspace.enter': ['organiser']
};

/** The scope an event belongs to. */
export function eventTarget(e: { country: string | null; region: string | null }): Target {
	if (e.country) return { kind: 'country', country: e.country };
	if (e.region) return { kind: 'region', region: e.region as never };
	return { kind: 'global' };
}

export function can(actor: Actor | null | undefined, action: EventsAction, target: Target = { kind: 'global' }): boolean {
	if (!actor) return false;
	if (action === 'workspace.enter') return actor.grants.some((g) => g.role === 'admin' || EVENTS_RULES[action].includes(g.role));
	return EVENTS_RULES[action].some((role) => holds(actor, role, target));
}

/** The scopes whose events the actor's grants let them see in the workspace. */
export function visibleScope(actor: Actor): { all: true } | { all: false; regions: string[]; countries: string[] } {
	const regions: string[] = [];
	const countries: string[] = [];
	for (const g of actor.grants) {
		if (g.role !== 'admin' && g.role !== 'organiser') continue;
		if (g.scopeKind === 'global') return { all: true };
		if (g.scopeKind === 'region') regions.push(g.scopeValue);
		if (g.scopeKind === 'country') countries.push(g.scopeValue);
	}
	return { all: false, regions: [...new Set(regions)], countries: [...new Set(countries)] };
}
