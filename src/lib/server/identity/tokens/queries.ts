// Reads of personal access tokens: the owner's list, and who is behind a bearer token.
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { db } from '../../db';
import { Forbidden, Unauthenticated } from '../../platform/errors';
import { sha256 } from '../crypto';
import { requiresTwoFactor, type Actor, type Grant } from '../policy';
import { apiTokens, roleGrants, twoFactor, users } from '../schema';
import { API_TOKEN_PREFIX } from './commands';

/** The actor's tokens, newest first, without their hashes. */
export async function listApiTokens(actor: Actor | null) {
	if (!actor) return [];
	const rows = await db().select().from(apiTokens).where(eq(apiTokens.userId, actor.id)).orderBy(desc(apiTokens.createdAt));
	const now = Date.now();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		scopes: r.scopes,
		createdAt: r.createdAt,
		expiresAt: r.expiresAt,
		lastUsedAt: r.lastUsedAt,
		state: r.revokedAt ? ('revoked' as const) : r.expiresAt.getTime() <= now ? ('expired' as const) : ('active' as const)
	}));
}

/**
 * The person behind `Authorization: Bearer cop_pat_...`, limited to `scope`. No header: null (the
 * route falls back to its session). A header that is not a live token with that scope: refused.
 */
export async function actorForBearer(authorization: string | null, scope: string): Promise<Actor | null> {
	if (!authorization) return null;
	const m = /^Bearer\s+(\S{1,200})$/i.exec(authorization.trim());
	if (!m || !m[1].startsWith(API_TOKEN_PREFIX)) throw new Unauthenticated();
	const [token] = await db()
		.select()
		.from(apiTokens)
		.where(and(eq(apiTokens.tokenHash, sha256(m[1])), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, new Date())));
	if (!token) throw new Unauthenticated();
	if (!token.scopes.includes(scope)) throw new Forbidden('token_scope_missing');
	const [user] = await db().select().from(users).where(eq(users.id, token.userId));
	if (!user || user.disabledAt) throw new Unauthenticated();
	const grants = (await db().select().from(roleGrants).where(eq(roleGrants.userId, user.id))).map((g) => ({ role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue }) as Grant);
	// last use to the minute is enough for the owner's list, and keeps writes rare
	if (!token.lastUsedAt || Date.now() - token.lastUsedAt.getTime() > 60_000) {
		await db().update(apiTokens).set({ lastUsedAt: new Date() }).where(eq(apiTokens.id, token.id));
	}
	const actor: Actor = { id: user.id, email: user.email, name: user.name, grants, tokenScopes: token.scopes };
	if (!requiresTwoFactor(actor)) return actor;
	// A role that needs a second factor acts through a token only if the token was made after the
	// account confirmed one: a token made with a password alone (before enrolment, or before the
	// role was required) is a password-only credential, so it acts without the account's roles,
	// like a session that has not enrolled yet (docs/security.md 3.2).
	const [second] = await db().select({ confirmedAt: twoFactor.confirmedAt }).from(twoFactor).where(eq(twoFactor.userId, user.id));
	const vouched = !!second?.confirmedAt && token.createdAt >= second.confirmedAt;
	return vouched ? { ...actor, twoFactor: true } : { ...actor, grants: [] };
}
