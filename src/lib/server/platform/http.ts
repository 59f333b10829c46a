// HTTP details shared by routes: session cookies, the client address, where sign-in may send someone next.
// Form actions and API handlers use the edge helpers in edge.ts.
import type { Cookies } from '@sveltejs/kit';

export const SESSION_COOKIE = 'cop_session';

export function setSessionCookie(cookies: Cookies, token: string, url: URL, days: number): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: days * 86_400
	});
}

/** The half-done sign-in between the password and the second-factor code (a few minutes). */
export const PENDING_COOKIE = 'cop_2fa';

export function setPendingCookie(cookies: Cookies, token: string, url: URL, minutes: number): void {
	cookies.set(PENDING_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:', maxAge: minutes * 60 });
}

export function clearPendingCookie(cookies: Cookies): void {
	cookies.delete(PENDING_COOKIE, { path: '/', secure: false });
}

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: false });
}

// The load-function helper lives with the other edge helpers; kept here for branches written before.
export { rethrowAsPage } from './edge';

/** The client address as seen by the server (behind a proxy, set ADDRESS_HEADER as adapter-node documents). */
export function clientIp(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}

/**
 * Only a page of this site may be where sign-in sends someone next. The value is resolved the way a
 * browser would (which drops tabs and newlines, so `/\t/evil.example` means `//evil.example`) and
 * re-emitted as path, query and fragment only; anything that leaves the origin goes to `fallback`.
 */
export function safeNext(next: string | null, fallback = '/account'): string {
	if (!next || !next.startsWith('/')) return fallback;
	const base = 'http://cop.invalid';
	let url: URL;
	try {
		url = new URL(next, base);
	} catch {
		return fallback;
	}
	if (url.origin !== base) return fallback;
	const out = url.pathname + url.search + url.hash;
	// a path that a browser would still read as another host (`//x`, `/\\x`) is refused too
	if (!out.startsWith('/') || out.startsWith('//') || out.startsWith('/\\')) return fallback;
	return out;
}

/**
 * Whether an `If-None-Match` header names `etag`, by the weak comparison RFC 9110 (13.1.2) asks
 * for: `W/"x"` and `"x"` match, so a tag the compression layer weakened still answers 304. A list
 * and `*` are understood.
 */
export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
	if (!ifNoneMatch) return false;
	const opaque = (t: string) => t.trim().replace(/^W\//, '');
	const want = opaque(etag);
	return ifNoneMatch.split(',').some((t) => t.trim() === '*' || opaque(t) === want);
}
