// Fixed-window rate limits counted in the database, so they hold across every app instance.
import { lt, sql } from 'drizzle-orm';
import { db } from '../db';
import { rateLimits } from './schema';
import { RateLimited } from './errors';

export interface Limit {
	/** e.g. 'signin' */
	name: string;
	max: number;
	windowSeconds: number;
}

export const LIMITS = {
	signIn: { name: 'signin', max: 10, windowSeconds: 15 * 60 },
	signUp: { name: 'signup', max: 5, windowSeconds: 60 * 60 },
	/** notices mailed to an address someone tried to sign up with again (per address; past it, none is sent) */
	signUpNotice: { name: 'signup_notice', max: 3, windowSeconds: 60 * 60 },
	passwordReset: { name: 'reset', max: 5, windowSeconds: 60 * 60 },
	/** guesses of the current password from a signed-in session (a stolen session must not brute-force it) */
	passwordChange: { name: 'password_change', max: 10, windowSeconds: 15 * 60 },
	/** tries on one invitation link (counted per link, so colleagues in one office do not block each other) */
	inviteAccept: { name: 'invite_accept', max: 10, windowSeconds: 15 * 60 },
	/** second-factor codes tried for one account (sign-in, enrolment, disabling): counted per account */
	twoFactor: { name: 'two_factor', max: 10, windowSeconds: 15 * 60 }
} satisfies Record<string, Limit>;

/** Whether rate limits are switched off (only ever by the test runner for its own server). */
const disabled = () => process.env.RATE_LIMITS === 'off';

/**
 * Counts one hit for `key` under `limit` and throws RateLimited when the window is full.
 * The key should not be personal data kept longer than the window: callers pass a hash.
 */
export async function hit(limit: Limit, key: string, now = new Date()): Promise<void> {
	if (disabled()) return;
	const windowMs = limit.windowSeconds * 1000;
	const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
	const fullKey = `${limit.name}:${key}`;
	const [row] = await db()
		.insert(rateLimits)
		.values({ key: fullKey, windowStart, count: 1 })
		.onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
		.returning({ count: rateLimits.count });
	const count = row?.count ?? 1;
	if (count > limit.max) {
		throw new RateLimited(Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
	}
}

/** Drops windows that ended more than a day ago. */
export async function prune(now = new Date()): Promise<void> {
	await db().delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}
