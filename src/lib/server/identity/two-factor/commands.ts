// Two-factor sign-in with TOTP (RFC 6238, the codes of any authenticator app) and single-use
// recovery codes. Enrolment, confirmation, disabling and new recovery codes are audited in the same
// transaction as the change; every code tried counts against a per-account rate limit; a code is
// never accepted twice (the time step of the last accepted code is stored).
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import { db, type Db, type Tx } from '../../db';
import { Conflict, ValidationError } from '../../platform/errors';
import { check, count, hit, LIMITS } from '../../platform/rate-limit';
import { seal, unseal } from '../../platform/secrets';
import { parse } from '../../platform/validate';
import { record } from '../audit';
import { newToken, sha256, verifyPassword } from '../crypto';
import { createSession, requireActor, type ClientInfo } from '../commands';
import { DisableTwoFactorInput, TwoFactorCodeInput, TwoFactorSignInInput } from '../input';
import type { Actor } from '../policy';
import { pendingSignIns, recoveryCodes, twoFactor, users } from '../schema';

/** What the authenticator app shows as the issuer beside the account. */
const ISSUER = 'COP Platform';
const PERIOD = 30;
/** Codes of the step before and after the current one are accepted too (clocks drift). */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
/** How long the code step of a sign-in may wait after the password, in minutes. */
export const PENDING_MINUTES = 5;

const context = (userId: string) => `identity_two_factor:${userId}`;

function totpFor(secret: string, label: string): OTPAuth.TOTP {
	return new OTPAuth.TOTP({ issuer: ISSUER, label, algorithm: 'SHA1', digits: 6, period: PERIOD, secret: OTPAuth.Secret.fromBase32(secret) });
}

/** Recovery codes: 10 lowercase base32 characters in two groups (50 bits each), e.g. `k3m9q-7xv2p`. */
function newRecoveryCode(): string {
	const raw = new OTPAuth.Secret({ size: 8 }).base32.toLowerCase().slice(0, 10);
	return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Spaces, dashes and case do not matter when a recovery code is typed back. */
function normaliseRecovery(code: string): string {
	return code.toLowerCase().replace(/[\s-]/g, '');
}

async function storeRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
	const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
	await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
	await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: sha256(normaliseRecovery(c)) })));
	return codes;
}

/** The otpauth:// address an authenticator app reads (from the QR code or typed by hand). */
export function otpauthUri(secret: string, email: string): string {
	return totpFor(secret, email).toString();
}

/**
 * Checks a 6-digit code against the stored secret and, when right, records its time step so the
 * same code cannot be used again. Throws `two_factor_code_used` for a replay, `two_factor_code_invalid`
 * otherwise. The update is conditional, so two requests racing with one code cannot both pass.
 */
async function acceptTotp(tx: Tx, row: typeof twoFactor.$inferSelect, code: string, email: string, field = 'code'): Promise<void> {
	const secret = unseal(row.secretSealed, context(row.userId));
	const totp = totpFor(secret.plaintext, email);
	const now = Date.now();
	const delta = totp.validate({ token: code, timestamp: now, window: WINDOW });
	if (delta === null) throw new ValidationError({ [field]: 'two_factor_code_invalid' }, 'two_factor_code_invalid');
	const step = totp.counter({ timestamp: now }) + delta;
	const [taken] = await tx
		.update(twoFactor)
		.set({ lastUsedStep: step, ...(secret.stale ? { secretSealed: seal(secret.plaintext, context(row.userId)) } : {}) })
		.where(and(eq(twoFactor.userId, row.userId), or(isNull(twoFactor.lastUsedStep), lt(twoFactor.lastUsedStep, step))))
		.returning({ userId: twoFactor.userId });
	if (!taken) throw new ValidationError({ [field]: 'two_factor_code_used' }, 'two_factor_code_used');
}

