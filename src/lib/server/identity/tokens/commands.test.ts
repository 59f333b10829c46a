import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../../db';
import { codeOf } from '../../test/errors';
import { useFreshDatabase } from '../../test/db';
import { grant, makeUser } from '../../test/factories';
import * as identity from '..';
import { twoFactor } from '../schema';

useFreshDatabase();

const bearer = (t: string) => `Bearer ${t}`;
/** The account confirmed a second factor at `at` (the secret is never read here). */
const enrolled = (userId: string, at = new Date()) => db().insert(twoFactor).values({ userId, secretSealed: 'unused', confirmedAt: at });

describe('personal access tokens', () => {
	it('act as their owner within their scope, until revoked', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await enrolled(admin.id, new Date(Date.now() - 1000));
		const made = await identity.createApiToken(admin, { name: 'LRS export', scopes: ['learning.statements:read'], days: 30 });
		expect(made.token).toMatch(/^cop_pat_[A-Za-z0-9_-]{40,}$/);
		const actor = await identity.actorForBearer(bearer(made.token), 'learning.statements:read');
		expect(actor?.id).toBe(admin.id);
		expect(actor?.tokenScopes).toEqual(['learning.statements:read']);
		expect(identity.isAdmin(actor)).toBe(true);
		expect(await codeOf(identity.actorForBearer(bearer(made.token), 'something.else:write'))).toBe('token_scope_missing');

		const listed = await identity.listApiTokens(admin);
		expect(listed.map((t) => [t.name, t.state])).toEqual([['LRS export', 'active']]);
		expect(JSON.stringify(listed)).not.toContain(made.token);

		await identity.revokeApiToken(admin, made.id);
		expect(await codeOf(identity.actorForBearer(bearer(made.token), 'learning.statements:read'))).toBe('sign_in_required');
		const actions = (await identity.audit.list({ q: 'token.' })).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['token.create', 'token.revoke']));
	});

	it('carry a staff role only if made after the account confirmed its second factor', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		// made with a password alone, before enrolment: it acts, but without the admin role
		const early = await identity.createApiToken(admin, { name: 'early', scopes: ['learning.statements:read'], days: 30 });
		let actor = await identity.actorForBearer(bearer(early.token), 'learning.statements:read');
		expect(actor?.id).toBe(admin.id);
		expect(actor?.grants).toEqual([]);
		expect(identity.isAdmin(actor)).toBe(false);
		// enrolling later does not vouch for a token made before
		await enrolled(admin.id);
		actor = await identity.actorForBearer(bearer(early.token), 'learning.statements:read');
		expect(identity.isAdmin(actor)).toBe(false);
		const later = await identity.createApiToken(admin, { name: 'later', scopes: ['learning.statements:read'], days: 30 });
		expect(identity.isAdmin(await identity.actorForBearer(bearer(later.token), 'learning.statements:read'))).toBe(true);
		// turning the second factor off takes the role away from every token again
		await db().delete(twoFactor).where(eq(twoFactor.userId, admin.id));
		expect(identity.isAdmin(await identity.actorForBearer(bearer(later.token), 'learning.statements:read'))).toBe(false);
		// roles without the two-factor rule are unaffected
		const learner = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const own = await identity.createApiToken(learner, { name: 'mine', scopes: ['learning.statements:read'], days: 30 });
		expect((await identity.actorForBearer(bearer(own.token), 'learning.statements:read'))?.grants).toEqual(learner.grants);
	});

	it('refuse session tokens, garbage and other people\'s revocations', async () => {
		const owner = await makeUser();
		const other = await makeUser();
		const made = await identity.createApiToken(owner, { name: 'x', scopes: ['learning.statements:read'] });
		expect(await identity.actorForBearer(null, 'learning.statements:read')).toBeNull();
		for (const h of ['Bearer ', 'Bearer abc', 'Basic Zm9vOmJhcg==', bearer('cop_pat_' + 'A'.repeat(43))]) {
			expect(await codeOf(identity.actorForBearer(h, 'learning.statements:read'))).toBe('sign_in_required');
		}
		expect(await codeOf(identity.revokeApiToken(other, made.id))).toBe('token_not_found');
		expect(await codeOf(identity.createApiToken(owner, { name: '', scopes: [] }))).toBe('invalid_input');
		expect(await codeOf(identity.createApiToken(owner, { name: 'y', scopes: ['admin:everything'] }))).toBe('invalid_input');
		const viaToken = (await identity.actorForBearer(bearer(made.token), 'learning.statements:read'))!;
		expect(await codeOf(identity.createApiToken(viaToken, { name: 'z', scopes: ['learning.statements:read'] }))).toBe('not_found');
	});
});
