// What the two-factor page shows its owner: off, being set up (the secret to type or scan), or on.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db } from '../../db';
import { unseal } from '../../platform/secrets';
import { requireActor } from '../commands';
import { requiresTwoFactor, type Actor } from '../policy';
import { recoveryCodes, twoFactor } from '../schema';
import { otpauthUri } from './commands';

export type TwoFactorStatus =
	| { state: 'off'; required: boolean }
	| { state: 'pending'; required: boolean; secret: string; uri: string }
	| { state: 'on'; required: boolean; recoveryCodesLeft: number; since: Date };

/** The signed-in person's own second factor. The secret is given back only while the set-up is unconfirmed. */
export async function twoFactorStatus(actor: Actor | null): Promise<TwoFactorStatus> {
	requireActor(actor);
	const required = requiresTwoFactor(actor);
	const [row] = await db().select().from(twoFactor).where(eq(twoFactor.userId, actor.id));
	if (!row) return { state: 'off', required };
	if (!row.confirmedAt) {
		const secret = unseal(row.secretSealed, `identity_two_factor:${actor.id}`).plaintext;
		return { state: 'pending', required, secret, uri: otpauthUri(secret, actor.email) };
	}
	const [{ left }] = await db()
		.select({ left: sql<number>`count(*)::int` })
		.from(recoveryCodes)
		.where(and(eq(recoveryCodes.userId, actor.id), isNull(recoveryCodes.usedAt)));
	return { state: 'on', required, recoveryCodesLeft: left, since: row.confirmedAt };
}
