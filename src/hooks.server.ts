import { randomUUID } from 'node:crypto';
import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { localizeHref } from '$lib/paraglide/runtime';
import { dirOf, locales } from '$lib/i18n';
import * as identity from '$lib/server/identity';
import { REQUEST_ID, runWithContext } from '$lib/server/platform/context';
import { log } from '$lib/server/platform/log';
import { SESSION_COOKIE } from '$lib/server/platform/http';
import { isAllowedPost } from '$lib/server/platform/csrf';
import { CONTROL_CHARACTERS } from '$lib/server/platform/validate';
import { compressResponse } from '$lib/server/platform/compress';
import { FRONT_DOOR, pages } from '$lib/server/platform/page-cache';
import { databaseDown } from '$lib/server/platform/health';
import { unavailablePage } from '$lib/server/platform/unavailable';
import type { Locale } from '$lib/i18n';
import { shutdown, startup } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startup();
	// kept public pages are answered before SvelteKit from here on (scripts/serve.js, page-cache.ts)
	(globalThis as Record<symbol, unknown>)[FRONT_DOOR] = pages.front.bind(pages);
	process.once('sveltekit:shutdown', (reason: string) => {
		log.info('shutting down', { reason });
		void shutdown();
	});
};

/** Secrets that travel in paths (reset tokens) never reach the logs. */
const LOCALE_PREFIX = new RegExp(`^/(${locales.join('|')})(?=/|$)`);

/** The path without its language prefix: /fr/embed/help -> /embed/help. */
function unprefixed(path: string): string {
	return path.replace(LOCALE_PREFIX, '') || '/';
}

function redactPath(path: string): string {
	return path.replace(/(\/(?:password\/reset|invite|account\/email)\/)[^/]+/, '$1[redacted]');
}

/** Request id, structured access log, and a context that logs and the audit log read from. */
const context: Handle = ({ event, resolve }) => {
	const incoming = event.request.headers.get('x-request-id');
	const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
	event.locals.requestId = requestId;
	return runWithContext({ requestId }, async () => {
		const t0 = performance.now();
		const response = await resolve(event);
		response.headers.set('x-request-id', requestId);
		pages.learn(response);
		log.info('request', {
			method: event.request.method,
			path: redactPath(event.url.pathname),
			status: response.status,
			ms: Math.round((performance.now() - t0) * 10) / 10
		});
		return response;
	});
};

/** Brotli or gzip for HTML, JSON, CSV, SVG and text when the client accepts it (platform/compress.ts). */
const compress: Handle = async ({ event, resolve }) => compressResponse(event.request, await resolve(event));

