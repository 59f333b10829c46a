import { eq } from 'drizzle-orm';
import { codeOf } from '../test/errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import * as mail from '../mail';
import { DomainError } from '../platform/errors';
import { LIMITS } from '../platform/rate-limit';
import { rateLimits } from '../platform/schema';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser, TEST_PASSWORD } from '../test/factories';
import * as identity from '.';
import { passwordResets, pendingSignUps, sessions, users } from './schema';

const mailsTo = async (to: string) => (await mail.list()).filter((x) => x.to === to);

/** The token at the end of the first link in a mail that starts with `prefix`. */
function linkToken(body: string, prefix: string): string {
	const at = body.indexOf(prefix);
	expect(at, `a link starting ${prefix} in: ${body}`).toBeGreaterThan(-1);
	return /^[A-Za-z0-9_-]+/.exec(body.slice(at + prefix.length))![0];
}

useFreshDatabase();
const client = { ip: '192.0.2.1' };

beforeEach(async () => {
	// each test gets fresh rate-limit windows
	await db().delete(rateLimits);
});


describe('sign up and sign in', () => {
	it('creates no account until the mailed link is used, then creates it, opens a session and audits the sign-up', async () => {
		await identity.signUp({ name: 'Amina', email: '  Amina@Example.ORG ', password: 'long enough pass', locale: 'fr' }, { ...client, origin: 'https://cop.example' });
		expect(await db().select().from(users).where(eq(users.email, 'amina@example.org'))).toHaveLength(0);
		const [msg] = await mailsTo('amina@example.org');
		expect(msg.body).not.toContain('long enough pass');
		const token = linkToken(msg.body, 'https://cop.example/fr/signup/');
		// the token is stored hashed only
		expect(JSON.stringify(await db().select().from(pendingSignUps))).not.toContain(token);

		const { user, token: session } = await identity.confirmSignUp(token);
		expect(user).toMatchObject({ email: 'amina@example.org', name: 'Amina', locale: 'fr' });
		const actor = await identity.actorForSession(session);
		expect(actor?.id).toBe(user.id);
		expect(actor?.grants).toEqual([]);
		expect((await identity.signIn({ email: 'amina@example.org', password: 'long enough pass' }, client)).user.id).toBe(user.id);
		const entries = await identity.audit.list({ q: user.id });
		expect(entries.map((e) => e.action)).toContain('user.sign_up');
		expect(JSON.stringify(entries)).not.toContain('long enough pass');
		// the link works once
		expect(await codeOf(identity.confirmSignUp(token))).toBe('token_invalid');
	});

	it('refuses an expired, unknown or malformed link, and a second link once the address has an account', async () => {
		await identity.signUp({ name: 'C', email: 'twolinks@example.org', password: 'long enough pass' }, client);
		await identity.signUp({ name: 'C', email: 'twolinks@example.org', password: 'long enough pass' }, client);
		const [second, first] = (await mailsTo('twolinks@example.org')).map((x) => linkToken(x.body, '/signup/'));
		await identity.confirmSignUp(first);
		// the other link for the address went with it
		expect(await codeOf(identity.confirmSignUp(second))).toBe('token_invalid');
		expect(await codeOf(identity.confirmSignUp('x'.repeat(43)))).toBe('token_invalid');
		expect(await codeOf(identity.confirmSignUp('../etc'))).toBe('token_invalid');

		await identity.signUp({ name: 'D', email: 'late@example.org', password: 'long enough pass' }, client);
		const late = linkToken((await mailsTo('late@example.org'))[0].body, '/signup/');
		await db().update(pendingSignUps).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(pendingSignUps.email, 'late@example.org'));
		expect(await codeOf(identity.confirmSignUp(late))).toBe('token_invalid');
		await identity.pruneExpired();
		expect(await db().select().from(pendingSignUps).where(eq(pendingSignUps.email, 'late@example.org'))).toHaveLength(0);

		// an account made meanwhile by another way (an invitation, an admin): the link creates nothing
		await identity.signUp({ name: 'E', email: 'raced@example.org', password: 'long enough pass' }, client);
		const raced = linkToken((await mailsTo('raced@example.org'))[0].body, '/signup/');
		await makeUser({ email: 'raced@example.org' });
		expect(await codeOf(identity.confirmSignUp(raced))).toBe('email_taken');
		expect((await db().select().from(users)).filter((u) => u.email === 'raced@example.org')).toHaveLength(1);
	});

	it('answers a known address exactly like a new one: no error, no account change, a mail to the owner', async () => {
		const owner = await makeUser({ email: 'dup@example.org', name: 'B', locale: 'fr' });
		const before = await db().select().from(users);
		await expect(identity.signUp({ name: 'B2', email: 'DUP@example.org', password: 'another long pass' }, { ...client, origin: 'https://cop.example' })).resolves.toBeUndefined();
		expect(await db().select().from(users)).toEqual(before);
		expect(await db().select().from(pendingSignUps).where(eq(pendingSignUps.email, 'dup@example.org'))).toHaveLength(0);
		await expect(identity.signIn({ email: 'dup@example.org', password: TEST_PASSWORD }, client)).resolves.toMatchObject({ user: { id: owner.id } });
		// the owner of the address is told, in their language, how to sign in or reset the password
		const msgs = await mailsTo('dup@example.org');
		expect(msgs).toHaveLength(1);
		expect(msgs[0].body).toContain('https://cop.example/fr/signin');
		expect(msgs[0].body).toContain('https://cop.example/fr/password/forgot');
		expect(msgs[0].body).not.toContain('another long pass');
	});

	it('mails the owner at most three notices an hour, and past that still answers the same way', async () => {
		await makeUser({ email: 'often@example.org' });
		for (let i = 0; i < 5; i++) {
			await identity.signUp({ name: 'X', email: 'often@example.org', password: 'long enough pass' }, { ip: `192.0.2.${10 + i}` });
			await identity.signUp({ name: 'Y', email: 'fresh@example.org', password: 'long enough pass' }, { ip: `192.0.2.${10 + i}` });
		}
		const msgs = await mail.list();
		expect(msgs.filter((x) => x.to === 'often@example.org')).toHaveLength(LIMITS.signUpNotice.max);
		expect(msgs.filter((x) => x.to === 'fresh@example.org')).toHaveLength(LIMITS.signUpNotice.max);
		expect((await mail.list()).filter((x) => x.to === 'often@example.org')).toHaveLength(3);
	});

	it('explains each bad field', async () => {
		try {
			await identity.signUp({ name: '', email: 'not-an-email', password: 'short' }, client);
			expect.unreachable();
		} catch (e) {
			expect((e as DomainError).status).toBe(400);
			expect((e as DomainError).fields).toEqual({ name: 'name_required', email: 'email_invalid', password: 'password_too_short' });
		}
	});

	it('signs in with the right password only, with one message for unknown email and wrong password', async () => {
		const u = await makeUser({ email: 'known@example.org' });
		const { token } = await identity.signIn({ email: 'KNOWN@example.org', password: TEST_PASSWORD }, client);
		expect((await identity.actorForSession(token))?.id).toBe(u.id);
		expect(await codeOf(identity.signIn({ email: 'known@example.org', password: 'wrong password!' }, client))).toBe('credentials_invalid');
		expect(await codeOf(identity.signIn({ email: 'nobody@example.org', password: 'wrong password!' }, client))).toBe('credentials_invalid');
	});

	it('rate-limits repeated sign-in attempts on one account, from any address', async () => {
		await makeUser({ email: 'target@example.org' });
		for (let i = 0; i < LIMITS.signIn.max; i++) {
			expect(await codeOf(identity.signIn({ email: 'target@example.org', password: 'guess guess ' + i }, { ip: `198.51.100.${i}` }))).toBe('credentials_invalid');
		}
		expect(await codeOf(identity.signIn({ email: 'target@example.org', password: TEST_PASSWORD }, { ip: '203.0.113.9' }))).toBe('rate_limited');
	});

	it('lets an office sign in together from one address: only failures count there', async () => {
		const office = { ip: '198.51.100.20' };
		const emails = Array.from({ length: LIMITS.signInFailures.max + 5 }, (_, i) => `colleague${i}@example.org`);
		for (const email of emails.slice(0, 12)) await makeUser({ email });
		// more successful sign-ins than any per-address allowance, then still room for typos
		for (let round = 0; round < 5; round++) for (const email of emails.slice(0, 12)) expect((await identity.signIn({ email, password: TEST_PASSWORD }, office)).token).toBeTruthy();
		expect(await codeOf(identity.signIn({ email: emails[0], password: 'a typo in it' }, office))).toBe('credentials_invalid');
	}, 120_000);

	it('caps failed sign-ins from one address across accounts (password spraying)', async () => {
		await makeUser({ email: 'sprayed@example.org' });
		const attacker = { ip: '198.51.100.66' };
		for (let i = 0; i < LIMITS.signInFailures.max; i++) {
			expect(await codeOf(identity.signIn({ email: `victim${i}@example.org`, password: 'Summer2026!!' }, attacker))).toBe('credentials_invalid');
		}
		expect(await codeOf(identity.signIn({ email: 'sprayed@example.org', password: TEST_PASSWORD }, attacker))).toBe('rate_limited');
		// another address is not affected
		expect((await identity.signIn({ email: 'sprayed@example.org', password: TEST_PASSWORD }, { ip: '203.0.113.10' })).token).toBeTruthy();
	}, 120_000);

	it('lets a class sign up together from one address, up to an allowance', async () => {
		const classroom = { ip: '198.51.100.30' };
		for (let i = 0; i < LIMITS.signUp.max; i++) {
			await identity.signUp({ name: `Learner ${i}`, email: `learner${i}@example.org`, password: 'long enough pass' }, classroom);
		}
		expect((await db().select().from(pendingSignUps)).filter((p) => p.email.startsWith('learner'))).toHaveLength(LIMITS.signUp.max);
		expect(await codeOf(identity.signUp({ name: 'One more', email: 'learner-extra@example.org', password: 'long enough pass' }, classroom))).toBe('rate_limited');
	}, 120_000);

	it('renews a session in use after half its life, but never past 90 days from sign-in', async () => {
		const u = await makeUser({ email: 'longlived@example.org' });
		const { token } = await identity.signIn({ email: 'longlived@example.org', password: TEST_PASSWORD }, client);
		const day = 86_400_000;
		const at = async () => (await db().select().from(sessions).where(eq(sessions.userId, u.id)))[0].expiresAt.getTime();
		// signed in 20 days ago, last renewed then: used today, it runs 30 days from now
		await db().update(sessions).set({ createdAt: new Date(Date.now() - 20 * day), expiresAt: new Date(Date.now() + 10 * day) }).where(eq(sessions.userId, u.id));
		expect(await identity.actorForSession(token)).not.toBeNull();
		expect(Math.abs((await at()) - (Date.now() + identity.SESSION_DAYS * day))).toBeLessThan(60_000);
		// signed in 80 days ago: renewed only up to day 90
		await db().update(sessions).set({ createdAt: new Date(Date.now() - 80 * day), expiresAt: new Date(Date.now() + 5 * day) }).where(eq(sessions.userId, u.id));
		expect(await identity.actorForSession(token)).not.toBeNull();
		expect(Math.abs((await at()) - (Date.now() + 10 * day))).toBeLessThan(60_000);
		// past day 90 it is over, however often it was used
		await db().update(sessions).set({ createdAt: new Date(Date.now() - 91 * day), expiresAt: new Date(Date.now() - day) }).where(eq(sessions.userId, u.id));
		expect(await identity.actorForSession(token)).toBeNull();
	});

	it('ends the session on sign-out', async () => {
		await makeUser({ email: 'out@example.org' });
		const { token } = await identity.signIn({ email: 'out@example.org', password: TEST_PASSWORD }, client);
		await identity.signOut(token!);
		expect(await identity.actorForSession(token)).toBeNull();
	});

	it('ignores unknown and absurd session tokens', async () => {
		expect(await identity.actorForSession('nope')).toBeNull();
		expect(await identity.actorForSession('x'.repeat(10_000))).toBeNull();
		expect(await identity.actorForSession(undefined)).toBeNull();
	});
});

