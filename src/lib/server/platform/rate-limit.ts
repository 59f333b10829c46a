// Fixed-window rate limits counted in the database, so they hold across every app instance.
import { and, eq, lt, sql } from 'drizzle-orm';
import { db } from '../db';
import { rateLimits } from './schema';
import { RateLimited } from './errors';

export interface Limit {
	/** e.g. 'signin' */
	name: string;
	max: number;
	windowSeconds: number;
}

// Per account, limits are tight (they stop guessing one person's password); per address, they are
// allowances sized for an office or a classroom behind one address (NAT), and sign-in counts only
// failures there, so colleagues signing in together never block each other.
export const LIMITS = {
	/** sign-in attempts for one account (email), successful or not */
	signIn: { name: 'signin', max: 10, windowSeconds: 15 * 60 },
	/** failed sign-ins (wrong password, wrong second-factor code) from one address, whatever the account */
	signInFailures: { name: 'signin_failures', max: 50, windowSeconds: 15 * 60 },
	/** new accounts from one address: a class signing up for a course together fits */
	signUp: { name: 'signup', max: 40, windowSeconds: 60 * 60 },
	/** notices mailed to an address someone tried to sign up with again (per address; past it, none is sent) */
	signUpNotice: { name: 'signup_notice', max: 3, windowSeconds: 60 * 60 },
	/** reset requests per email (and, for a whole office, per address) */
	passwordReset: { name: 'reset', max: 5, windowSeconds: 60 * 60 },
	passwordResetAddress: { name: 'reset_address', max: 30, windowSeconds: 60 * 60 },
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
	const { windowStart, retryAfter, fullKey } = windowOf(limit, key, now);
	const [row] = await db()
		.insert(rateLimits)
		.values({ key: fullKey, windowStart, count: 1 })
		.onConflictDoUpdate({ target: [rateLimits.key, rateLimits.windowStart], set: { count: sql`${rateLimits.count} + 1` } })
		.returning({ count: rateLimits.count });
	const count = row?.count ?? 1;
	if (count > limit.max) throw new RateLimited(retryAfter);
}

/** Throws RateLimited when `key`'s current window under `limit` is already full, without counting a hit. */
export async function check(limit: Limit, key: string, now = new Date()): Promise<void> {
	if (disabled()) return;
	const { windowStart, retryAfter, fullKey } = windowOf(limit, key, now);
	const [row] = await db()
		.select({ count: rateLimits.count })
		.from(rateLimits)
		.where(and(eq(rateLimits.key, fullKey), eq(rateLimits.windowStart, windowStart)));
	if ((row?.count ?? 0) >= limit.max) throw new RateLimited(retryAfter);
}

/** Counts a hit that is already being refused for another reason (a failed attempt): a full window changes nothing more. */
export async function count(limit: Limit, key: string, now = new Date()): Promise<void> {
	await hit(limit, key, now).catch((e: unknown) => {
		if (!(e instanceof RateLimited)) throw e;
	});
}

/** The fixed window `now` falls in, the seconds until it ends, and the row key. */
function windowOf(limit: Limit, key: string, now: Date) {
	const windowMs = limit.windowSeconds * 1000;
	const start = Math.floor(now.getTime() / windowMs) * windowMs;
	return { windowStart: new Date(start), retryAfter: Math.ceil((start + windowMs - now.getTime()) / 1000), fullKey: `${limit.name}:${key}` };
}

/** Drops windows that ended more than a day ago. */
export async function prune(now = new Date()): Promise<void> {
	await db().delete(rateLimits).where(lt(rateLimits.windowStart, new Date(now.getTime() - 86_400_000)));
}
