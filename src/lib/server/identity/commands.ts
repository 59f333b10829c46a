// Identity use cases: one exported function each. Commands acting for someone authorise first
// and write the audit log in the same transaction as the change.
import { and, eq, gt, isNull, lt, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import * as mail from '../mail';
import { Conflict, Forbidden, NotFound, Unauthenticated, ValidationError } from '../platform/errors';
import { check, count, hit, LIMITS } from '../platform/rate-limit';
import { parse } from '../platform/validate';
import { record } from './audit';
import { dummyHash, generatePassword, hashPassword, needsRehash, newToken, sha256, verifyPassword } from './crypto';
import { ChangePasswordInput, GrantInput, ProfileInput, ResetInput, ResetRequestInput, SignInInput, SignUpInput } from './input';
import { assertCan, type Actor } from './policy';
import { passwordResets, pendingSignIns, pendingSignUps, roleGrants, sessions, users } from './schema';
import { beginPendingSignIn, hasTwoFactor } from './two-factor/commands';
import { resetMail, signUpConfirmMail, signUpExistingNotice } from './mails';

export const SESSION_DAYS = 30;
/** A session is renewed while used, but ends this many days after sign-in whatever happens. */
export const SESSION_MAX_DAYS = 90;
const RESET_MINUTES = 60;

export interface ClientInfo {
	/** the client's address, used only (hashed) as a rate-limit key */
	ip: string;
}

/** Opens a session for `userId` (in the caller's transaction when given) and returns its cookie token. */
export async function createSession(userId: string, handle: Db | Tx = db()): Promise<string> {
	const token = newToken();
	await handle
		.insert(sessions)
		.values({ id: sha256(token), userId, expiresAt: new Date(Date.now() + SESSION_DAYS * 86_400_000) });
	return token;
}

function isUniqueViolation(e: unknown): boolean {
	const err = e as { code?: string; cause?: { code?: string } };
	return err?.code === '23505' || err?.cause?.code === '23505';
}

const SIGN_UP_HOURS = 24;

/**
 * Starts a sign-up. Nothing is created that a stranger could see: for a new address the password is
 * hashed and kept with a single-use link mailed to the address, and the account exists only once that
 * link is used (confirmSignUp); for an address that already has an account its owner is mailed a
 * notice (how to sign in or reset the password) and nothing changes. The caller answers both with
 * "check your email": no error, no session, the same scrypt work and one mail either way, so the
 * answer does not tell whether the address is registered. Mails to one address are capped per hour;
 * past the cap the mail is skipped silently, since a refusal would tell the same.
 */
export async function signUp(rawInput: unknown, client: ClientInfo & { origin?: string }): Promise<void> {
	const input = parse(SignUpInput, rawInput);
	await hit(LIMITS.signUp, sha256(client.ip));
	const passwordHash = await hashPassword(input.password);
	const mailAllowed = await hit(LIMITS.signUpNotice, sha256(input.email)).then(
		() => true,
		() => false
	);
	const [owner] = await db()
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, input.email));
	if (owner) {
		if (owner.disabledAt || !mailAllowed) return;
		await db().transaction((tx) => mail.enqueue(tx, signUpExistingNotice(owner, client.origin ?? '')));
	} else {
		const token = newToken();
		const link = `${client.origin ?? ''}${input.locale === 'en' ? '' : '/' + input.locale}/signup/${token}`;
		await db().transaction(async (tx) => {
			// the row is kept even when the mail is over the cap: an earlier link for the address still works
			await tx.insert(pendingSignUps).values({ id: sha256(token), email: input.email, name: input.name, passwordHash, locale: input.locale, expiresAt: new Date(Date.now() + SIGN_UP_HOURS * 3_600_000) });
			if (mailAllowed) await mail.enqueue(tx, signUpConfirmMail(input, link, SIGN_UP_HOURS));
		});
	}
	mail.deliverSoon();
}

