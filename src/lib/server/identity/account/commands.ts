// Self-service for one's own account: change the email address (confirmed on the new address),
// download what the platform keeps about me, and delete the account (anonymised, see docs/privacy.md).
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '../../db';
import * as mail from '../../mail';
import { Conflict, ValidationError } from '../../platform/errors';
import { hit, LIMITS } from '../../platform/rate-limit';
import { parse } from '../../platform/validate';
import { auditLog, apiTokens, emailChanges, invites, passwordResets, pendingSignIns, recoveryCodes, roleGrants, sessions, twoFactor, users } from '../schema';
import { record } from '../audit';
import { newToken, sha256, verifyPassword } from '../crypto';
import { DeleteAccountInput, EmailChangeInput } from '../input';
import { emailChangedNotice, emailChangeMail } from '../mails';
import { requireActor } from '../commands';
import type { Actor } from '../policy';

const EMAIL_CHANGE_MINUTES = 60;

async function checkPassword(actor: Actor, current: string) {
	await hit(LIMITS.passwordChange, sha256(`user:${actor.id}`));
	const [user] = await db().select().from(users).where(eq(users.id, actor.id));
	if (!user || !(await verifyPassword(current, user.passwordHash))) throw new ValidationError({ current: 'password_wrong' });
	return user;
}

/** Asks to change the email address: a link goes to the new address; nothing changes until it is opened. */
export async function requestEmailChange(actor: Actor | null, rawInput: unknown, client: { origin: string }) {
	requireActor(actor);
	const input = parse(EmailChangeInput, rawInput);
	const user = await checkPassword(actor, input.current);
	if (input.email === user.email.toLowerCase()) throw new ValidationError({ email: 'email_unchanged' });
	const token = newToken();
	await db().transaction(async (tx) => {
		await tx.insert(emailChanges).values({ id: sha256(token), userId: user.id, newEmail: input.email, expiresAt: new Date(Date.now() + EMAIL_CHANGE_MINUTES * 60_000) });
		const link = `${client.origin}${user.locale === 'en' ? '' : '/' + user.locale}/account/email/${token}`;
		await mail.enqueue(tx, emailChangeMail(user, input.email, link, EMAIL_CHANGE_MINUTES));
		await record(tx, actor, { action: 'user.email_change_requested', entityType: 'user', entityId: user.id });
	});
	mail.deliverSoon();
}

/** Opens the link sent to the new address: the account takes that address; the old one is told. */
export async function confirmEmailChange(token: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) throw new ValidationError({ token: 'token_invalid' }, 'token_invalid');
	const result = await db().transaction(async (tx) => {
		const [change] = await tx
			.select()
			.from(emailChanges)
			.where(and(eq(emailChanges.id, sha256(token)), isNull(emailChanges.usedAt), gt(emailChanges.expiresAt, new Date())))
			.for('update');
		if (!change) throw new ValidationError({ token: 'token_invalid' }, 'token_invalid');
		const [taken] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, change.newEmail.toLowerCase()));
		if (taken) throw new Conflict('email_taken', { email: 'email_taken' });
		const [before] = await tx.select().from(users).where(eq(users.id, change.userId));
		await tx.update(emailChanges).set({ usedAt: new Date() }).where(and(eq(emailChanges.userId, change.userId), isNull(emailChanges.usedAt)));
		await tx.update(users).set({ email: change.newEmail, updatedAt: new Date() }).where(eq(users.id, change.userId));
		await mail.enqueue(tx, emailChangedNotice(before, change.newEmail));
		await record(tx, { id: before.id, email: change.newEmail, name: before.name, grants: [] }, { action: 'user.email_change', entityType: 'user', entityId: before.id, before: { email: before.email }, after: { email: change.newEmail } });
		return { email: change.newEmail };
	});
	mail.deliverSoon();
	return result;
}

/** What identity keeps about the actor, for "download my data" (other modules add theirs in the route). */
export async function personalData(actor: Actor | null) {
	requireActor(actor);
	const d = db();
	const [user] = await d.select().from(users).where(eq(users.id, actor.id));
	const grants = await d.select().from(roleGrants).where(eq(roleGrants.userId, actor.id));
	const tokens = await d.select().from(apiTokens).where(eq(apiTokens.userId, actor.id));
	const sessionCount = (await d.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, actor.id))).length;
	const accepted = await d.select().from(invites).where(eq(invites.acceptedBy, actor.id));
	const [factor] = await d.select({ confirmedAt: twoFactor.confirmedAt }).from(twoFactor).where(eq(twoFactor.userId, actor.id));
	const actions = await d.select({ at: auditLog.at, action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId }).from(auditLog).where(eq(auditLog.actorId, actor.id));
	return {
		account: { id: user.id, name: user.name, email: user.email, locale: user.locale, createdAt: user.createdAt, updatedAt: user.updatedAt },
		roles: grants.map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue, grantedAt: g.createdAt })),
		openSessions: sessionCount,
		// the secret itself is not personal data to hand out again: only whether it is on, since when
		twoFactorSince: factor?.confirmedAt ?? null,
		accessTokens: tokens.map((t) => ({ name: t.name, scopes: t.scopes, createdAt: t.createdAt, expiresAt: t.expiresAt, lastUsedAt: t.lastUsedAt, revokedAt: t.revokedAt })),
		invitationsAccepted: accepted.map((i) => ({ at: i.acceptedAt, roles: i.grants })),
		actionsRecordedInTheAuditLog: actions
	};
}

/** Something another module erases inside the deletion's transaction (learning records, ...). */
export type Eraser = (tx: Tx, userId: string) => Promise<unknown>;

/**
 * Deletes the actor's own account. The row stays as an anonymous id (no name, no email, no password)
 * so that the audit log still verifies; sessions, tokens, roles and pending links go; the copied
 * email in audit entries is blanked; each module's eraser removes what it keeps.
 */
export async function deleteOwnAccount(actor: Actor | null, rawInput: unknown, erasers: Eraser[] = []) {
	requireActor(actor);
	const input = parse(DeleteAccountInput, rawInput);
	await checkPassword(actor, input.current);
	await db().transaction(async (tx) => {
		for (const erase of erasers) await erase(tx, actor.id);
		await tx.delete(sessions).where(eq(sessions.userId, actor.id));
		await tx.delete(apiTokens).where(eq(apiTokens.userId, actor.id));
		await tx.delete(passwordResets).where(eq(passwordResets.userId, actor.id));
		await tx.delete(emailChanges).where(eq(emailChanges.userId, actor.id));
		await tx.delete(roleGrants).where(eq(roleGrants.userId, actor.id));
		await tx.delete(twoFactor).where(eq(twoFactor.userId, actor.id));
		await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, actor.id));
		await tx.delete(pendingSignIns).where(eq(pendingSignIns.userId, actor.id));
		await record(tx, actor, { action: 'user.delete', entityType: 'user', entityId: actor.id });
		await tx.update(auditLog).set({ actorEmail: null }).where(eq(auditLog.actorId, actor.id));
		await tx
			.update(users)
			.set({ name: '', email: `deleted-${actor.id}@invalid`, passwordHash: '!', disabledAt: new Date(), deletedAt: new Date(), updatedAt: new Date() })
			.where(eq(users.id, actor.id));
	});
}
