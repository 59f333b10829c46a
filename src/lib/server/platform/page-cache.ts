// The rendered-page cache for anonymous visitors (docs/performance.md, "Page cache").
//
// Public pages (home, help, kids, learn, progress, …) look the same to every visitor without a
// session, so the HTML rendered for one is kept in memory and served to the next, keyed by path and
// query (the language is the path prefix: /fr/help). A page is only reused while
//  - the counters of the data it depends on (platform/cache.ts, read from the database for every
//    cacheable request, so every instance sees every invalidation) are those it was rendered under;
//  - its lifetime has not run out: until the next full minute for pages that say "open now" (the
//    hours are to the minute, so the status flips on time), five minutes for the others.
// Never cached: requests carrying a session cookie, anything but GET, SvelteKit data requests,
// answers that are not 200 text/html, that set a cookie or that say `private`.
// Cache hits also keep their Brotli/gzip bytes, so a hit costs no rendering and no compression.
//
// The front door (`front`): once a kept page has been served once through the whole app, its final
// headers are known, and later requests for it are answered straight from the Node request listener
// (scripts/serve.js), before SvelteKit, the hooks and the database: the counters come from
// LISTEN/NOTIFY (cache.ts, `LiveVersions`) instead of a read per request. Anything it is not sure
// of (no live counters, a counter this process is changing, a session cookie, an encoding not made
// yet) goes the full way, which is always right. See docs/performance.md ("Front door").
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestEvent } from '@sveltejs/kit';
import { etagMatches, SESSION_COOKIE } from './http';
import { encode, MIN_BYTES, negotiate, type Encoding } from './compress';
import { live, readVersions, stamp, TAGS, type LiveVersions, type Tag, type Versions } from './cache';
import { REQUEST_ID } from './context';
import { log } from './log';

export interface CachePolicy {
	tags: readonly Tag[];
	/** shows opening status ("open now"): expires at the next full minute */
	openNow: boolean;
}

const ALL: readonly Tag[] = TAGS;
const FIVE_MINUTES = 5 * 60_000;

/**
 * Which routes are cached and what they depend on, by route id prefix (first match wins). Routes
 * not listed are never cached. A route that shows several kinds of data lists them all; when in
 * doubt, ALL.
 */
const ROUTES: [prefix: string, policy: CachePolicy][] = [
	['/help/suggest', { tags: [], openNow: false }], // a form: not cached (tags: [] marks "skip")
	['/help/services/[id=uuid]/report', { tags: [], openNow: false }],
	['/help', { tags: ['directory'], openNow: true }],
	['/embed/help', { tags: ['directory'], openNow: true }],
	['/embed/have-your-say', { tags: ['participation'], openNow: false }],
	['/kids', { tags: ['directory', 'translations'], openNow: true }],
	['/learn/certificates', { tags: [], openNow: false }],
	['/learn/adapt', { tags: [], openNow: false }],
	['/learn', { tags: ['learning', 'translations'], openNow: false }],
	['/progress', { tags: ['progress'], openNow: false }],
	['/events/registrations', { tags: [], openNow: false }],
	['/events/certificates', { tags: [], openNow: false }],
	['/events', { tags: ['events'], openNow: false }],
	['/have-your-say', { tags: ['participation'], openNow: false }],
	['/library/files', { tags: [], openNow: false }], // downloads are files, not pages
	['/library', { tags: ['library'], openNow: false }],
	['/network/apply', { tags: [], openNow: false }], // forms
	['/network/manage', { tags: [], openNow: false }], // an applicant's private link
	['/network/mine', { tags: [], openNow: false }],
	['/network', { tags: ['network'], openNow: false }],
	['/toolkits/[id]/saved', { tags: [], openNow: false }],
	['/toolkits', { tags: ['content', 'translations'], openNow: false }],
	['/countries', { tags: ALL, openNow: true }],
	['/privacy', { tags: ALL, openNow: false }]
];