describe('password hash upgrade', () => {
	it('re-hashes with today\'s parameters at sign-in when the stored ones are weaker', async () => {
		const { hashPassword } = await import('./crypto');
		const u = await makeUser({ email: 'old-hash@example.org' });
		await db().update(users).set({ passwordHash: await hashPassword(TEST_PASSWORD, { N: 1024, r: 8, p: 1 }) }).where(eq(users.id, u.id));
		await identity.signIn({ email: 'old-hash@example.org', password: TEST_PASSWORD }, client);
		const [row] = await db().select().from(users).where(eq(users.id, u.id));
		expect(row.passwordHash.split('$')[1]).toBe('16384');
		await identity.signIn({ email: 'old-hash@example.org', password: TEST_PASSWORD }, client);
	});
});

describe('password reset', () => {
	it('writes a reset mail to the outbox, and the link sets a new password once', async () => {
		const u = await makeUser({ email: 'forgetful@example.org' });
		const { token: oldSession } = await identity.signIn({ email: 'forgetful@example.org', password: TEST_PASSWORD }, client);
		await identity.requestPasswordReset({ email: 'forgetful@example.org' }, { ...client, origin: 'https://cop.example' });
		const [msg] = await mail.list();
		expect(msg.to).toBe('forgetful@example.org');
		expect(msg.status).toBe('stored'); // no SMTP in tests: kept, not lost
		const link = /https:\/\/cop\.example\/password\/reset\/([A-Za-z0-9_-]+)/.exec(msg.body);
		expect(link).not.toBeNull();
		await identity.resetPassword({ token: link![1], password: 'a brand new password' });
		// old sessions end, the new password works, the token is spent
		expect(await identity.actorForSession(oldSession)).toBeNull();
		const { user } = await identity.signIn({ email: 'forgetful@example.org', password: 'a brand new password' }, client);
		expect(user.id).toBe(u.id);
		expect(await codeOf(identity.resetPassword({ token: link![1], password: 'another new password' }))).toBe('token_invalid');
	});

	it('voids every older link when one is used, and every link when the password changes', async () => {
		await makeUser({ email: 'twice@example.org' });
		const origin = { ...client, origin: 'https://cop.example' };
		const links = async () => (await mail.list()).filter((m) => m.to === 'twice@example.org').map((m) => /\/password\/reset\/([A-Za-z0-9_-]+)/.exec(m.body)![1]);
		await identity.requestPasswordReset({ email: 'twice@example.org' }, origin);
		await identity.requestPasswordReset({ email: 'twice@example.org' }, origin);
		const [a, b] = await links();
		expect(a).not.toBe(b);
		await identity.resetPassword({ token: b, password: 'the newest password' });
		expect(await codeOf(identity.resetPassword({ token: a, password: 'an attacker password' }))).toBe('token_invalid');

		await identity.requestPasswordReset({ email: 'twice@example.org' }, origin);
		const c = (await links()).find((t) => t !== a && t !== b)!;
		const { user, token } = await identity.signIn({ email: 'twice@example.org', password: 'the newest password' }, client);
		const actor = (await identity.actorForSession(token))!;
		await identity.changePassword(actor, { current: 'the newest password', password: 'changed by the owner' }, token);
		expect(await codeOf(identity.resetPassword({ token: c, password: 'an attacker password' }))).toBe('token_invalid');
		expect((await identity.signIn({ email: 'twice@example.org', password: 'changed by the owner' }, client)).user.id).toBe(user.id);
	});

	it('answers the same for an unknown email and sends nothing', async () => {
		const before = (await mail.list()).length;
		await identity.requestPasswordReset({ email: 'ghost@example.org' }, { ...client, origin: 'https://cop.example' });
		expect((await mail.list()).length).toBe(before);
	});

	it('refuses an expired token', async () => {
		const u = await makeUser();
		await db().insert(passwordResets).values({ id: 'x', userId: u.id, expiresAt: new Date(Date.now() - 1000) });
		expect(await codeOf(identity.resetPassword({ token: 'A'.repeat(43), password: 'a brand new password' }))).toBe('token_invalid');
	});
});

