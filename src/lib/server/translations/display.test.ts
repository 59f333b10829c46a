// The per-language display setting: who may change it, what a bad form leaves behind (nothing),
// the audit trail, and that pages depending on it are invalidated.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import { auditLog } from '../identity/schema';
import * as cache from '../platform/cache';
import { Forbidden, Unauthenticated, ValidationError } from '../platform/errors';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import { displayModes, hiddenLocale, setDisplayModes } from '.';
import { translationDisplay } from './schema';

useFreshDatabase();
let admin: Actor;
let coordinator: Actor;

beforeAll(async () => {
	admin = await makeUser({ grants: [grant('admin')] });
	coordinator = await makeUser({ grants: [grant('coordinator')] });
});

describe('translations: what readers see of unreviewed texts', () => {
	it('shows unreviewed texts with a note in every language until an admin says otherwise', async () => {
		expect(await displayModes()).toEqual({ fr: 'note', es: 'note', ru: 'note', zh: 'note', ar: 'note' });
		expect(await hiddenLocale('es')).toBeNull();
		expect(await hiddenLocale('en')).toBeNull();
	});

	it('lets an admin replace one language by the original, audited, and drops cached pages at once', async () => {
		const before = await cache.readVersion('translations');
		const after = await setDisplayModes(admin, { es: 'fallback', fr: 'note' });
		expect(after.es).toBe('fallback');
		expect(after.fr).toBe('note');
		expect(await hiddenLocale('es')).toBe('es');
		expect(await hiddenLocale('fr')).toBeNull();
		expect(await cache.readVersion('translations')).toBe(before + 1);
		const entries = await db().select().from(auditLog).where(eq(auditLog.action, 'translations.display'));
		// fr did not change, so only es is recorded
		expect(entries.map((e) => [e.entityId, e.before, e.after])).toEqual([['es', { mode: 'note' }, { mode: 'fallback' }]]);
		const [row] = await db().select().from(translationDisplay).where(eq(translationDisplay.locale, 'es'));
		expect(row.updatedBy).toBe(admin.id);
		// saving the same choice again changes nothing and invalidates nothing
		await setDisplayModes(admin, { es: 'fallback' });
		expect(await cache.readVersion('translations')).toBe(before + 1);
		await setDisplayModes(admin, { es: 'note' });
		expect(await hiddenLocale('es')).toBeNull();
	});

	it('refuses anyone but an admin, and bad forms, writing nothing', async () => {
		await expect(setDisplayModes(null, { ar: 'fallback' })).rejects.toBeInstanceOf(Unauthenticated);
		await expect(setDisplayModes(coordinator, { ar: 'fallback' })).rejects.toBeInstanceOf(Forbidden);
		for (const bad of [{ ar: 'hide' }, { en: 'fallback' }, {}, { ar: 'fallback', ru: 'maybe' }, { ar: 'fallback\u0000' }]) {
			const e = await setDisplayModes(admin, bad).catch((x) => x);
			expect(e, JSON.stringify(bad)).toBeInstanceOf(ValidationError);
		}
		expect((await displayModes()).ar).toBe('note');
		expect(await db().select().from(translationDisplay).where(eq(translationDisplay.locale, 'ar'))).toEqual([]);
	});
});