export function policyFor(routeId: string | null): CachePolicy | null {
	if (!routeId) return null;
	if (routeId === '/') return { tags: ALL, openNow: false };
	for (const [prefix, policy] of ROUTES) {
		if (routeId === prefix || routeId.startsWith(`${prefix}/`)) return policy.tags.length ? policy : null;
	}
	return null;
}

/** The request carries a session cookie (valid or not): the visitor may be signed in. */
export function hasSession(request: Request): boolean {
	return cookieHasSession(request.headers.get('cookie'));
}

function cookieHasSession(cookie: string | null | undefined): boolean {
	return !!cookie && cookie.split(';').some((c) => c.trim().startsWith(`${SESSION_COOKIE}=`));
}

interface Entry {
	key: string;
	tags: readonly Tag[];
	stamp: string;
	expires: number;
	status: number;
	headers: [string, string][];
	body: Uint8Array;
	etag: string;
	/** the page said `no-store` (help search: kept out of browser caches and history): no ETag, no 304 */
	noStore: boolean;
	encoded: Partial<Record<Exclude<Encoding, 'identity'>, Promise<Uint8Array>>>;
	/** the same bytes once made, for the front door (which never waits) */
	ready: Partial<Record<Exclude<Encoding, 'identity'>, Uint8Array>>;
	/** the headers the whole app sent with this page (hooks included), per-answer ones left out: set by `learn` */
	front?: string[];
	bytes: number;
}

export interface PageCacheOptions {
	/** reads the invalidation counters; the database table by default */
	versions?: () => Promise<Versions>;
	/** counters kept current by LISTEN/NOTIFY: with them the front door answers (none: it never does) */
	live?: LiveVersions | null;
	now?: () => number;
	maxEntries?: number;
	maxBytes?: number;
}

/** What proxies and browsers are told about a cacheable public page: keep it, but ask (ETag) before reuse. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const MAX_PAGE_BYTES = 1024 * 1024;
const DROPPED_HEADERS = new Set(['set-cookie', 'content-length', 'content-encoding', 'etag', 'vary', 'date', 'x-request-id']);
/** Headers of one answer, not of the page: the front door sets them itself. */
const PER_ANSWER = new Set(['content-length', 'content-encoding', 'etag', 'date', 'x-request-id', 'x-page-cache', 'set-cookie', 'connection', 'keep-alive', 'transfer-encoding']);
/** What the front door looks up in place of SvelteKit's app (scripts/serve.js). */
export const FRONT_DOOR = Symbol.for('cop.pageCache.front');

export class PageCache {
	readonly entries = new Map<string, Entry>();
	readonly stats = { hits: 0, misses: 0, stored: 0, bypassed: 0, notModified: 0, front: 0 };
	private bytes = 0;
	private readonly versions: () => Promise<Versions>;
	private readonly live: LiveVersions | null;
	/** answers served from an entry, until `learn` sees them leave the app */
	private readonly served = new WeakMap<Response, Entry>();
	private readonly encodings = new Map<string, Encoding>();
	private readonly now: () => number;
	private readonly maxEntries: number;
	private readonly maxBytes: number;

	constructor(options: PageCacheOptions = {}) {
		this.versions = options.versions ?? (() => readVersions());
		this.live = options.live ?? null;
		this.now = options.now ?? Date.now;
		this.maxEntries = options.maxEntries ?? 2000;
		this.maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
	}