describe('roles', () => {
	it('an admin grants a focal-point role for one country; it shows in the session and the audit log', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const person = await makeUser({ email: 'fp@example.org' });
		const g = await identity.grantRole(admin, { userId: person.id, role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' });
		expect(g.scopeValue).toBe('KE');
		const { token } = await identity.signIn({ email: 'fp@example.org', password: TEST_PASSWORD }, client);
		const actor = await identity.actorForSession(token);
		expect(identity.holds(actor, 'focal_point', { kind: 'country', country: 'KE' })).toBe(true);
		expect(identity.holds(actor, 'focal_point', { kind: 'country', country: 'UG' })).toBe(false);
		const [entry] = await identity.audit.list({ q: 'role.grant' });
		expect(entry).toMatchObject({ actorId: admin.id, action: 'role.grant', entityId: person.id });
		expect(entry.after).toMatchObject({ role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' });
	});

	it('refuses scopes that do not fit the role, unknown countries and duplicates', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const p = await makeUser();
		expect(await codeOf(identity.grantRole(admin, { userId: p.id, role: 'focal_point', scopeKind: 'global' }))).toBe('invalid_input');
		expect(await codeOf(identity.grantRole(admin, { userId: p.id, role: 'focal_point', scopeKind: 'country', scopeValue: 'XX' }))).toBe('invalid_input');
		expect(await codeOf(identity.grantRole(admin, { userId: p.id, role: 'coordinator', scopeKind: 'region', scopeValue: 'atlantis' }))).toBe('invalid_input');
		await identity.grantRole(admin, { userId: p.id, role: 'coordinator', scopeKind: 'region', scopeValue: 'africa' });
		expect(await codeOf(identity.grantRole(admin, { userId: p.id, role: 'coordinator', scopeKind: 'region', scopeValue: 'africa' }))).toBe('role_already_granted');
	});

	it('only admins grant or revoke, and nothing is written when they may not', async () => {
		const coordinator = await makeUser({ grants: [grant('coordinator', { region: 'africa' })] });
		const p = await makeUser();
		expect(await codeOf(identity.grantRole(coordinator, { userId: p.id, role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' }))).toBe('forbidden');
		expect(await codeOf(identity.grantRole(null, { userId: p.id, role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' }))).toBe('sign_in_required');
		expect(await identity.grantsOf(p.id)).toEqual([]);
	});

	it('revokes with the before state in the audit log, but an admin cannot revoke their own admin role', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const p = await makeUser();
		const g = await identity.grantRole(admin, { userId: p.id, role: 'editor', scopeKind: 'global' });
		await identity.revokeRole(admin, g.id);
		expect(await identity.grantsOf(p.id)).toEqual([]);
		const [entry] = await identity.audit.list({ q: 'role.revoke' });
		expect(entry.before).toMatchObject({ role: 'editor' });
		const [own] = await identity.grantsOf(admin.id);
		expect(await codeOf(identity.revokeRole(admin, own.id))).toBe('cannot_revoke_own_admin');
	});
});

describe('first admin', () => {
	it('creates an admin with a generated password that works, and audits it as a system change', async () => {
		const { user, password } = await identity.createAdmin({ email: 'Root@Example.org' });
		expect(password.length).toBeGreaterThanOrEqual(20);
		const { token } = await identity.signIn({ email: 'root@example.org', password }, client);
		expect(identity.isAdmin(await identity.actorForSession(token))).toBe(true);
		const [entry] = await identity.audit.list({ q: user.id });
		expect(entry.actorId).toBeNull();
		const [row] = await db().select().from(users).where(eq(users.id, user.id));
		expect(row.passwordHash.startsWith('scrypt$')).toBe(true);
		expect(await db().select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
	});
});

describe('account self-service and disabling', () => {
	it('changes the name and the password (asking for the current one), ending other sessions only', async () => {
		await db().delete(rateLimits);
		await makeUser({ email: 'self@example.org' });
		const a = await identity.signIn({ email: 'self@example.org', password: TEST_PASSWORD }, client);
		const b = await identity.signIn({ email: 'self@example.org', password: TEST_PASSWORD }, client);
		const actor = (await identity.actorForSession(a.token))!;
		await identity.updateProfile(actor, { name: 'New Name' });
		expect((await identity.actorForSession(a.token))?.name).toBe('New Name');
		expect(await codeOf(identity.updateProfile(actor, { name: '' }))).toBe('invalid_input');
		expect(await codeOf(identity.changePassword(actor, { current: 'not it at all', password: 'a fresh new password' }, a.token))).toBe('invalid_input');
		await identity.changePassword(actor, { current: TEST_PASSWORD, password: 'a fresh new password' }, a.token);
		expect(await identity.actorForSession(a.token)).not.toBeNull();
		expect(await identity.actorForSession(b.token)).toBeNull();
		await identity.signOutEverywhere(actor);
		expect(await identity.actorForSession(a.token)).toBeNull();
		const actions = (await identity.audit.list({ q: actor.id })).map((e) => e.action);
		expect(actions).toEqual(expect.arrayContaining(['user.update_profile', 'user.change_password', 'user.sign_out_everywhere']));
	});

	it('a signed-in session cannot guess the current password without limit', async () => {
		await db().delete(rateLimits);
		const actor = await makeUser();
		for (let i = 0; i < 10; i++) {
			expect(await codeOf(identity.changePassword(actor, { current: `guess number ${i}`, password: 'a fresh new password' }, undefined))).toBe('invalid_input');
		}
		expect(await codeOf(identity.changePassword(actor, { current: TEST_PASSWORD, password: 'a fresh new password' }, undefined))).toBe('rate_limited');
	});

	it('an admin disables an account: its sessions end and it cannot sign in until enabled again', async () => {
		await db().delete(rateLimits);
		const admin = await makeUser({ grants: [grant('admin')] });
		const p = await makeUser({ email: 'disable-me@example.org' });
		const { token } = await identity.signIn({ email: 'disable-me@example.org', password: TEST_PASSWORD }, client);
		await identity.setAccountDisabled(admin, p.id, true);
		expect(await identity.actorForSession(token)).toBeNull();
		expect(await codeOf(identity.signIn({ email: 'disable-me@example.org', password: TEST_PASSWORD }, client))).toBe('credentials_invalid');
		expect(await codeOf(identity.setAccountDisabled(admin, admin.id, true))).toBe('cannot_disable_self');
		expect(await codeOf(identity.setAccountDisabled(p, admin.id, true))).toBe('forbidden');
		await identity.setAccountDisabled(admin, p.id, false);
		await identity.signIn({ email: 'disable-me@example.org', password: TEST_PASSWORD }, client);
	});
});
