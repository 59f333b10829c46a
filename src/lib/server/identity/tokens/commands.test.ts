import { describe, expect, it } from 'vitest';
import { codeOf } from '../../test/errors';
import { useFreshDatabase } from '../../test/db';
import { grant, makeUser } from '../../test/factories';
import * as identity from '..';

useFreshDatabase();

const bearer = (t: string) => `Bearer ${t}`;

describe('personal access tokens', () => {
	it('act as their owner within their scope, until revoked', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
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
