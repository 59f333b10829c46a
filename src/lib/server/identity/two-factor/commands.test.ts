import { eq } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../db';
import * as mail from '../../mail';
import { DomainError } from '../../platform/errors';
import { rateLimits } from '../../platform/schema';
import { isSealed } from '../../platform/secrets';
import { codeOf } from '../../test/errors';
import { useFreshDatabase } from '../../test/db';
import { grant, makeUser, TEST_PASSWORD } from '../../test/factories';
import * as identity from '..';
import { pendingSignIns, recoveryCodes, twoFactor } from '../schema';

useFreshDatabase();
const client = { ip: '192.0.2.9' };

beforeEach(async () => {
	await db().delete(rateLimits);
});

/** The per-field codes of a command expected to fail validation. */
async function fieldsOf(p: Promise<unknown>): Promise<Record<string, string>> {
	try {
		await p;
	} catch (e) {
		if (e instanceof DomainError) return e.fields;
		throw e;
	}
	throw new Error('expected a DomainError');
}

/** The code an authenticator app shows for `secret`, `offset` steps from now. */
function codeFor(secret: string, offset = 0): string {
	return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: Date.now() + offset * 30_000 });
}

/** A wrong code for `secret` (never the current one, nor a neighbour within the window). */
function wrongCode(secret: string): string {
	const near = new Set([-1, 0, 1].map((o) => codeFor(secret, o)));
	for (let n = 0; ; n++) {
		const c = String(n).padStart(6, '0');
		if (!near.has(c)) return c;
	}
}

async function enrolled(options: Parameters<typeof makeUser>[0] = {}) {
	const actor = await makeUser(options);
	const { secret } = await identity.startTwoFactor(actor);
	const confirmedWith = codeFor(secret);
	const { recoveryCodes: codes } = await identity.confirmTwoFactor(actor, { code: confirmedWith });
	await db().delete(rateLimits);
	return { actor, secret, codes, confirmedWith };
}

async function actions(userId: string) {
	return (await identity.audit.list({ q: userId })).map((e) => e.action);
}

describe('enrolment', () => {
	it('starts with a sealed secret, shows it until confirmed, and turns on with a right code', async () => {
		const actor = await makeUser({ email: 'enrol@example.org' });
		const { secret, uri } = await identity.startTwoFactor(actor);
		expect(secret).toMatch(/^[A-Z2-7]{32}$/);
		expect(uri).toMatch(/^otpauth:\/\/totp\/COP%20Platform:enrol%40example\.org\?/);
		expect(uri).toContain(`secret=${secret}`);
		const [row] = await db().select().from(twoFactor).where(eq(twoFactor.userId, actor.id));
		expect(isSealed(row.secretSealed)).toBe(true);
		expect(row.secretSealed).not.toContain(secret);
		expect(await identity.twoFactorStatus(actor)).toMatchObject({ state: 'pending', secret, uri });
		expect(await identity.hasTwoFactor(actor.id)).toBe(false);

		const { recoveryCodes: codes } = await identity.confirmTwoFactor(actor, { code: codeFor(secret) });
		expect(codes).toHaveLength(10);
		expect(new Set(codes).size).toBe(10);
		for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
		const stored = await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
		expect(stored).toHaveLength(10);
		expect(JSON.stringify(stored)).not.toContain(codes[0]);
		expect(await identity.hasTwoFactor(actor.id)).toBe(true);
		const status = await identity.twoFactorStatus(actor);
		expect(status).toMatchObject({ state: 'on', recoveryCodesLeft: 10 });
		expect(JSON.stringify(status)).not.toContain(secret);
		expect(await actions(actor.id)).toEqual(expect.arrayContaining(['user.two_factor_start', 'user.two_factor_enable']));
		expect(JSON.stringify(await identity.audit.list({ q: actor.id }))).not.toContain(secret);
	});

	it('refuses a wrong code, a malformed one, and a second start once on', async () => {
		const actor = await makeUser();
		expect(await codeOf(identity.confirmTwoFactor(actor, { code: '123456' }))).toBe('two_factor_not_started');
		const { secret } = await identity.startTwoFactor(actor);
		expect(await codeOf(identity.confirmTwoFactor(actor, { code: wrongCode(secret) }))).toBe('two_factor_code_invalid');
		expect(await fieldsOf(identity.confirmTwoFactor(actor, { code: '12ab56' }))).toEqual({ code: 'two_factor_code_invalid' });
		expect(await fieldsOf(identity.confirmTwoFactor(actor, { code: '' }))).toEqual({ code: 'two_factor_code_required' });
		expect(await identity.hasTwoFactor(actor.id)).toBe(false);
		// spaces between the digits are fine
		const code = codeFor(secret);
		await identity.confirmTwoFactor(actor, { code: `${code.slice(0, 3)} ${code.slice(3)}` });
		expect(await codeOf(identity.startTwoFactor(actor))).toBe('two_factor_already_on');
	});

	it('needs a signed-in person', async () => {
		expect(await codeOf(identity.startTwoFactor(null))).toBe('sign_in_required');
		expect(await codeOf(identity.twoFactorStatus(null))).toBe('sign_in_required');
	});
});

