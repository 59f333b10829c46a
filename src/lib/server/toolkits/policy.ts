// Who may do what with saved self-assessments, as one table. A saved assessment belongs to the
// person who saved it and to nobody else: no role (not even admin) reads another person's, because
// an organisation's honest answers about its weaknesses are sensitive. Reading toolkits and taking
// the self-assessment anonymously need no rule: they are public and keep nothing.
import type { Actor } from '../identity';

export type ToolkitsAction =
	| 'assessment.save' // keep a new self-assessment with one's account
	| 'assessment.read' // open a saved one
	| 'assessment.update' // change its answers, plan or organisation name
	| 'assessment.delete'; // delete it

/** `signed_in`: anyone with an account (not a personal access token); `owner`: only the person who saved it. */
export const TOOLKITS_RULES: Record<ToolkitsAction, 'signed_in' | 'owner'> = {
	'assessment.save': 'signed_in',
	'assessment.read': 'owner',
	'assessment.update': 'owner',
	'assessment.delete': 'owner'
};

export function can(actor: Actor | null | undefined, action: ToolkitsAction, target?: { userId: string }): boolean {
	// a personal access token is for the open-data API, never for someone's saved assessments
	if (!actor || actor.tokenScopes) return false;
	if (TOOLKITS_RULES[action] === 'signed_in') return true;
	return !!target && target.userId === actor.id;
}
