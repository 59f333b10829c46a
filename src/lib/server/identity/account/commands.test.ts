import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db';
import * as mail from '../../mail';
import { rateLimits } from '../../platform/schema';
import { codeOf } from '../../test/errors';
import { useFreshDatabase } from '../../test/db';
import { grant, makeUser, TEST_PASSWORD } from '../../test/factories';
import * as learning from '../../learning';
import * as identity from '..';
import { users } from '../schema';

useFreshDatabase();
const client = { ip: '192.0.2.9' };
const origin = { origin: 'https://cop.example' };

beforeEach(async () => {
	await db().delete(rateLimits);
});

describe('change of email address', () => {
	it('changes only when the link sent to the new address is used, and tells the old address', async () => {
		const u = await makeUser({ email: 'old@example.org' });
		await identity.requestEmailChange(u, { email: 'New@Example.org', current: TEST_PASSWORD }, origin);
		const [row] = await db().select().from(users).where(eq(users.id, u.id));
		expect(row.email).toBe('old@example.org');
		const msg = (await mail.list()).find((m) => m.to === 'new@example.org')!;
		const token = /\/account\/email\/([A-Za-z0-9_-]+)/.exec(msg.body)![1];
		expect(await identity.confirmEmailChange(token)).toEqual({ email: 'new@example.org' });
		expect((await identity.signIn({ email: 'new@example.org', password: TEST_PASSWORD }, client)).user.id).toBe(u.id);
		expect((await mail.list()).some((m) => m.to === 'old@example.org')).toBe(true);
		expect(await codeOf(identity.confirmEmailChange(token))).toBe('token_invalid');
	});

	it('asks for the current password and refuses an address already in use', async () => {
		const u = await makeUser();
		await makeUser({ email: 'taken@example.org' });
		expect(await codeOf(identity.requestEmailChange(u, { email: 'x@example.org', current: 'wrong one' }, origin))).toBe('invalid_input');
		await identity.requestEmailChange(u, { email: 'taken@example.org', current: TEST_PASSWORD }, origin);
		const msg = (await mail.list()).filter((m) => m.to === 'taken@example.org').at(-1)!;
		const token = /\/account\/email\/([A-Za-z0-9_-]+)/.exec(msg.body)![1];
		expect(await codeOf(identity.confirmEmailChange(token))).toBe('email_taken');
	});
});

describe('download my data and delete my account', () => {
	it('exports what identity keeps, then deletes: anonymised row, no sign-in, audit chain intact', async () => {
		const u = await makeUser({ email: 'leaving@example.org', name: 'Leaving Person', grants: [grant('editor', { country: 'KE' })] });
		await identity.createApiToken(u, { name: 'script', scopes: ['learning.statements:read'] });
		const data = await identity.personalData(u);
		expect(data.account.email).toBe('leaving@example.org');
		expect(data.roles.map((r) => r.role)).toEqual(['editor']);
		expect(data.accessTokens.map((t) => t.name)).toEqual(['script']);
		expect(JSON.stringify(data)).not.toContain('passwordHash');

		expect(await codeOf(identity.deleteOwnAccount(u, { current: TEST_PASSWORD }))).toBe('invalid_input');
		expect(await codeOf(identity.deleteOwnAccount(u, { current: 'wrong', confirm: 'yes' }))).toBe('invalid_input');
		await identity.deleteOwnAccount(u, { current: TEST_PASSWORD, confirm: 'yes' }, [learning.erasePersonalData]);
		const [row] = await db().select().from(users).where(eq(users.id, u.id));
		expect(row.name).toBe('');
		expect(row.email).not.toContain('leaving');
		expect(row.deletedAt).not.toBeNull();
		expect(await codeOf(identity.signIn({ email: 'leaving@example.org', password: TEST_PASSWORD }, client))).toBe('credentials_invalid');
		expect(await identity.grantsOf(u.id)).toEqual([]);
		const entries = await identity.audit.list({ q: u.id });
		expect(entries.map((e) => e.action)).toContain('user.delete');
		expect(entries.every((e) => e.actorEmail === null)).toBe(true);
		expect((await identity.audit.verifyChain()).ok).toBe(true);
		// the address can be used again by someone new
		await identity.signUp({ name: 'Someone New', email: 'leaving@example.org', password: 'a long new password' }, client);
		const [confirm] = (await mail.list()).filter((x) => x.to === 'leaving@example.org' && x.body.includes('/signup/'));
		expect(confirm).toBeTruthy();
	});
});
