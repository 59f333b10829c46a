// How each language shows content that no native speaker has reviewed yet (machine-assisted or
// translated): shown with a discreet note (the default: most shipped translations are
// machine-assisted, and readers are better served by them than by English), or replaced by the
// English original, marked "not yet translated". An admin chooses per language on
// /admin/translations; pages read the choice through a memo invalidated by the 'translations'
// cache tag, so every app instance sees a change at once.
import * as v from 'valibot';
import { db } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import * as cache from '../platform/cache';
import { parse } from '../platform/validate';
import type { Locale } from '../../paraglide/runtime';
import { can } from './policy';
import { TARGET_LOCALES } from './sets';
import { translationDisplay } from './schema';

export const DISPLAY_MODES = ['note', 'fallback'] as const;
export type DisplayMode = (typeof DISPLAY_MODES)[number];
export const DEFAULT_DISPLAY_MODE: DisplayMode = 'note';

export type DisplayModes = Record<Exclude<Locale, 'en'>, DisplayMode>;

const memo = new cache.TagMemo<DisplayModes>('translations', 1);

/** Every target language's mode (languages never set use the default). */
export async function displayModes(): Promise<DisplayModes> {
	return memo.get('all', async () => {
		const rows = await db().select({ locale: translationDisplay.locale, mode: translationDisplay.mode }).from(translationDisplay);
		const set = new Map(rows.map((r) => [r.locale, r.mode as DisplayMode]));
		return Object.fromEntries(TARGET_LOCALES.map((l) => [l, set.get(l) ?? DEFAULT_DISPLAY_MODE])) as DisplayModes;
	});
}

/** The reader's language when its unreviewed texts are to be replaced by the original, else null. */
export async function hiddenLocale(locale: Locale): Promise<Exclude<Locale, 'en'> | null> {
	if (locale === 'en') return null;
	return (await displayModes())[locale] === 'fallback' ? locale : null;
}

const Mode = v.picklist(DISPLAY_MODES, 'translations_mode_invalid');
const DisplayInput = v.pipe(
	v.partial(v.object(Object.fromEntries(TARGET_LOCALES.map((l) => [l, Mode])) as Record<Exclude<Locale, 'en'>, typeof Mode>)),
	v.check((x) => Object.values(x).some(Boolean), 'translations_mode_invalid')
);

/**
 * Sets the mode of the languages in `raw` (`{ fr: 'note', ar: 'fallback' }`): admins only, in one
 * transaction, each change audited, and every cached page of learning content and toolkits dropped.
 */
export async function setDisplayModes(actor: Actor | null, raw: unknown): Promise<DisplayModes> {
	assertHolds(actor, can(actor, 'translations.configure'));
	const input = parse(DisplayInput, raw);
	return db().transaction(async (tx) => {
		const rows = await tx.select({ locale: translationDisplay.locale, mode: translationDisplay.mode }).from(translationDisplay);
		const before = new Map(rows.map((r) => [r.locale, r.mode]));
		const now = new Date();
		let changed = false;
		for (const [lang, mode] of Object.entries(input) as [string, DisplayMode | undefined][]) {
			const was = before.get(lang) ?? DEFAULT_DISPLAY_MODE;
			if (!mode || mode === was) continue;
			changed = true;
			await tx
				.insert(translationDisplay)
				.values({ locale: lang, mode, updatedAt: now, updatedBy: actor.id })
				.onConflictDoUpdate({ target: translationDisplay.locale, set: { mode, updatedAt: now, updatedBy: actor.id } });
			await audit.record(tx, actor, { action: 'translations.display', entityType: 'translation_display', entityId: lang, before: { mode: was }, after: { mode } });
		}
		if (changed) await cache.invalidate(tx, 'translations');
		const after = new Map(before);
		for (const [lang, mode] of Object.entries(input)) if (mode) after.set(lang, mode);
		return Object.fromEntries(TARGET_LOCALES.map((l) => [l, (after.get(l) as DisplayMode | undefined) ?? DEFAULT_DISPLAY_MODE])) as DisplayModes;
	});
}
