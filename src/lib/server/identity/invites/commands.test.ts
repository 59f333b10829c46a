import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db';
import * as mail from '../../mail';
import { rateLimits } from '../../platform/schema';
import { codeOf } from '../../test/errors';
import { useFreshDatabase } from '../../test/db';
import { grant, makeUser, TEST_PASSWORD } from '../../test/factories';
import * as identity from '..';

useFreshDatabase();
const origin = { origin: 'https://cop.example' };

beforeEach(async () => {
	await db().delete(rateLimits);
});

async function linkFor(email: string): Promise<string> {
	const msg = (await mail.list()).filter((m) => m.to === email).at(-1)!;
	return /\/invite\/([A-Za-z0-9_-]+)/.exec(msg.body)![1];
}

describe('invitations', () => {
	it('an admin invites a validator: the link sets a password, grants the role, signs in, and works once', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const invite = await identity.inviteUser(admin, { email: 'New.Validator@example.org', name: 'Nadia', grants: [{ role: 'validator', scopeKind: 'country', scopeValue: 'KE' }] }, origin);
		expect(invite.email).toBe('new.validator@example.org');
		expect(JSON.stringify(invite)).not.toContain('tokenHash');
		const token = await linkFor('new.validator@example.org');
		expect(await identity.inviteForToken(token)).toMatchObject({ email: 'new.validator@example.org', hasAccount: false });

		const { user, token: session } = await identity.acceptInvite({ token, name: 'Nadia K.', password: 'a long new password' });
		const actor = await identity.actorForSession(session);
		expect(actor?.id).toBe(user.id);
		expect(actor?.grants).toEqual([{ role: 'validator', scopeKind: 'country', scopeValue: 'KE' }]);
		expect(await codeOf(identity.acceptInvite({ token, name: 'Again', password: 'a long new password' }))).toBe('invite_invalid');
		const actions = (await identity.audit.list({ q: 'invite.' })).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['invite.create', 'invite.accept']));
	});

	it('a revoked or expired link does not work', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const a = await identity.inviteUser(admin, { email: 'revoked@example.org', grants: [{ role: 'editor', scopeKind: 'global' }] }, origin);
		const token = await linkFor('revoked@example.org');
		await identity.revokeInvite(admin, a.id);
		expect(await identity.inviteForToken(token)).toBeNull();
		expect(await codeOf(identity.acceptInvite({ token, name: 'X', password: 'a long new password' }))).toBe('invite_invalid');
		expect(await codeOf(identity.revokeInvite(admin, a.id))).toBe('invite_closed');
	});

	it('a coordinator invites only within their region and never an admin', async () => {
		const coordinator = await makeUser({ grants: [grant('coordinator', { region: 'africa' })] });
		await identity.inviteUser(coordinator, { email: 'fp@example.org', grants: [{ role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' }] }, origin);
		expect(await codeOf(identity.inviteUser(coordinator, { email: 'x@example.org', grants: [{ role: 'focal_point', scopeKind: 'country', scopeValue: 'FR' }] }, origin))).toBe('invite_role_not_allowed');
		expect(await codeOf(identity.inviteUser(coordinator, { email: 'x@example.org', grants: [{ role: 'admin', scopeKind: 'global' }] }, origin))).toBe('invite_role_not_allowed');
		expect(await codeOf(identity.inviteUser(coordinator, { email: 'x@example.org', grants: [{ role: 'validator', scopeKind: 'global' }] }, origin))).toBe('invite_role_not_allowed');
		const visible = await identity.listInvites(coordinator);
		// invitations within Africa (Kenya) are theirs to see; a global editor's invitation is not
		expect(visible.map((i) => i.email)).toContain('fp@example.org');
		expect(visible.map((i) => i.email)).not.toContain('revoked@example.org');
		const focal = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		expect(await codeOf(identity.inviteUser(focal, { email: 'y@example.org', grants: [{ role: 'validator', scopeKind: 'country', scopeValue: 'KE' }] }, origin))).toBe('forbidden');
		expect(await codeOf(identity.inviteUser(null, { email: 'y@example.org', grants: [] }, origin))).toBe('forbidden');
	});

	it('an existing account accepts with its own password and keeps it', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const existing = await makeUser({ email: 'learner@example.org' });
		await identity.inviteUser(admin, { email: 'learner@example.org', grants: [{ role: 'organiser', scopeKind: 'country', scopeValue: 'UY' }] }, origin);
		const token = await linkFor('learner@example.org');
		expect((await identity.inviteForToken(token))?.hasAccount).toBe(true);
		expect(await codeOf(identity.acceptInvite({ token, name: 'X', password: 'a long new password' }))).toBe('invite_account_exists');
		expect(await codeOf(identity.acceptInviteAsExisting({ token, current: 'wrong password' }))).toBe('invalid_input');
		const { user } = await identity.acceptInviteAsExisting({ token, current: TEST_PASSWORD });
		expect(user.id).toBe(existing.id);
		expect((await identity.grantsOf(existing.id)).map((g) => g.role)).toEqual(['organiser']);
	});

	it('explains bad input', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		expect(await codeOf(identity.inviteUser(admin, { email: 'not an email', grants: [{ role: 'editor', scopeKind: 'global' }] }, origin))).toBe('invalid_input');
		expect(await codeOf(identity.inviteUser(admin, { email: 'a@example.org', grants: [] }, origin))).toBe('invalid_input');
		expect(await codeOf(identity.inviteUser(admin, { email: 'a@example.org', grants: [{ role: 'focal_point', scopeKind: 'global' }] }, origin))).toBe('invalid_input');
	});
});