/**
 * Uses a sign-up link: creates the account, audits the sign-up and opens a session, in one
 * transaction. The link works once; other pending sign-ups for the address go with it. When the
 * address got an account in the meantime (another link, an invitation), nothing is created and the
 * person is told to sign in: whoever holds the link reads the address's mail, so that says nothing new.
 */
export async function confirmSignUp(token: string): Promise<{ user: typeof users.$inferSelect; token: string }> {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new ValidationError({ token: 'token_invalid' }, 'token_invalid');
	const confirmed = db().transaction(async (tx) => {
		const [pending] = await tx
			.select()
			.from(pendingSignUps)
			.where(and(eq(pendingSignUps.id, sha256(token)), gt(pendingSignUps.expiresAt, new Date())))
			.for('update');
		if (!pending) throw new ValidationError({ token: 'token_invalid' }, 'token_invalid');
		await tx.delete(pendingSignUps).where(eq(pendingSignUps.email, pending.email));
		const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, pending.email));
		if (taken) throw new Conflict('email_taken');
		const [user] = await tx.insert(users).values({ email: pending.email, name: pending.name, passwordHash: pending.passwordHash, locale: pending.locale }).returning();
		const actor: Actor = { id: user.id, email: user.email, name: user.name, grants: [] };
		await record(tx, actor, {
			action: 'user.sign_up',
			entityType: 'user',
			entityId: user.id,
			after: { email: user.email, name: user.name, locale: user.locale }
		});
		return { user, token: await createSession(user.id, tx) };
	});
	// two links for one address used at the same moment: the second meets the unique index
	return confirmed.catch((e) => {
		throw isUniqueViolation(e) ? new Conflict('email_taken') : e;
	});
}

/**
 * What a right password gives: a session, or, when the account has a second factor, a pending
 * sign-in whose token the code step turns into a session (see two-factor/commands.ts).
 */
export type SignInResult =
	| { user: typeof users.$inferSelect; token: string; pendingToken?: undefined }
	| { user: typeof users.$inferSelect; token?: undefined; pendingToken: string };

/** Checks a password and opens a session (or a pending sign-in). The same error for unknown email and wrong password. */
export async function signIn(rawInput: unknown, client: ClientInfo): Promise<SignInResult> {
	const input = parse(SignInInput, rawInput);
	// per address only failures count (an office signs in from one address); per account, every try
	await check(LIMITS.signInFailures, sha256(client.ip));
	await hit(LIMITS.signIn, sha256(input.email));
	const [user] = await db()
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, input.email));
	const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyHash()));
	if (!user || !ok || user.disabledAt) {
		await count(LIMITS.signInFailures, sha256(client.ip));
		throw new ValidationError({ _: 'credentials_invalid' }, 'credentials_invalid');
	}
	if (needsRehash(user.passwordHash)) {
		// the parameters were raised since this hash was made: store it again with today's
		await db().update(users).set({ passwordHash: await hashPassword(input.password) }).where(eq(users.id, user.id));
	}
	if (await hasTwoFactor(user.id)) return { user, pendingToken: await beginPendingSignIn(user.id) };
	return { user, token: await createSession(user.id) };
}

export async function signOut(token: string): Promise<void> {
	await db().delete(sessions).where(eq(sessions.id, sha256(token)));
}

/**
 * Sends a reset link when the email belongs to an account. Answers the same either way,
 * so the form cannot be used to find out who has an account.
 */
