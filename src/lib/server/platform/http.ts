// Bridges commands to HTTP: session cookies, form failures and JSON API errors.
import { error, fail, json, type Cookies } from '@sveltejs/kit';
import { isDomainError, RateLimited } from './errors';

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

export function clearSessionCookie(cookies: Cookies): void {
	cookies.delete(SESSION_COOKIE, { path: '/', secure: false });
}

/** In a form action: a domain error becomes `fail(status, { error, fields, values })`; anything else is rethrown. */
export function failWith(e: unknown, values: Record<string, string> = {}) {
	if (!isDomainError(e)) throw e;
	return fail(e.status, { error: e.code, fields: e.fields, values });
}

/** In a load function: a domain error becomes a Kit error page with the right status. */
export function rethrowAsPage(e: unknown): never {
	if (isDomainError(e)) error(e.status, e.code);
	throw e;
}

/** In an API handler: a domain error becomes a JSON problem document. */
export function apiError(e: unknown): Response {
	if (!isDomainError(e)) throw e;
	const headers: Record<string, string> = {};
	if (e instanceof RateLimited) headers['Retry-After'] = String(e.retryAfterSeconds);
	return json({ error: { status: e.status, code: e.code, fields: e.fields } }, { status: e.status, headers });
}

/** The client address as seen by the server (behind a proxy, set ADDRESS_HEADER as adapter-node documents). */
export function clientIp(getClientAddress: () => string): string {
	try {
		return getClientAddress();
	} catch {
		return 'unknown';
	}
}

/** Only a same-site path may be where sign-in sends someone next; anything else goes to `fallback`. */
export function safeNext(next: string | null, fallback = '/account'): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
	return next;
}
