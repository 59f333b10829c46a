// Personal access tokens: a signed-in person makes a scoped, expiring token for a script, sees it
// once, and can revoke it. Tokens replace session cookies as API credentials. Audited.
import { and, eq, isNull } from 'drizzle-orm';
import { db } from '../../db';
import { NotFound } from '../../platform/errors';
import { parse } from '../../platform/validate';
import { record } from '../audit';
import { newToken, sha256 } from '../crypto';
import { ApiTokenInput } from '../input';
import { requireActor } from '../commands';
import type { Actor } from '../policy';
import { apiTokens } from '../schema';

/** Prefix that makes a leaked token recognisable to secret scanners. */
export const API_TOKEN_PREFIX = 'cop_pat_';

/** Makes a token. The returned `token` is the only time anyone sees it. */
export async function createApiToken(actor: Actor | null, rawInput: unknown) {
	requireActor(actor);
	if (actor.tokenScopes) throw new NotFound(); // a token cannot mint tokens
	const input = parse(ApiTokenInput, rawInput);
	const token = API_TOKEN_PREFIX + newToken();
	const row = await db().transaction(async (tx) => {
		const [row] = await tx
			.insert(apiTokens)
			.values({ userId: actor.id, name: input.name, tokenHash: sha256(token), scopes: input.scopes, expiresAt: new Date(Date.now() + input.days * 86_400_000) })
			.returning();
		await record(tx, actor, { action: 'token.create', entityType: 'api_token', entityId: row.id, after: { name: row.name, scopes: row.scopes, expiresAt: row.expiresAt } });
		return row;
	});
	return { token, id: row.id, name: row.name, scopes: row.scopes, expiresAt: row.expiresAt };
}

/** Revokes one of the actor's own tokens at once. */
export async function revokeApiToken(actor: Actor | null, tokenId: string) {
	requireActor(actor);
	await db().transaction(async (tx) => {
		const [row] = await tx
			.update(apiTokens)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.id), isNull(apiTokens.revokedAt)))
			.returning();
		if (!row) throw new NotFound('token_not_found');
		await record(tx, actor, { action: 'token.revoke', entityType: 'api_token', entityId: row.id, before: { name: row.name } });
	});
}
