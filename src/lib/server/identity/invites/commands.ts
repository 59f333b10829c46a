// Invitations: onboarding staff with their roles decided in advance. An admin (or a coordinator for
// their region) invites by email; the emailed link sets a password and signs the person in, with the
// roles granted in the same transaction. Links expire, can be revoked, work once; all audited.
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import { db, type Tx } from '../../db';
import * as mail from '../../mail';
import { Conflict, Forbidden, NotFound, ValidationError } from '../../platform/errors';
import { hit, LIMITS } from '../../platform/rate-limit';
import { parse } from '../../platform/validate';
import { record } from '../audit';
import { hashPassword, newToken, sha256, verifyPassword } from '../crypto';
import { AcceptInviteExistingInput, AcceptInviteInput, InviteInput } from '../input';
import { inviteMail } from '../mails';
import { mayInvite, mayManageInvites, type Actor, type Grant } from '../policy';
import { invites, roleGrants, users } from '../schema';
import { createSession } from '../commands';
import { beginPendingSignIn, hasTwoFactor } from '../two-factor/commands';

/** Invites someone by email with roles and scopes pre-granted. Returns the invitation (without its token). */
export async function inviteUser(actor: Actor | null, rawInput: unknown, client: { origin: string }) {
	if (!actor) throw new Forbidden();
	if (!mayManageInvites(actor)) throw new Forbidden();
	const input = parse(InviteInput, rawInput);
	const refused = input.grants.findIndex((g) => !mayInvite(actor, g as Grant));
	if (refused >= 0) throw new Forbidden('invite_role_not_allowed');
	const token = newToken();
	const invite = await db().transaction(async (tx) => {
		const [row] = await tx
			.insert(invites)
			.values({
				tokenHash: sha256(token),
				email: input.email,
				name: input.name,
				locale: input.locale,
				grants: input.grants,
				invitedBy: actor.id,
				expiresAt: new Date(Date.now() + input.days * 86_400_000)
			})
			.returning();
		const link = `${client.origin}${input.locale === 'en' ? '' : '/' + input.locale}/invite/${token}`;
		await mail.enqueue(tx, inviteMail(row, actor.name, link, input.days));
		await record(tx, actor, {
			action: 'invite.create',
			entityType: 'invite',
			entityId: row.id,
			after: { email: row.email, grants: row.grants, expiresAt: row.expiresAt }
		});
		return row;
	});
	mail.deliverSoon();
	const { tokenHash: _, ...rest } = invite;
	return rest;
}

/** Revokes an invitation that has not been used yet. */
export async function revokeInvite(actor: Actor | null, inviteId: string) {
	if (!actor) throw new Forbidden();
	return db().transaction(async (tx) => {
		const [row] = await tx.select().from(invites).where(eq(invites.id, inviteId)).for('update');
		if (!row) throw new NotFound('invite_not_found');
		if (!(row.grants as Grant[]).every((g) => mayInvite(actor, g))) throw new Forbidden();
		if (row.acceptedAt || row.revokedAt) throw new Conflict('invite_closed');
		await tx.update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, row.id));
		await record(tx, actor, { action: 'invite.revoke', entityType: 'invite', entityId: row.id, before: { email: row.email } });
	});
}

/** The open invitation behind a token, row-locked for acceptance. */
async function openInvite(tx: Tx, token: string) {
	const [row] = await tx
		.select()
		.from(invites)
		.where(and(eq(invites.tokenHash, sha256(token)), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())))
		.for('update');
	if (!row) throw new ValidationError({ token: 'invite_invalid' }, 'invite_invalid');
	return row;
}

async function grantInvited(tx: Tx, invite: typeof invites.$inferSelect, user: { id: string; email: string; name: string }) {
	const actor: Actor = { id: user.id, email: user.email, name: user.name, grants: [] };
	for (const g of invite.grants as Grant[]) {
		await tx
			.insert(roleGrants)
			.values({ userId: user.id, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue, grantedBy: invite.invitedBy })
			.onConflictDoNothing();
	}
	await tx.update(invites).set({ acceptedAt: new Date(), acceptedBy: user.id }).where(eq(invites.id, invite.id));
	await record(tx, actor, { action: 'invite.accept', entityType: 'invite', entityId: invite.id, after: { userId: user.id, grants: invite.grants } });
}

/**
 * Accepts an invitation as a new account: sets the name and password, grants the roles, signs in.
 * Guesses are limited per token, not per office address, so a team can accept from one network.
 */
export async function acceptInvite(rawInput: unknown) {
	const input = parse(AcceptInviteInput, rawInput);
	await hit(LIMITS.inviteAccept, sha256(input.token));
	const passwordHash = await hashPassword(input.password);
	return db().transaction(async (tx) => {
		const invite = await openInvite(tx, input.token);
		const [existing] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, invite.email.toLowerCase()));
		if (existing) throw new Conflict('invite_account_exists', { _: 'invite_account_exists' });
		const [user] = await tx.insert(users).values({ email: invite.email, name: input.name, passwordHash, locale: invite.locale }).returning();
		await grantInvited(tx, invite, user);
		// an account with a second factor still answers it before a session opens
		if (await hasTwoFactor(user.id, tx)) return { user, pendingToken: await beginPendingSignIn(user.id, tx) };
		return { user, token: await createSession(user.id, tx) };
	});
}

/** Accepts an invitation for an email that already has an account: its owner proves it with the password. */
export async function acceptInviteAsExisting(rawInput: unknown) {
	const input = parse(AcceptInviteExistingInput, rawInput);
	await hit(LIMITS.inviteAccept, sha256(input.token));
	return db().transaction(async (tx) => {
		const invite = await openInvite(tx, input.token);
		const [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, invite.email.toLowerCase()));
		if (!user || user.disabledAt || !(await verifyPassword(input.current, user.passwordHash))) throw new ValidationError({ current: 'password_wrong' });
		await grantInvited(tx, invite, user);
		// an account with a second factor still answers it before a session opens
		if (await hasTwoFactor(user.id, tx)) return { user, pendingToken: await beginPendingSignIn(user.id, tx) };
		return { user, token: await createSession(user.id, tx) };
	});
}
