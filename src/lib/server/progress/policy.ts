// Who may do what in the progress module, as one table of role x action, evaluated in the scope of
// the country an assessment (or roadmap) belongs to. Admins hold every role everywhere (identity.holds).
import type { Role } from '../../identity/roles';
import { holds, type Actor, type Target } from '../identity';

export type ProgressAction =
	| 'assessment.view' // see answers (all, including private), evidence, threads, provisional scores
	| 'assessment.answer' // open, answer, attach evidence, reply to queries, submit
	| 'answer.validate' // accept, query, reject
	| 'answer.reopen' // unlock an accepted answer (with a reason)
	| 'roadmap.edit' // create, change, delete roadmap actions
	| 'framework.manage' // import, publish, retire framework versions; recompute scores
	| 'workspace.enter'; // see the workspace at all

export const PROGRESS_RULES: Record<ProgressAction, Role[]> = {
	'assessment.view': ['focal_point', 'validator', 'coordinator'],
	'assessment.answer': ['focal_point'],
	'answer.validate': ['validator'],
	'answer.reopen': ['coordinator'],
	'roadmap.edit': ['focal_point'],
	'framework.manage': ['admin'],
	'workspace.enter': ['focal_point', 'validator', 'coordinator']
};

export function countryTarget(country: string): Target {
	return { kind: 'country', country };
}

/** May the actor do `action` on something belonging to `target` (a country, usually)? */
export function can(actor: Actor | null | undefined, action: ProgressAction, target: Target): boolean {
	if (!actor) return false;
	if (action === 'workspace.enter') return actor.grants.some((g) => g.role === 'admin' || PROGRESS_RULES[action].includes(g.role));
	return PROGRESS_RULES[action].some((role) => holds(actor, role, target));
}

/**
 * Validating: a validator covering the country, who is not the person who wrote the answer
 * (nobody validates their own answers, not even an admin).
 */
export function canValidate(actor: Actor | null | undefined, country: string, answerAuthorId: string | null): boolean {
	if (!actor) return false;
	if (answerAuthorId && answerAuthorId === actor.id) return false;
	return can(actor, 'answer.validate', countryTarget(country));
}

/** The countries an actor's grants let them see in the workspace: 'all', or a list. */
export function visibleScope(actor: Actor): { all: true } | { all: false; regions: string[]; countries: string[] } {
	let regions: string[] = [];
	let countries: string[] = [];
	for (const g of actor.grants) {
		if (g.role !== 'admin' && !PROGRESS_RULES['assessment.view'].includes(g.role)) continue;
		if (g.scopeKind === 'global') return { all: true };
		if (g.scopeKind === 'region') regions.push(g.scopeValue);
		if (g.scopeKind === 'country') countries.push(g.scopeValue);
	}
	regions = [...new Set(regions)];
	countries = [...new Set(countries)];
	return { all: false, regions, countries };
}