export async function requestPasswordReset(rawInput: unknown, client: ClientInfo & { origin: string }) {
	const input = parse(ResetRequestInput, rawInput);
	await hit(LIMITS.passwordResetAddress, sha256(client.ip));
	await hit(LIMITS.passwordReset, sha256(input.email));
	const [user] = await db()
		.select()
		.from(users)
		.where(eq(sql`lower(${users.email})`, input.email));
	if (!user || user.disabledAt) return;
	const token = newToken();
	await db().transaction(async (tx) => {
		await tx
			.insert(passwordResets)
			.values({ id: sha256(token), userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
		await mail.enqueue(tx, resetMail(user, `${client.origin}${user.locale === 'en' ? '' : '/' + user.locale}/password/reset/${token}`, RESET_MINUTES));
	});
	mail.deliverSoon();
}

/** Sets a new password from a valid reset token; ends every session of that account. */
export async function resetPassword(rawInput: unknown) {
	const input = parse(ResetInput, rawInput);
	const passwordHash = await hashPassword(input.password);
	return db().transaction(async (tx) => {
		const [reset] = await tx
			.select()
			.from(passwordResets)
			.where(and(eq(passwordResets.id, sha256(input.token)), isNull(passwordResets.usedAt), gt(passwordResets.expiresAt, new Date())))
			.for('update');
		if (!reset) throw new ValidationError({ token: 'token_invalid' }, 'token_invalid');
		// this link and every other unused link of the account stop working together
		await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, reset.userId), isNull(passwordResets.usedAt)));
		const [user] = await tx
			.update(users)
			.set({ passwordHash, updatedAt: new Date() })
			.where(eq(users.id, reset.userId))
			.returning();
		await tx.delete(sessions).where(eq(sessions.userId, user.id));
		await record(tx, { id: user.id, email: user.email, name: user.name, grants: [] }, {
			action: 'user.password_reset',
			entityType: 'user',
			entityId: user.id
		});
		return user;
	});
}

/** An admin grants a role in a scope. Granting what is already held is a conflict, not a duplicate. */
export async function grantRole(actor: Actor | null, rawInput: unknown) {
	assertCan(actor, 'role.grant');
	const input = parse(GrantInput, rawInput);
	return db().transaction(async (tx) => {
		const [target] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId));
		if (!target) throw new NotFound('user_not_found');
		const [grant] = await tx
			.insert(roleGrants)
			.values({ userId: input.userId, role: input.role, scopeKind: input.scopeKind, scopeValue: input.scopeValue, grantedBy: actor.id })
			.onConflictDoNothing()
			.returning();
		if (!grant) throw new Conflict('role_already_granted', { role: 'role_already_granted' });
		await record(tx, actor, {
			action: 'role.grant',
			entityType: 'user',
			entityId: input.userId,
			after: { grantId: grant.id, role: grant.role, scopeKind: grant.scopeKind, scopeValue: grant.scopeValue }
		});
		return grant;
	});
}

/** An admin takes a role back. An admin cannot remove their own admin role (the last door must stay open). */
export async function revokeRole(actor: Actor | null, grantId: string) {
	assertCan(actor, 'role.revoke');
	return db().transaction(async (tx) => {
		const [grant] = await tx.select().from(roleGrants).where(eq(roleGrants.id, grantId));
		if (!grant) throw new NotFound('grant_not_found');
		if (grant.userId === actor.id && grant.role === 'admin') throw new Conflict('cannot_revoke_own_admin');
		await tx.delete(roleGrants).where(eq(roleGrants.id, grantId));
		await record(tx, actor, {
			action: 'role.revoke',
			entityType: 'user',
			entityId: grant.userId,
			before: { grantId: grant.id, role: grant.role, scopeKind: grant.scopeKind, scopeValue: grant.scopeValue }
		});
		return grant;
	});
}

/**
 * Creates an admin account from the command line or on first start. Not reachable from the web.
 * Returns the password (generated unless given) so it can be shown once.
 */
export async function createAdmin(options: { email: string; name?: string; password?: string }) {
	const email = options.email.trim().toLowerCase();
	const password = options.password ?? generatePassword();
	const input = parse(SignUpInput, { name: options.name ?? 'Administrator', email, password });
	const passwordHash = await hashPassword(input.password);
	return db().transaction(async (tx) => {
		const [existing] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email));
		const user =
			existing ??
			(await tx.insert(users).values({ email, name: input.name, passwordHash }).returning())[0];
		if (existing) await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, existing.id));
		await tx.insert(roleGrants).values({ userId: user.id, role: 'admin', scopeKind: 'global', scopeValue: '' }).onConflictDoNothing();
		await record(tx, null, {
			action: existing ? 'user.promote_admin' : 'user.create_admin',
			entityType: 'user',
			entityId: user.id,
			after: { email, role: 'admin' }
		});
		return { user, password };
	});
}

