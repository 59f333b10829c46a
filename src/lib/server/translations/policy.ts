// Who may see translation coverage, download export files and check a translation file, as a
// table of action -> roles. The only write is the per-language display setting: applying a
// translation is a commit made with `npm run translations -- import`, reviewed like code.
import type { Role } from '../../identity/roles';
import { holds, type Actor } from '../identity';

export type TranslationsAction =
	| 'translations.view' // coverage per set and language, items needing review
	| 'translations.export' // download XLIFF / PO
	| 'translations.check' // upload a file to see its per-segment report (writes nothing)
	| 'translations.configure'; // per language: show unreviewed texts with a note, or the original instead

export const TRANSLATIONS_RULES: Record<TranslationsAction, Role[]> = {
	'translations.view': ['admin'],
	'translations.export': ['admin'],
	'translations.check': ['admin'],
	'translations.configure': ['admin']
};

export function can(actor: Actor | null | undefined, action: TranslationsAction): boolean {
	if (!actor) return false;
	return TRANSLATIONS_RULES[action].some((role) => holds(actor, role, { kind: 'global' }));
}