	/** A SvelteKit `handle`: serve from the cache, or render, keep and serve. */
	async handle(event: RequestEvent, resolve: (event: RequestEvent) => Response | Promise<Response>): Promise<Response> {
		const policy = event.request.method === 'GET' && !event.isDataRequest && !hasSession(event.request) ? policyFor(event.route.id) : null;
		if (!policy) {
			this.stats.bypassed++;
			const response = await resolve(event);
			// nothing personal may be kept by a shared cache: pages for a session say so
			if (hasSession(event.request) && !response.headers.has('cache-control')) response.headers.set('cache-control', 'private, no-cache');
			return response;
		}
		let versions: Versions;
		try {
			versions = await this.versions();
		} catch {
			// database unreachable: render (the page decides what to show), keep nothing
			this.stats.bypassed++;
			return resolve(event);
		}
		this.live?.observe(versions);
		const key = event.url.pathname + event.url.search;
		const current = stamp(versions, policy.tags);
		const now = this.now();
		const found = this.entries.get(key);
		if (found && found.stamp === current && found.expires > now) {
			this.stats.hits++;
			this.entries.delete(key);
			this.entries.set(key, found); // most recently used last
			return this.respond(found, event.request, 'hit');
		}
		if (found) this.remove(found);
		this.stats.misses++;
		const response = await resolve(event);
		if (!this.storable(response)) return response;
		const body = new Uint8Array(await response.arrayBuffer());
		if (body.byteLength > MAX_PAGE_BYTES) return new Response(body, response);
		const cacheControl = response.headers.get('cache-control') ?? '';
		const entry: Entry = {
			key,
			tags: policy.tags,
			stamp: current,
			expires: policy.openNow ? Math.min(now + FIVE_MINUTES, (Math.floor(now / 60_000) + 1) * 60_000) : now + FIVE_MINUTES,
			status: response.status,
			headers: [...response.headers].filter(([k]) => !DROPPED_HEADERS.has(k.toLowerCase())),
			body,
			etag: `W/"${createHash('sha1').update(body).digest('base64url')}"`,
			noStore: /\bno-store\b/i.test(cacheControl),
			encoded: {},
			ready: {},
			bytes: body.byteLength
		};
		this.store(entry);
		return this.respond(entry, event.request, 'miss');
	}

	/**
	 * Called with the answer as it leaves the app (the outermost hook): for a kept page, remembers
	 * the headers every hook added, so the front door can send exactly the same.
	 */
	learn(response: Response): void {
		const entry = this.served.get(response);
		if (!entry || entry.front || response.status !== 200 || this.entries.get(entry.key) !== entry) return;
		const front: string[] = [];
		for (const [k, v] of response.headers) if (!PER_ANSWER.has(k)) front.push(k, v);
		entry.front = front;
	}

	/**
	 * The front door: answers `req` from a kept page when that is certainly what the app would send,
	 * and says whether it did. Never waits: anything not at hand (live counters, compressed bytes)
	 * means false, and the request goes through the app as usual.
	 */
	front(req: IncomingMessage, res: ServerResponse): boolean {
		const t0 = performance.now();
		const url = req.url;
		if (req.method !== 'GET' || !this.live || !url) return false;
		const entry = this.entries.get(url);
		if (!entry?.front || cookieHasSession(req.headers.cookie)) return false;
		if (entry.expires <= this.now() || this.live.stampOf(entry.tags) !== entry.stamp) return false;
		let body = entry.body;
		let encoding: Encoding = 'identity';
		if (body.byteLength >= MIN_BYTES) {
			encoding = this.encodingFor(req.headers['accept-encoding']);
			if (encoding !== 'identity') {
				const ready = entry.ready[encoding];
				if (!ready) return false;
				body = ready;
			}
		}
		const incoming = req.headers['x-request-id'];
		const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
		const headers = [...entry.front, 'x-request-id', requestId, 'x-page-cache', 'front'];
		let status = entry.status;
		if (!entry.noStore) {
			headers.push('etag', entry.etag);
			if (etagMatches(req.headers['if-none-match'] ?? null, entry.etag)) status = 304;
		}
		this.entries.delete(url);
		this.entries.set(url, entry); // most recently used last
		this.stats.hits++;
		this.stats.front++;
		if (status === 304) {
			this.stats.notModified++;
			// the page's own headers, as in `respond`, without those of a body
			const kept: string[] = [];
			for (let i = 0; i < headers.length; i += 2) if (headers[i] !== 'content-type') kept.push(headers[i], headers[i + 1]);
			res.writeHead(304, kept);
			res.end();
		} else {
			if (encoding !== 'identity') headers.push('content-encoding', encoding);
			headers.push('content-length', String(body.byteLength));
			res.writeHead(status, headers);
			res.end(body);
		}
		const q = url.indexOf('?');
		log.info('request', { requestId, method: 'GET', path: q === -1 ? url : url.slice(0, q), status, ms: Math.round((performance.now() - t0) * 10) / 10 });
		return true;
	}