/** Cross-site form posts are refused (see platform/csrf.ts for the rule). */
const csrf: Handle = ({ event, resolve }) => {
	if (isAllowedPost(event.request, event.url)) return resolve(event);
	return new Response('Cross-site form submissions are forbidden', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

/**
 * A query string carrying control characters (`%00`, `%1b`) is never one of our links: answer 400
 * before any page or database sees it (PostgreSQL cannot store a NUL byte).
 */
const controlCharacters: Handle = ({ event, resolve }) => {
	let query = '';
	try {
		query = decodeURIComponent(event.url.search.replace(/\+/g, ' '));
	} catch {
		query = '\u0000';
	}
	if (!CONTROL_CHARACTERS.test(query)) return resolve(event);
	return new Response('The address contains characters that are not allowed.', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
};

/** The reader's language from the path prefix (/fr/...), before Paraglide has run. */
function localeOf(path: string): Locale {
	return (LOCALE_PREFIX.exec(path)?.[1] as Locale | undefined) ?? 'en';
}

/**
 * When the database is down: the help finder answers from its snapshot (routes/help), /healthz says
 * why, and everything else gets a 503 with Retry-After and a page in the reader's language that
 * points to the help finder. The database is only asked (at most every two seconds) after a
 * failure, so this costs nothing while it is up.
 */
const resilience: Handle = async ({ event, resolve }) => {
	const path = unprefixed(event.url.pathname);
	const api = path.startsWith('/api/');
	try {
		const response = await resolve(event);
		if (response.status < 500 || path === '/healthz' || !(await databaseDown(null))) return response;
		return unavailablePage(localeOf(event.url.pathname), { api });
	} catch (err) {
		if (path !== '/healthz' && (await databaseDown(err))) return unavailablePage(localeOf(event.url.pathname), { api });
		throw err;
	}
};

/**
 * Public pages for visitors without a session come from the rendered-page cache when nothing they
 * show has changed (platform/page-cache.ts); signed-in requests always pass through.
 */
const pageCache: Handle = ({ event, resolve }) => pages.handle(event, resolve);

/** Svelte's hydration markers (`<!--[-->`, `<!--]-->`, `<!---->`): dead weight on pages that never hydrate. */
const HYDRATION_MARKERS = /<!--(?:\[-?\d*|\]|)-->/g;

/** The reader's language from the URL (`/fr/...`), set for the whole request. */
const i18n: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		// kids pages have a 50 KB budget and never hydrate (csr = false), so they drop the markers
		const lean = event.route.id?.startsWith('/kids') ?? false;
		return resolve(event, {
			transformPageChunk: ({ html }) => {
				const page = html.replace('%lang%', locale).replace('%dir%', dirOf(locale));
				return lean ? page.replace(HYDRATION_MARKERS, '') : page;
			}
		});
	});

/** Signed-in areas a person who still owes a second factor is sent away from. */
const SIGNED_IN_AREAS = /^\/(account|workspace|admin)(\/|$)/;
/** Where that person may still go: the set-up page itself and sign-out. */
const ENROLMENT_PATHS = /^\/(account\/two-factor|signout)(\/|$)/;

/**
 * Who is signed in. Anonymous visitors get no cookie at all. Holders of roles that require a second
 * factor (identity.TWO_FACTOR_ROLES) who have not set one up are sent to `/account/two-factor` from
 * every signed-in area, and act without their roles anywhere else, until they have. Checked on every
 * request from the database, so a role granted to someone already signed in takes effect at once.
 */
const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	let actor: App.Locals['actor'];
	try {
		actor = token ? await identity.actorForSession(token) : null;
	} catch (err) {
		// the database is down: the help finder still answers, as to anyone (the cookie is kept)
		if (!unprefixed(event.url.pathname).startsWith('/help') || !(await databaseDown(err))) throw err;
		event.locals.actor = null;
		return resolve(event);
	}
	event.locals.actor = actor;
	if (token && !actor) event.cookies.delete(SESSION_COOKIE, { path: '/' });
	if (actor && !actor.twoFactor && identity.requiresTwoFactor(actor)) {
		const path = unprefixed(event.url.pathname);
		if (ENROLMENT_PATHS.test(path)) return resolve(event);
		if (SIGNED_IN_AREAS.test(path)) {
			return new Response(null, { status: 303, headers: { location: localizeHref('/account/two-factor'), 'cache-control': 'no-store' } });
		}
		event.locals.actor = { ...actor, grants: [] };
	}
	return resolve(event);
};

/** Headers every answer carries (CSP itself is set by SvelteKit from svelte.config.js). */
const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('Referrer-Policy', 'no-referrer');
	h.set('Permissions-Policy', 'geolocation=(), camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()');
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	h.set('Cross-Origin-Resource-Policy', 'same-origin');
	const embed = unprefixed(event.url.pathname).startsWith('/embed');
	if (!h.has('X-Frame-Options') && !embed) h.set('X-Frame-Options', 'SAMEORIGIN');
	if (event.url.protocol === 'https:') h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	const csp = h.get('Content-Security-Policy');
	if (csp && embed) {
		// the embeddable help widget may be framed by any site (it sets no cookie and reads none)
		h.set('Content-Security-Policy', csp.replace(/frame-ancestors [^;]+/, 'frame-ancestors *'));
	}
	// (a 304 keeps the policy the browser stored with the page: a new one would replace it)
	if (!csp && response.status !== 304) {
		// Non-page answers (JSON, files) get a locked-down policy too.
		h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	return response;
};

export const handle = sequence(context, compress, securityHeaders, csrf, controlCharacters, resilience, pageCache, i18n, session);

export const handleError: HandleServerError = ({ error: err, event, status }) => {
	if (status === 404) return { message: 'not_found' };
	log.error('unhandled error', { err, path: redactPath(event.url.pathname), status });
	return { message: 'internal', id: event.locals.requestId };
};
