// Factories for tests: people with roles, made through the real tables.
import { randomBytes } from 'node:crypto';
import { db } from '../db';
import type { Actor, Grant } from '../identity';
import { hashPassword } from '../identity/crypto';
import { roleGrants, users } from '../identity/schema';
import type { Role, ScopeKind } from '../../identity/roles';

export const TEST_PASSWORD = 'correct horse battery staple';
let cachedHash: string | undefined;

export interface MakeUserOptions {
	email?: string;
	name?: string;
	/** the language the account's mails are written in (default en) */
	locale?: string;
	grants?: { role: Role; scopeKind?: ScopeKind; scopeValue?: string }[];
}

/** Shorthand: `makeUser({ role: 'focal_point', country: 'KE' })`. */
export function grant(role: Role, scope?: { region?: string; country?: string }): Grant {
	if (scope?.country) return { role, scopeKind: 'country', scopeValue: scope.country };
	if (scope?.region) return { role, scopeKind: 'region', scopeValue: scope.region };
	return { role, scopeKind: 'global', scopeValue: '' };
}

export async function makeUser(options: MakeUserOptions = {}): Promise<Actor> {
	cachedHash ??= await hashPassword(TEST_PASSWORD);
	const email = options.email ?? `user-${randomBytes(4).toString('hex')}@example.org`;
	const [user] = await db()
		.insert(users)
		.values({ email, name: options.name ?? 'Test Person', passwordHash: cachedHash, locale: options.locale ?? 'en' })
		.returning();
	const grants: Grant[] = (options.grants ?? []).map((g) => ({ role: g.role, scopeKind: g.scopeKind ?? 'global', scopeValue: g.scopeValue ?? '' }));
	if (grants.length) await db().insert(roleGrants).values(grants.map((g) => ({ ...g, userId: user.id })));
	return { id: user.id, email: user.email, name: user.name, grants };
}