/** Removes expired sessions, reset tokens, half-done sign-ins and unconfirmed sign-ups. */
export async function pruneExpired(): Promise<void> {
	const now = new Date();
	await db().delete(sessions).where(lt(sessions.expiresAt, now));
	await db().delete(passwordResets).where(lt(passwordResets.expiresAt, now));
	await db().delete(pendingSignIns).where(lt(pendingSignIns.expiresAt, now));
	await db().delete(pendingSignUps).where(lt(pendingSignUps.expiresAt, now));
}

export function requireActor(actor: Actor | null): asserts actor is Actor {
	if (!actor) throw new Unauthenticated();
}

/** A signed-in person changes the name others see. */
export async function updateProfile(actor: Actor | null, rawInput: unknown) {
	requireActor(actor);
	const input = parse(ProfileInput, rawInput);
	return db().transaction(async (tx) => {
		const [before] = await tx.select({ name: users.name }).from(users).where(eq(users.id, actor.id));
		await tx.update(users).set({ name: input.name, updatedAt: new Date() }).where(eq(users.id, actor.id));
		await record(tx, actor, { action: 'user.update_profile', entityType: 'user', entityId: actor.id, before, after: { name: input.name } });
	});
}

/**
 * A signed-in person changes their password (the current one is asked again). Every other
 * session ends; the one in use stays open. Returns nothing secret.
 */
export async function changePassword(actor: Actor | null, rawInput: unknown, currentToken: string | undefined) {
	requireActor(actor);
	const input = parse(ChangePasswordInput, rawInput);
	await hit(LIMITS.passwordChange, sha256(`user:${actor.id}`));
	const [user] = await db().select().from(users).where(eq(users.id, actor.id));
	if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
		throw new ValidationError({ current: 'password_wrong' });
	}
	const passwordHash = await hashPassword(input.password);
	await db().transaction(async (tx) => {
		await tx.update(users).set({ passwordHash, updatedAt: new Date() }).where(eq(users.id, actor.id));
		// a reset link requested before the change must not undo it
		await tx.update(passwordResets).set({ usedAt: new Date() }).where(and(eq(passwordResets.userId, actor.id), isNull(passwordResets.usedAt)));
		const keep = currentToken ? sha256(currentToken) : '';
		await tx.delete(sessions).where(and(eq(sessions.userId, actor.id), sql`${sessions.id} <> ${keep}`));
		await record(tx, actor, { action: 'user.change_password', entityType: 'user', entityId: actor.id });
	});
}

/** Ends every session of the signed-in person, this one included. */
export async function signOutEverywhere(actor: Actor | null) {
	requireActor(actor);
	await db().transaction(async (tx) => {
		const gone = await tx.delete(sessions).where(eq(sessions.userId, actor.id)).returning({ id: sessions.id });
		await record(tx, actor, { action: 'user.sign_out_everywhere', entityType: 'user', entityId: actor.id, after: { sessionsEnded: gone.length } });
	});
}

/** An admin disables (or re-enables) an account. A disabled account cannot sign in; its sessions end. */
export async function setAccountDisabled(actor: Actor | null, userId: string, disabled: boolean) {
	assertCan(actor, 'role.grant');
	if (userId === actor.id) throw new Forbidden('cannot_disable_self');
	return db().transaction(async (tx) => {
		const [before] = await tx.select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, userId));
		if (!before) throw new NotFound('user_not_found');
		const disabledAt = disabled ? new Date() : null;
		await tx.update(users).set({ disabledAt, updatedAt: new Date() }).where(eq(users.id, userId));
		if (disabled) await tx.delete(sessions).where(eq(sessions.userId, userId));
		await record(tx, actor, {
			action: disabled ? 'user.disable' : 'user.enable',
			entityType: 'user',
			entityId: userId,
			before: { disabledAt: before.disabledAt },
			after: { disabledAt }
		});
	});
}
