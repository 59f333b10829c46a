// Who may do what in the help finder. Anyone may search, suggest and report (no account);
// directory moderators change, verify and decide, within the countries their grant covers.
import { holds, type Actor, type Target } from '../identity';

export type DirectoryAction = 'service.edit' | 'service.verify' | 'request.decide' | 'queue.view' | 'import.run';

/** A moderator must cover every country a service serves ('ZZ', worldwide, needs a global grant). */
export function canForCountries(actor: Actor | null | undefined, action: DirectoryAction, countries: string[]): boolean {
	if (!actor) return false;
	if (action === 'import.run') return holds(actor, 'directory_moderator', { kind: 'global' });
	if (action === 'queue.view') return actor.grants.some((g) => g.role === 'admin' || g.role === 'directory_moderator');
	if (countries.length === 0) return holds(actor, 'directory_moderator', { kind: 'global' });
	return countries.every((c) => {
		const target: Target = c === 'ZZ' ? { kind: 'global' } : { kind: 'country', country: c };
		return holds(actor, 'directory_moderator', target);
	});
}
