// Identity reads: who is behind a session, the people list for admins, one person with their grants.
import { and, asc, eq, gt, ilike, or, sql } from 'drizzle-orm';
import { containsPattern, db } from '../db';
import { searchText } from '../platform/validate';
import { assertCan, type Actor, type Grant } from './policy';
import { roleGrants, sessions, twoFactor, users } from './schema';
import { sha256 } from './crypto';
import { SESSION_DAYS, SESSION_MAX_DAYS } from './commands';

/** The signed-in person behind a session cookie, or null. Renews sessions past half their life. */
export async function actorForSession(token: string | undefined): Promise<Actor | null> {
	if (!token || token.length > 200) return null;
	const id = sha256(token);
	const rows = await db()
		.select({
			userId: users.id,
			email: users.email,
			name: users.name,
			disabledAt: users.disabledAt,
			expiresAt: sessions.expiresAt,
			createdAt: sessions.createdAt,
			role: roleGrants.role,
			scopeKind: roleGrants.scopeKind,
			scopeValue: roleGrants.scopeValue,
			twoFactorAt: twoFactor.confirmedAt
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.leftJoin(roleGrants, eq(roleGrants.userId, users.id))
		.leftJoin(twoFactor, eq(twoFactor.userId, users.id))
		.where(and(eq(sessions.id, id), gt(sessions.expiresAt, new Date())));
	const first = rows[0];
	if (!first || first.disabledAt) return null;
	// renewed after half its life while used, but never past SESSION_MAX_DAYS from sign-in: a stolen
	// cookie kept in use does not live for ever
	const halfLife = (SESSION_DAYS * 86_400_000) / 2;
	const renewed = Math.min(Date.now() + SESSION_DAYS * 86_400_000, first.createdAt.getTime() + SESSION_MAX_DAYS * 86_400_000);
	if (first.expiresAt.getTime() - Date.now() < halfLife && renewed > first.expiresAt.getTime()) {
		await db().update(sessions).set({ expiresAt: new Date(renewed) }).where(eq(sessions.id, id));
	}
	return {
		id: first.userId,
		email: first.email,
		name: first.name,
		twoFactor: !!first.twoFactorAt,
		grants: rows.filter((r) => r.role).map((r) => ({ role: r.role, scopeKind: r.scopeKind, scopeValue: r.scopeValue }) as Grant)
	};
}

export async function grantsOf(userId: string) {
	return db().select().from(roleGrants).where(eq(roleGrants.userId, userId)).orderBy(asc(roleGrants.createdAt));
}

/** People, for the admin page: newest first, optionally filtered by name or email. */
export async function listUsers(actor: Actor | null, options: { q?: string; limit?: number; offset?: number } = {}) {
	assertCan(actor, 'user.list');
	const q = searchText(options.q);
	const like = q ? containsPattern(q) : undefined;
	const where = like ? or(ilike(users.email, like), ilike(users.name, like)) : undefined;
	const list = await db()
		.select({ id: users.id, email: users.email, name: users.name, createdAt: users.createdAt, disabledAt: users.disabledAt })
		.from(users)
		.where(where)
		.orderBy(sql`${users.createdAt} desc`)
		.limit(Math.min(options.limit ?? 50, 200))
		.offset(options.offset ?? 0);
	const [{ total }] = await db().select({ total: sql<number>`count(*)::int` }).from(users).where(where);
	return { users: list, total };
}

export async function getUser(actor: Actor | null, id: string) {
	assertCan(actor, 'user.list');
	const [user] = await db()
		.select({ id: users.id, email: users.email, name: users.name, locale: users.locale, createdAt: users.createdAt, disabledAt: users.disabledAt })
		.from(users)
		.where(eq(users.id, id));
	if (!user) return null;
	return { ...user, grants: await grantsOf(id) };
}

export async function countAdmins(): Promise<number> {
	const [{ n }] = await db()
		.select({ n: sql<number>`count(*)::int` })
		.from(roleGrants)
		.where(eq(roleGrants.role, 'admin'));
	return n;
}

/** The signed-in person's own account, fresh from the database (after a change in this request). */
export async function ownAccount(userId: string) {
	const [user] = await db().select({ name: users.name, email: users.email }).from(users).where(eq(users.id, userId));
	return user ?? null;
}