describe('sign-in with a second factor', () => {
	it('asks for the code after the password, then opens the session; a code is never taken twice', async () => {
		const { actor, secret, confirmedWith } = await enrolled({ email: 'two@example.org' });
		const first = await identity.signIn({ email: 'two@example.org', password: TEST_PASSWORD }, client);
		expect(first.token).toBeUndefined();
		expect(first.pendingToken).toBeTruthy();
		expect(await identity.pendingSignInValid(first.pendingToken)).toBe(true);
		expect(await identity.actorForSession(first.pendingToken)).toBeNull(); // a pending sign-in is no session

		// the code used to confirm the enrolment belongs to this time step: it cannot sign in
		expect(await codeOf(identity.completeTwoFactorSignIn(first.pendingToken, { code: confirmedWith }, client))).toBe('two_factor_code_used');
		expect(await codeOf(identity.completeTwoFactorSignIn(first.pendingToken, { code: wrongCode(secret) }, client))).toBe('two_factor_code_invalid');
		// the next step's code is within the window and has not been used
		const next = codeFor(secret, 1);
		const { token } = await identity.completeTwoFactorSignIn(first.pendingToken!, { code: next }, client);
		expect((await identity.actorForSession(token))?.id).toBe(actor.id);
		expect((await identity.actorForSession(token))?.twoFactor).toBe(true);
		expect(await identity.pendingSignInValid(first.pendingToken)).toBe(false);

		// the same code again, on a new pending sign-in: refused as reused
		const second = await identity.signIn({ email: 'two@example.org', password: TEST_PASSWORD }, client);
		expect(await codeOf(identity.completeTwoFactorSignIn(second.pendingToken, { code: next }, client))).toBe('two_factor_code_used');
	});

	it('refuses an unknown or expired pending sign-in', async () => {
		const { actor, secret } = await enrolled();
		expect(await codeOf(identity.completeTwoFactorSignIn('x'.repeat(43), { code: codeFor(secret, 1) }, client))).toBe('two_factor_pending_expired');
		const pending = await identity.beginPendingSignIn(actor.id);
		await db().update(pendingSignIns).set({ expiresAt: new Date(Date.now() - 1000) });
		expect(await codeOf(identity.completeTwoFactorSignIn(pending, { code: codeFor(secret, 1) }, client))).toBe('two_factor_pending_expired');
		expect(await codeOf(identity.completeTwoFactorSignIn(undefined, { code: codeFor(secret, 1) }, client))).toBe('two_factor_pending_expired');
	});

	it('takes each recovery code once, and audits its use', async () => {
		const { actor, codes } = await enrolled({ email: 'lost-phone@example.org' });
		const a = await identity.signIn({ email: 'lost-phone@example.org', password: TEST_PASSWORD }, client);
		const { token } = await identity.completeTwoFactorSignIn(a.pendingToken!, { code: codes[3].toUpperCase() }, client);
		expect((await identity.actorForSession(token))?.id).toBe(actor.id);
		const b = await identity.signIn({ email: 'lost-phone@example.org', password: TEST_PASSWORD }, client);
		expect(await codeOf(identity.completeTwoFactorSignIn(b.pendingToken, { code: codes[3] }, client))).toBe('two_factor_code_invalid');
		expect(await identity.twoFactorStatus(actor)).toMatchObject({ state: 'on', recoveryCodesLeft: 9 });
		const entries = await identity.audit.list({ q: actor.id });
		expect(entries.find((e) => e.action === 'user.two_factor_recovery_used')?.after).toMatchObject({ recoveryCodesLeft: 9 });
		expect(JSON.stringify(entries)).not.toContain(codes[3]);
	});

	it('limits the codes tried for one account, whatever the address', async () => {
		const { secret } = await enrolled({ email: 'guessed@example.org' });
		const { pendingToken } = await identity.signIn({ email: 'guessed@example.org', password: TEST_PASSWORD }, client);
		const wrong = wrongCode(secret);
		for (let i = 0; i < 10; i++) {
			expect(await codeOf(identity.completeTwoFactorSignIn(pendingToken, { code: wrong }, { ip: `198.51.100.${i}` }))).toBe('two_factor_code_invalid');
		}
		// even the right code is refused until the window passes
		expect(await codeOf(identity.completeTwoFactorSignIn(pendingToken, { code: codeFor(secret, 1) }, { ip: '203.0.113.1' }))).toBe('rate_limited');
	});

	it('counts a wrong code against the address, as a wrong password', async () => {
		const { secret } = await enrolled({ email: 'typo@example.org' });
		const { pendingToken } = await identity.signIn({ email: 'typo@example.org', password: TEST_PASSWORD }, { ip: '198.51.100.77' });
		expect(await codeOf(identity.completeTwoFactorSignIn(pendingToken, { code: wrongCode(secret) }, { ip: '198.51.100.77' }))).toBe('two_factor_code_invalid');
		const failures = (await db().select().from(rateLimits)).filter((r) => r.key.startsWith('signin_failures:'));
		// the right password counted nothing there; the wrong code counted once
		expect(failures.map((r) => r.count)).toEqual([1]);
	});

	it('an account without a second factor signs in at once', async () => {
		await makeUser({ email: 'plain@example.org' });
		const r = await identity.signIn({ email: 'plain@example.org', password: TEST_PASSWORD }, client);
		expect(r.token).toBeTruthy();
		expect(r.pendingToken).toBeUndefined();
	});
});