	/** `negotiate`, remembered for the few Accept-Encoding headers browsers send. */
	private encodingFor(header: string | undefined): Encoding {
		if (!header) return 'identity';
		let e = this.encodings.get(header);
		if (e === undefined) {
			e = negotiate(header);
			if (this.encodings.size > 100) this.encodings.clear();
			this.encodings.set(header, e);
		}
		return e;
	}

	/** Forgets every page (tests; a new build starts with an empty cache anyway). */
	clear(): void {
		this.entries.clear();
		this.bytes = 0;
	}

	private storable(response: Response): boolean {
		if (response.status !== 200 || !response.body) return false;
		const h = response.headers;
		if (h.has('set-cookie') || h.has('content-encoding')) return false;
		if (!/^text\/html\b/i.test(h.get('content-type') ?? '')) return false;
		return !/\bprivate\b/i.test(h.get('cache-control') ?? '');
	}

	private store(entry: Entry): void {
		this.entries.set(entry.key, entry);
		this.bytes += entry.bytes;
		this.stats.stored++;
		for (const oldest of this.entries.values()) {
			if (this.entries.size <= this.maxEntries && this.bytes <= this.maxBytes) break;
			this.remove(oldest);
		}
	}

	private remove(entry: Entry): void {
		if (this.entries.get(entry.key) === entry) {
			this.entries.delete(entry.key);
			this.bytes -= entry.bytes;
		}
	}

	private async respond(entry: Entry, request: Request, state: 'hit' | 'miss'): Promise<Response> {
		const headers = new Headers(entry.headers);
		headers.set('vary', 'Accept-Encoding, Cookie');
		headers.set('x-page-cache', state);
		if (!entry.noStore) {
			if (!headers.has('cache-control')) headers.set('cache-control', PUBLIC_CACHE_CONTROL);
			headers.set('etag', entry.etag);
			const ifNoneMatch = request.headers.get('if-none-match');
			if (etagMatches(ifNoneMatch, entry.etag)) {
				this.stats.notModified++;
				// A browser updates the headers it stored with those of a 304, so the 304 carries the
				// page's own headers (its Content-Security-Policy above all): without them the hooks
				// gave the bodiless answer the locked-down policy of non-page answers, and the reloaded
				// page could load neither its stylesheets nor its scripts nor its manifest.
				const h304 = new Headers(headers);
				h304.delete('content-length');
				h304.delete('content-type');
				return new Response(null, { status: 304, headers: h304 });
			}
		}
		const encoding = entry.body.byteLength >= MIN_BYTES ? negotiate(request.headers.get('accept-encoding')) : 'identity';
		if (encoding === 'identity') {
			headers.set('content-length', String(entry.body.byteLength));
			return this.track(new Response(entry.body as Uint8Array<ArrayBuffer>, { status: entry.status, headers }), entry);
		}
		let pending = entry.encoded[encoding];
		if (!pending) {
			// kept pages are compressed once, harder than on-the-fly answers
			pending = entry.encoded[encoding] = encode(entry.body, encoding, 9);
			void pending.then(
				(b) => {
					if (this.entries.get(entry.key) === entry) this.bytes += b.byteLength;
					entry.bytes += b.byteLength;
					entry.ready[encoding] = b;
				},
				() => {}
			);
		}
		const body = await pending;
		headers.set('content-encoding', encoding);
		headers.set('content-length', String(body.byteLength));
		return this.track(new Response(body as Uint8Array<ArrayBuffer>, { status: entry.status, headers }), entry);
	}

	private track(response: Response, entry: Entry): Response {
		this.served.set(response, entry);
		return response;
	}
}

/** The app's cache (hooks.server.ts), with this process's live counters; tests make their own instances. */
export const pages = new PageCache({ live });
