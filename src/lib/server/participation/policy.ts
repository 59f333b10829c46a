// Who may do what with consultations: one table of role x action, evaluated against EVERY country a
// consultation is for (an organiser for Kenya cannot run a consultation that also asks Uganda).
// Reviewing needs a second person: nobody approves a consultation they wrote or sent for review.
import type { Role } from '../../identity/roles';
import { holds, type Actor } from '../identity';

export type ParticipationAction =
	| 'consultation.manage' // draft, edit, submit for review, publish, close, new version, class codes, "you said, we did"
	| 'consultation.review' // approve or return a consultation before it opens
	| 'consultation.view' // see drafts and the workspace list
	| 'text.moderate' // approve or reject children's free text, choose quotes
	| 'text.read'; // read approved free text

export const PARTICIPATION_RULES: Record<ParticipationAction, Role[]> = {
	'consultation.manage': ['organiser'],
	'consultation.review': ['safeguarding'],
	'consultation.view': ['organiser', 'safeguarding'],
	'text.moderate': ['safeguarding'],
	'text.read': ['organiser', 'safeguarding']
};

/** May the actor do `action` on a consultation for `countries` (all of them must be covered)? */
export function can(actor: Actor | null | undefined, action: ParticipationAction, countries: readonly string[]): boolean {
	if (!actor || countries.length === 0) return false;
	return PARTICIPATION_RULES[action].some((role) => countries.every((country) => holds(actor, role, { kind: 'country', country })));
}

/** Reviewing: safeguarding over every country, and not the person who wrote or submitted it. */
export function canReview(actor: Actor | null | undefined, c: { countries: readonly string[]; createdBy: string | null; submittedBy: string | null }): boolean {
	if (!actor) return false;
	if (actor.id === c.createdBy || actor.id === c.submittedBy) return false;
	return can(actor, 'consultation.review', c.countries);
}

/** Whether the participation workspace is for this person at all (each page checks its own rule again). */
export function mayEnterWorkspace(actor: Actor | null | undefined): boolean {
	return !!actor?.grants.some((g) => g.role === 'admin' || PARTICIPATION_RULES['consultation.view'].includes(g.role));
}

/** Does the actor see this consultation in the workspace (organiser or safeguarding in any of its countries)? */
export function canSee(actor: Actor | null | undefined, countries: readonly string[]): boolean {
	if (!actor) return false;
	return PARTICIPATION_RULES['consultation.view'].some((role) => countries.some((country) => holds(actor, role, { kind: 'country', country })));
}