/** Uses up one recovery code; false when it is not one of the account's unused codes. */
async function acceptRecovery(tx: Tx, userId: string, code: string): Promise<boolean> {
	const [used] = await tx
		.update(recoveryCodes)
		.set({ usedAt: new Date() })
		.where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, sha256(normaliseRecovery(code))), isNull(recoveryCodes.usedAt)))
		.returning({ id: recoveryCodes.id });
	return !!used;
}

async function confirmedRow(tx: Tx, userId: string) {
	const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, userId)).for('update');
	return row?.confirmedAt ? row : null;
}

const countAttempt = (userId: string) => hit(LIMITS.twoFactor, sha256(`user:${userId}`));

/**
 * Starts (or starts again) setting up an authenticator: a new secret, kept unconfirmed until a code
 * proves the app has it. Refused while a confirmed factor is on (disable it first).
 */
export async function startTwoFactor(actor: Actor | null) {
	requireActor(actor);
	const secret = new OTPAuth.Secret({ size: 20 }).base32;
	await db().transaction(async (tx) => {
		const [existing] = await tx.select({ confirmedAt: twoFactor.confirmedAt }).from(twoFactor).where(eq(twoFactor.userId, actor.id)).for('update');
		if (existing?.confirmedAt) throw new Conflict('two_factor_already_on');
		const secretSealed = seal(secret, context(actor.id));
		await tx
			.insert(twoFactor)
			.values({ userId: actor.id, secretSealed })
			.onConflictDoUpdate({ target: twoFactor.userId, set: { secretSealed, createdAt: new Date(), lastUsedStep: null } });
		await record(tx, actor, { action: 'user.two_factor_start', entityType: 'user', entityId: actor.id });
	});
	return { secret, uri: otpauthUri(secret, actor.email) };
}

/**
 * Confirms the enrolment with a code from the app: the factor is on from now, and ten recovery codes
 * are made. The returned codes are the only time anyone sees them.
 */
export async function confirmTwoFactor(actor: Actor | null, rawInput: unknown) {
	requireActor(actor);
	const input = parse(TwoFactorCodeInput, rawInput);
	await countAttempt(actor.id);
	return db().transaction(async (tx) => {
		const [row] = await tx.select().from(twoFactor).where(eq(twoFactor.userId, actor.id)).for('update');
		if (!row) throw new Conflict('two_factor_not_started');
		if (row.confirmedAt) throw new Conflict('two_factor_already_on');
		await acceptTotp(tx, row, input.code, actor.email);
		await tx.update(twoFactor).set({ confirmedAt: new Date() }).where(eq(twoFactor.userId, actor.id));
		const codes = await storeRecoveryCodes(tx, actor.id);
		await record(tx, actor, { action: 'user.two_factor_enable', entityType: 'user', entityId: actor.id, after: { recoveryCodes: codes.length } });
		return { recoveryCodes: codes };
	});
}

/**
 * Turns the second factor off: the password and a current code (or a recovery code) are both asked.
 * People whose role requires it are sent to set it up again at their next page.
 */
export async function disableTwoFactor(actor: Actor | null, rawInput: unknown) {
	requireActor(actor);
	const input = parse(DisableTwoFactorInput, rawInput);
	await countAttempt(actor.id);
	const [user] = await db().select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.id));
	if (!user || !(await verifyPassword(input.current, user.passwordHash))) throw new ValidationError({ current: 'password_wrong' });
	await db().transaction(async (tx) => {
		const row = await confirmedRow(tx, actor.id);
		if (!row) throw new Conflict('two_factor_not_on');
		if (!(await acceptRecovery(tx, actor.id, input.code))) await acceptTotp(tx, row, input.code, actor.email);
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
		await tx.delete(twoFactor).where(eq(twoFactor.userId, actor.id));
		await record(tx, actor, { action: 'user.two_factor_disable', entityType: 'user', entityId: actor.id });
	});
}