describe('turning it off and new recovery codes', () => {
	it('asks for the password and a code, then forgets the secret and the recovery codes', async () => {
		const { actor, secret } = await enrolled({ email: 'off@example.org' });
		expect(await fieldsOf(identity.disableTwoFactor(actor, { current: 'not my password', code: codeFor(secret, 1) }))).toEqual({ current: 'password_wrong' });
		expect(await codeOf(identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: wrongCode(secret) }))).toBe('two_factor_code_invalid');
		expect(await fieldsOf(identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: '' }))).toEqual({ code: 'two_factor_code_required' });
		expect(await identity.hasTwoFactor(actor.id)).toBe(true);
		await identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: codeFor(secret, 1) });
		expect(await identity.hasTwoFactor(actor.id)).toBe(false);
		expect(await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, actor.id))).toEqual([]);
		expect(await actions(actor.id)).toContain('user.two_factor_disable');
		const r = await identity.signIn({ email: 'off@example.org', password: TEST_PASSWORD }, client);
		expect(r.token).toBeTruthy();
		expect(await codeOf(identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: codeFor(secret) }))).toBe('two_factor_not_on');
	});

	it('accepts a recovery code instead of the app to turn it off', async () => {
		const { actor, codes } = await enrolled();
		await identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: codes[0] });
		expect(await identity.hasTwoFactor(actor.id)).toBe(false);
	});

	it('replaces every recovery code with ten new ones', async () => {
		const { actor, secret, codes } = await enrolled();
		expect(await codeOf(identity.regenerateRecoveryCodes(actor, { code: wrongCode(secret) }))).toBe('two_factor_code_invalid');
		const { recoveryCodes: fresh } = await identity.regenerateRecoveryCodes(actor, { code: codeFor(secret, 1) });
		expect(fresh).toHaveLength(10);
		expect(fresh.some((c) => codes.includes(c))).toBe(false);
		expect(await actions(actor.id)).toContain('user.two_factor_recovery_regenerate');
		// an old code no longer turns the factor off
		expect(await codeOf(identity.disableTwoFactor(actor, { current: TEST_PASSWORD, code: codes[0] }))).toBe('two_factor_code_invalid');
		expect(await codeOf(identity.regenerateRecoveryCodes(await makeUser(), { code: '123456' }))).toBe('two_factor_not_on');
	});
});

describe('who must have it', () => {
	it('is required for admins, coordinators, validators and directory moderators only', async () => {
		for (const role of ['admin', 'coordinator', 'validator', 'directory_moderator'] as const) {
			expect(identity.requiresTwoFactor({ id: 'x', email: 'x', name: 'x', grants: [grant(role, role === 'coordinator' ? { region: 'africa' } : undefined)] })).toBe(true);
		}
		for (const role of ['focal_point', 'editor', 'organiser', 'partner', 'safeguarding', 'network_reviewer'] as const) {
			expect(identity.requiresTwoFactor({ id: 'x', email: 'x', name: 'x', grants: [grant(role, { country: 'KE' })] })).toBe(false);
		}
		expect(identity.requiresTwoFactor(null)).toBe(false);
	});

	it('is seen from the session: a validator without it, then with it', async () => {
		const v = await makeUser({ email: 'val@example.org', grants: [grant('validator', { country: 'KE' })] });
		const { token } = await identity.signIn({ email: 'val@example.org', password: TEST_PASSWORD }, client);
		expect((await identity.actorForSession(token))?.twoFactor).toBe(false);
		const { secret } = await identity.startTwoFactor(v);
		await identity.confirmTwoFactor(v, { code: codeFor(secret) });
		expect((await identity.actorForSession(token))?.twoFactor).toBe(true);
	});

	it('an invitation for an account with a second factor still asks for the code', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		await enrolled({ email: 'has-2fa@example.org' });
		await identity.inviteUser(admin, { email: 'has-2fa@example.org', grants: [{ role: 'validator', scopeKind: 'global' }] }, { origin: 'http://localhost' });
		const msg = (await mail.list()).filter((m) => m.to === 'has-2fa@example.org').at(-1)!;
		const token = /\/invite\/([A-Za-z0-9_-]+)/.exec(msg.body)![1];
		const r = await identity.acceptInviteAsExisting({ token, current: TEST_PASSWORD });
		expect(r.token).toBeUndefined();
		expect(r.pendingToken).toBeTruthy();
	});
});
