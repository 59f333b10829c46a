// Is the database reachable? Used when something failed, never on the happy path: the 503 page
// (hooks.server.ts), the help finder's offline snapshot (directory/snapshot.ts) and /healthz.
import { sql } from 'drizzle-orm';
import { database } from '../db';

const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);
const CONNECTION_MESSAGE = /PGlite is closed|Connection terminated|connection (?:refused|timeout|reset)|Client has encountered a connection error|terminating connection|the database system is (?:starting up|shutting down)|Database not opened|timeout exceeded when trying to connect/i;

function codeOf(err: unknown): string | undefined {
	const c = (err as { code?: unknown } | null)?.code;
	return typeof c === 'string' ? c : undefined;
}

/** The error (or one it wraps) says the database could not be reached, rather than that a query was wrong. */
export function isConnectionError(err: unknown): boolean {
	for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const code = codeOf(e);
		if (code && (CONNECTION_CODES.has(code) || code.startsWith('08'))) return true;
		if (e instanceof Error && CONNECTION_MESSAGE.test(e.message)) return true;
		if (e instanceof AggregateError && e.errors.some(isConnectionError)) return true;
	}
	return false;
}

export interface Health {
	ok: boolean;
	/** a short, non-secret reason when not ok: an error code or "timeout" */
	reason?: string;
	checkedAt: number;
	ms: number;
}

/** A short, public-safe reason: the error's code when it has one, never a host name or message. */
export function reasonOf(err: unknown): string {
	for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const code = codeOf(e);
		if (code && /^[A-Z0-9_]{2,20}$/.test(code)) return code;
	}
	for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		if (!(e instanceof Error)) break;
		if (/PGlite is closed/.test(e.message)) return 'pglite_closed';
		if (/Database not opened/.test(e.message)) return 'not_opened';
		if (/timeout/i.test(e.message)) return 'timeout';
	}
	return 'unreachable';
}

let last: Health | undefined;
let pending: Promise<Health> | undefined;

/** `select 1` with a time limit. */
export async function check(timeoutMs = 2000): Promise<Health> {
	const t0 = performance.now();
	let timer: NodeJS.Timeout | undefined;
	try {
		await Promise.race([
			database().db.execute(sql`select 1`),
			new Promise((_, reject) => {
				timer = setTimeout(() => reject(Object.assign(new Error('timeout'), { code: 'timeout' })), timeoutMs);
			})
		]);
		return { ok: true, checkedAt: Date.now(), ms: Math.round(performance.now() - t0) };
	} catch (err) {
		return { ok: false, reason: reasonOf(err), checkedAt: Date.now(), ms: Math.round(performance.now() - t0) };
	} finally {
		clearTimeout(timer);
	}
}

/**
 * The database's health as seen in the last two seconds (one check at a time, shared by every
 * request that asks meanwhile): a burst of failing requests costs one probe, not one each.
 */
export function recentHealth(maxAgeMs = 2000): Promise<Health> {
	if (last && Date.now() - last.checkedAt < maxAgeMs) return Promise.resolve(last);
	return (pending ??= check().then((h) => {
		last = h;
		pending = undefined;
		return h;
	}));
}

/** Forget the remembered result (tests). */
export function forgetHealth(): void {
	last = undefined;
	pending = undefined;
}

/** An error is the database being down: by its kind, or, failing that, by asking the database. */
export async function databaseDown(err: unknown): Promise<boolean> {
	if (isConnectionError(err)) return true;
	return !(await recentHealth()).ok;
}