/** Replaces every recovery code with ten new ones (a current code from the app is asked). */
export async function regenerateRecoveryCodes(actor: Actor | null, rawInput: unknown) {
	requireActor(actor);
	const input = parse(TwoFactorCodeInput, rawInput);
	await countAttempt(actor.id);
	return db().transaction(async (tx) => {
		const row = await confirmedRow(tx, actor.id);
		if (!row) throw new Conflict('two_factor_not_on');
		await acceptTotp(tx, row, input.code, actor.email);
		const codes = await storeRecoveryCodes(tx, actor.id);
		await record(tx, actor, { action: 'user.two_factor_recovery_regenerate', entityType: 'user', entityId: actor.id, after: { recoveryCodes: codes.length } });
		return { recoveryCodes: codes };
	});
}

/** Has this account a confirmed second factor? */
export async function hasTwoFactor(userId: string, handle: Db | Tx = db()): Promise<boolean> {
	const [row] = await handle.select({ confirmedAt: twoFactor.confirmedAt }).from(twoFactor).where(eq(twoFactor.userId, userId));
	return !!row?.confirmedAt;
}

/**
 * After a right password on an account with a second factor: a pending sign-in, valid a few minutes.
 * Returns the token for the cookie; only its SHA-256 is stored.
 */
export async function beginPendingSignIn(userId: string, handle: Db | Tx = db()): Promise<string> {
	const token = newToken();
	await handle.insert(pendingSignIns).values({ id: sha256(token), userId, expiresAt: new Date(Date.now() + PENDING_MINUTES * 60_000) });
	return token;
}

/** Is this pending-sign-in token still waiting for its code? */
export async function pendingSignInValid(token: string | undefined): Promise<boolean> {
	if (!token || token.length > 200) return false;
	const [row] = await db().select({ id: pendingSignIns.id }).from(pendingSignIns).where(and(eq(pendingSignIns.id, sha256(token)), gt(pendingSignIns.expiresAt, new Date())));
	return !!row;
}

/**
 * The second step of sign-in: the code from the app (or a recovery code, used up) turns the pending
 * sign-in into a real session. An expired or unknown pending token sends the person back to the password.
 */
export async function completeTwoFactorSignIn(pendingToken: string | undefined, rawInput: unknown, client: ClientInfo) {
	const expired = () => new ValidationError({ _: 'two_factor_pending_expired' }, 'two_factor_pending_expired');
	if (!pendingToken || !/^[A-Za-z0-9_-]{20,100}$/.test(pendingToken)) throw expired();
	const [pending] = await db()
		.select()
		.from(pendingSignIns)
		.where(and(eq(pendingSignIns.id, sha256(pendingToken)), gt(pendingSignIns.expiresAt, new Date())));
	if (!pending) throw expired();
	const input = parse(TwoFactorSignInInput, rawInput);
	await countAttempt(pending.userId);
	await check(LIMITS.signInFailures, sha256(client.ip));
	const signIn = db().transaction(async (tx) => {
		const [user] = await tx.select().from(users).where(eq(users.id, pending.userId));
		const row = await confirmedRow(tx, pending.userId);
		if (!user || user.disabledAt || !row) throw expired();
		const actor: Actor = { id: user.id, email: user.email, name: user.name, grants: [] };
		if (/^\d{6}$/.test(input.code)) {
			await acceptTotp(tx, row, input.code, user.email);
		} else if (await acceptRecovery(tx, user.id, input.code)) {
			const [{ left }] = await tx
				.select({ left: sql<number>`count(*)::int` })
				.from(recoveryCodes)
				.where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
			await record(tx, actor, { action: 'user.two_factor_recovery_used', entityType: 'user', entityId: user.id, after: { recoveryCodesLeft: left } });
		} else {
			throw new ValidationError({ code: 'two_factor_code_invalid' }, 'two_factor_code_invalid');
		}
		await tx.delete(pendingSignIns).where(eq(pendingSignIns.id, pending.id));
		return { user, token: await createSession(user.id, tx) };
	});
	// a wrong or replayed code counts against the address, as a wrong password does
	return signIn.catch(async (e: unknown) => {
		if (e instanceof ValidationError && ['two_factor_code_invalid', 'two_factor_code_used'].includes(e.code)) await count(LIMITS.signInFailures, sha256(client.ip));
		throw e;
	});
}
