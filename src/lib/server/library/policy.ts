// Who may do what in the library, as one table of role x action, evaluated in the scope a document
// belongs to: the countries it is about (a country editor manages documents about their country,
// and only those), or the whole deployment for a document about no country or several regions.
// Admins hold every role. Reading published documents needs no rule: they are public.
import type { Role } from '../../identity/roles';
import { holds, type Actor } from '../identity';

export type LibraryAction =
	| 'document.create' // create a draft about these countries
	| 'document.edit' // change, correct, add editions and files, publish, withdraw
	| 'document.view' // see drafts and withdrawn documents, and their files
	| 'workspace.enter'; // see the library workspace at all

export const LIBRARY_RULES: Record<LibraryAction, Role[]> = {
	'document.create': ['editor'],
	'document.edit': ['editor'],
	'document.view': ['editor'],
	'workspace.enter': ['editor']
};

/** A document's scope: the countries it is about (every one must be covered), or global. */
export interface DocumentScope {
	countries: readonly string[];
}

export function can(actor: Actor | null | undefined, action: LibraryAction, scope: DocumentScope = { countries: [] }): boolean {
	if (!actor) return false;
	const roles = LIBRARY_RULES[action];
	if (action === 'workspace.enter') return actor.grants.some((g) => g.role === 'admin' || roles.includes(g.role));
	if (scope.countries.length === 0) return roles.some((role) => holds(actor, role, { kind: 'global' }));
	return scope.countries.every((country) => roles.some((role) => holds(actor, role, { kind: 'country', country })));
}

/** The countries whose documents the actor manages, or all of them. */
export function editableScope(actor: Actor): { all: true } | { all: false; countries: string[] } {
	const countries: string[] = [];
	for (const g of actor.grants) {
		if (g.role !== 'admin' && !LIBRARY_RULES['document.edit'].includes(g.role)) continue;
		if (g.scopeKind === 'global') return { all: true };
		if (g.scopeKind === 'country') countries.push(g.scopeValue);
	}
	return { all: false, countries: [...new Set(countries)] };
}
