// Reads of invitations: the list an admin or coordinator manages, and what an invite link shows.
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import { db } from '../../db';
import { sha256 } from '../crypto';
import { mayInvite, mayManageInvites, type Actor, type Grant } from '../policy';
import { invites, users } from '../schema';

export type InviteState = 'open' | 'accepted' | 'revoked' | 'expired';

function stateOf(row: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InviteState {
	if (row.acceptedAt) return 'accepted';
	if (row.revokedAt) return 'revoked';
	return row.expiresAt <= now ? 'expired' : 'open';
}

/** The invitations the actor may see: every one for admins, those within their region for coordinators. */
export async function listInvites(actor: Actor | null, options: { limit?: number } = {}) {
	if (!mayManageInvites(actor)) return [];
	const rows = await db()
		.select({
			id: invites.id,
			email: invites.email,
			name: invites.name,
			grants: invites.grants,
			createdAt: invites.createdAt,
			expiresAt: invites.expiresAt,
			acceptedAt: invites.acceptedAt,
			revokedAt: invites.revokedAt,
			invitedBy: users.email
		})
		.from(invites)
		.leftJoin(users, eq(users.id, invites.invitedBy))
		.orderBy(desc(invites.createdAt))
		.limit(Math.min(options.limit ?? 200, 500));
	return rows
		.filter((r) => (r.grants as Grant[]).every((g) => mayInvite(actor, g)))
		.map((r) => ({ ...r, grants: r.grants as Grant[], state: stateOf(r) }));
}

/** What the invite page shows for a token: the email and roles, or null when the link is not usable. */
export async function inviteForToken(token: string) {
	if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
	const [row] = await db()
		.select()
		.from(invites)
		.where(and(eq(invites.tokenHash, sha256(token)), isNull(invites.acceptedAt), isNull(invites.revokedAt), gt(invites.expiresAt, new Date())));
	if (!row) return null;
	const [existing] = await db().select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, row.email.toLowerCase()));
	return { email: row.email, name: row.name, grants: row.grants as Grant[], expiresAt: row.expiresAt, hasAccount: !!existing };
}
