import { randomUUID } from 'node:crypto';
import { type Handle, type HandleServerError, type ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { dirOf, locales } from '$lib/i18n';
import * as identity from '$lib/server/identity';
import { runWithContext } from '$lib/server/platform/context';
import { log } from '$lib/server/platform/log';
import { SESSION_COOKIE } from '$lib/server/platform/http';
import { shutdown, startup } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await startup();
	process.once('sveltekit:shutdown', (reason: string) => {
		log.info('shutting down', { reason });
		void shutdown();
	});
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Secrets that travel in paths (reset tokens) never reach the logs. */
const LOCALE_PREFIX = new RegExp(`^/(${locales.join('|')})(?=/|$)`);

/** The path without its language prefix: /fr/embed/help -> /embed/help. */
function unprefixed(path: string): string {
	return path.replace(LOCALE_PREFIX, '') || '/';
}

function redactPath(path: string): string {
	return path.replace(/(\/password\/reset\/)[^/]+/, '$1[redacted]');
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
		log.info('request', {
			method: event.request.method,
			path: redactPath(event.url.pathname),
			status: response.status,
			ms: Math.round((performance.now() - t0) * 10) / 10
		});
		return response;
	});
};

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

/**
 * Cross-site request forgery: a state-changing form post must come from our own pages. Browsers
 * send `Origin: null` under our no-referrer policy, so we also read `Sec-Fetch-Site`, which
 * they set themselves. Session cookies are SameSite=Lax as a second line.
 */
const csrf: Handle = ({ event, resolve }) => {
	const { request, url } = event;
	if (request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS') return resolve(event);
	const type = request.headers.get('content-type')?.split(';', 1)[0].trim().toLowerCase() ?? '';
	if (!FORM_TYPES.includes(type)) return resolve(event);
	const origin = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	const sameOrigin = origin === url.origin || ((origin === null || origin === 'null') && (site === null || site === 'same-origin'));
	if (!sameOrigin || (site !== null && site !== 'same-origin' && site !== 'none')) {
		return new Response('Cross-site form submissions are forbidden', { status: 403, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	return resolve(event);
};

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

/** Who is signed in. Anonymous visitors get no cookie at all. */
const session: Handle = async ({ event, resolve }) => {
	const token = event.cookies.get(SESSION_COOKIE);
	event.locals.actor = token ? await identity.actorForSession(token) : null;
	if (token && !event.locals.actor) event.cookies.delete(SESSION_COOKIE, { path: '/' });
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
	if (!csp) {
		// Non-page answers (JSON, files) get a locked-down policy too.
		h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	return response;
};

export const handle = sequence(context, securityHeaders, csrf, i18n, session);

export const handleError: HandleServerError = ({ error: err, event, status }) => {
	if (status === 404) return { message: 'not_found' };
	log.error('unhandled error', { err, path: redactPath(event.url.pathname), status });
	return { message: 'internal', id: event.locals.requestId };
};
