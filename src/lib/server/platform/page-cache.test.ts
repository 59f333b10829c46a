// The rendered-page cache: what it keeps, for whom, and that every instance sees an invalidation.
import type { RequestEvent } from '@sveltejs/kit';
import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test/db';
import { serviceInput } from '../test/directory';
import { grant, makeUser } from '../test/factories';
import * as directory from '../directory';
import { db } from '../db';
import * as cache from './cache';
import { PageCache, policyFor, PUBLIC_CACHE_CONTROL } from './page-cache';

useFreshDatabase();

function event(path: string, opts: { cookie?: string; routeId?: string | null; method?: string; headers?: Record<string, string>; isDataRequest?: boolean } = {}): RequestEvent {
	const url = new URL(path, 'http://cop.test');
	const headers: Record<string, string> = { 'accept-encoding': 'identity', ...opts.headers };
	if (opts.cookie) headers.cookie = opts.cookie;
	return {
		url,
		request: new Request(url, { method: opts.method ?? 'GET', headers }),
		route: { id: opts.routeId === undefined ? url.pathname.replace(/^\/(fr|ar|zh|ru|es)(?=\/|$)/, '') || '/' : opts.routeId },
		isDataRequest: opts.isDataRequest ?? false
	} as unknown as RequestEvent;
}

const html = (body: string, headers: Record<string, string> = {}) =>
	new Response(`<!doctype html><html><body>${body}</body></html>`, { headers: { 'content-type': 'text/html; charset=utf-8', ...headers } });

/** A render that lists the Kenyan services by name, counting how often it ran. */
function helpRender() {
	const r = {
		calls: 0,
		resolve: async (e: RequestEvent) => {
			r.calls++;
			const found = await directory.search({ country: e.url.searchParams.get('country') ?? 'KE' });
			return html(found.map((s) => s.service.name.en).sort().join(', ') + ` (visitor ${e.request.headers.get('cookie') ?? 'anonymous'})`, { 'cache-control': 'no-store' });
		}
	};
	return r;
}

describe('which routes are cached', () => {
	it('public pages with what they depend on; forms, private pages and unknown routes are not', () => {
		expect(policyFor('/help')?.tags).toEqual(['directory']);
		expect(policyFor('/help')?.openNow).toBe(true);
		expect(policyFor('/kids/[band]/[id]')?.tags).toEqual(['directory', 'translations']);
		expect(policyFor('/help/services/[id=uuid]')?.tags).toEqual(['directory']);
		expect(policyFor('/')?.tags).toEqual(cache.TAGS);
		expect(policyFor('/progress/countries/[code]')?.tags).toEqual(['progress']);
		expect(policyFor('/library')?.tags).toEqual(['library']);
		expect(policyFor('/library/[id=uuid]')?.tags).toEqual(['library']);
		expect(policyFor('/network/experts/[id=uuid]')?.tags).toEqual(['network']);
		expect(policyFor('/toolkits/[id]/assess')?.tags).toEqual(['content', 'translations']);
		expect(policyFor('/learn/guidelines/[set]/[section]')?.tags).toEqual(['learning', 'translations']);
		for (const id of ['/help/suggest', '/help/services/[id=uuid]/report', '/account', '/workspace/events', '/admin', '/signin', '/learn/adapt', '/events/registrations/[token]', '/api/v1/hsds/services', '/library/files/[id=uuid]', '/network/apply/expert', '/network/manage/[token]', '/network/mine', '/toolkits/[id]/saved', '/toolkits/[id]/saved/[sid=uuid]', null])
			expect(policyFor(id), String(id)).toBeNull();
	});
});

describe('page cache', () => {
	it('a directory edit shows on the next anonymous request', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ name: { en: 'Kenya talk line' } }));
		const pages = new PageCache();
		const r = helpRender();
		const first = await pages.handle(event('/help?country=KE'), r.resolve);
		expect(first.headers.get('x-page-cache')).toBe('miss');
		expect(await first.text()).toContain('Kenya talk line');
		const second = await pages.handle(event('/help?country=KE'), r.resolve);
		expect(second.headers.get('x-page-cache')).toBe('hit');
		expect(await second.text()).toContain('Kenya talk line');
		expect(r.calls).toBe(1);
		// the route said no-store (help searches stay out of browser history): the cache keeps its word
		expect(second.headers.get('cache-control')).toBe('no-store');
		expect(second.headers.get('etag')).toBeNull();

		await directory.updateService(mod, id, serviceInput({ name: { en: 'Kenya talk line, renamed' } }));
		const third = await pages.handle(event('/help?country=KE'), r.resolve);
		expect(third.headers.get('x-page-cache')).toBe('miss');
		expect(await third.text()).toContain('Kenya talk line, renamed');
		expect(r.calls).toBe(2);
	});

	it('a verification invalidates too, and a failed command (rolled back) does not', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ name: { en: 'To verify' } }));
		const before = await cache.readVersions();
		await directory.verifyService(mod, id, { method: 'phoned', note: '' });
		const after = await cache.readVersions();
		expect(after.get('directory')).toBe((before.get('directory') ?? 0) + 1);
		await expect(directory.updateService(mod, id, { nonsense: true })).rejects.toThrow();
		await expect(db().transaction(async (tx) => { await cache.invalidate(tx, 'directory'); throw new Error('boom'); })).rejects.toThrow('boom');
		expect((await cache.readVersions()).get('directory')).toBe(after.get('directory'));
	});

	it('two app instances on one database both see an invalidation', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ name: { en: 'Shared line' }, countries: ['UG'] }));
		const a = new PageCache();
		const b = new PageCache();
		const ra = helpRender();
		const rb = helpRender();
		for (const [pages, r] of [[a, ra], [b, rb]] as const) {
			await pages.handle(event('/help?country=UG'), r.resolve);
			expect((await pages.handle(event('/help?country=UG'), r.resolve)).headers.get('x-page-cache')).toBe('hit');
		}
		await directory.updateService(mod, id, serviceInput({ name: { en: 'Shared line, edited' }, countries: ['UG'] }));
		for (const [pages, r] of [[a, ra], [b, rb]] as const) {
			const res = await pages.handle(event('/help?country=UG'), r.resolve);
			expect(res.headers.get('x-page-cache')).toBe('miss');
			expect(await res.text()).toContain('Shared line, edited');
		}
	});

	it('a signed-in visitor is never served from the cache, and their page is never kept', async () => {
		const pages = new PageCache();
		const r = helpRender();
		await pages.handle(event('/help?country=KE'), r.resolve); // anonymous, kept
		const alice = await pages.handle(event('/help?country=KE', { cookie: 'cop_session=alice-token' }), r.resolve);
		expect(await alice.text()).toContain('visitor cop_session=alice-token');
		expect(alice.headers.get('x-page-cache')).toBeNull();
		const bob = await pages.handle(event('/help?country=KE', { cookie: 'theme=dark; cop_session=bob-token' }), r.resolve);
		expect(await bob.text()).toContain('visitor theme=dark; cop_session=bob-token');
		const anon = await pages.handle(event('/help?country=KE'), r.resolve);
		expect(anon.headers.get('x-page-cache')).toBe('hit');
		expect(await anon.text()).toContain('visitor anonymous');
		expect(r.calls).toBe(3);
		// a page for a session tells shared caches to keep out
		const account = await pages.handle(event('/account', { cookie: 'cop_session=alice-token' }), async () => html('Alice'));
		expect(account.headers.get('cache-control')).toBe('private, no-cache');
	});

	it('keeps nothing that sets a cookie, is not 200 HTML, says private, or is not a plain GET', async () => {
		const pages = new PageCache();
		let calls = 0;
		const cases: [RequestEvent, () => Response][] = [
			[event('/'), () => html('home', { 'set-cookie': 'x=1' })],
			[event('/kids'), () => new Response('nope', { status: 404, headers: { 'content-type': 'text/html' } })],
			[event('/progress'), () => new Response('{}', { headers: { 'content-type': 'application/json' } })],
			[event('/learn'), () => html('mine', { 'cache-control': 'private, no-store' })],
			[event('/help', { method: 'POST' }), () => html('posted')],
			[event('/help', { isDataRequest: true }), () => html('data')]
		];
		for (const [e, make] of cases) {
			for (let i = 0; i < 2; i++) await pages.handle(e, async () => (calls++, make()));
		}
		expect(calls).toBe(cases.length * 2);
		expect(pages.entries.size).toBe(0);
	});

	it('keys by path and query, so each language and search has its own page', async () => {
		const pages = new PageCache({ versions: async () => new Map() });
		const render = async (e: RequestEvent) => html(`page for ${e.url.pathname}${e.url.search}`);
		for (const p of ['/help?country=KE', '/fr/help?country=KE', '/ar/help?country=KE', '/help?country=UG'])
			expect(await (await pages.handle(event(p), render)).text()).toContain(`page for ${p}`);
		for (const p of ['/help?country=KE', '/fr/help?country=KE', '/ar/help?country=KE', '/help?country=UG']) {
			const res = await pages.handle(event(p), render);
			expect(res.headers.get('x-page-cache')).toBe('hit');
			expect(await res.text()).toContain(`page for ${p}`);
		}
	});

	it('"open now" pages expire at the next full minute; others after five minutes', async () => {
		let now = Date.UTC(2026, 11, 1, 8, 59, 59, 500);
		const pages = new PageCache({ versions: async () => new Map(), now: () => now });
		let n = 0;
		const render = async () => html(`render ${++n}`);
		await pages.handle(event('/help?country=KE'), render);
		await pages.handle(event('/progress'), render);
		now += 400; // 08:59:59.900
		expect((await pages.handle(event('/help?country=KE'), render)).headers.get('x-page-cache')).toBe('hit');
		now += 100; // 09:00:00.000: a line opening at 09:00 must now say open
		expect((await pages.handle(event('/help?country=KE'), render)).headers.get('x-page-cache')).toBe('miss');
		expect((await pages.handle(event('/progress'), render)).headers.get('x-page-cache')).toBe('hit');
		now += 5 * 60_000;
		expect((await pages.handle(event('/progress'), render)).headers.get('x-page-cache')).toBe('miss');
	});

	it('public pages carry Cache-Control and an ETag; If-None-Match gets a 304', async () => {
		const pages = new PageCache({ versions: async () => new Map() });
		const csp = "default-src 'self'; script-src 'self'";
		const render = async () => html('<p>About the platform</p>'.repeat(100), { 'content-security-policy': csp });
		const first = await pages.handle(event('/'), render);
		expect(first.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
		expect(first.headers.get('vary')).toBe('Accept-Encoding, Cookie');
		const etag = first.headers.get('etag')!;
		expect(etag).toMatch(/^W\/".+"$/);
		const again = await pages.handle(event('/', { headers: { 'if-none-match': etag } }), render);
		expect(again.status).toBe(304);
		expect(again.headers.get('etag')).toBe(etag);
		// the browser replaces its stored headers with the 304's: the page's policy must come along
		expect(again.headers.get('content-security-policy')).toBe(csp);
		expect(await again.text()).toBe('');
		const other = await pages.handle(event('/', { headers: { 'if-none-match': 'W/"other"' } }), render);
		expect(other.status).toBe(200);
	});

	it('serves kept pages compressed once, as the client accepts', async () => {
		const pages = new PageCache({ versions: async () => new Map() });
		const body = '<p>Call 116 111, free, day and night.</p>'.repeat(100);
		let n = 0;
		const render = async () => (n++, html(body));
		await pages.handle(event('/kids'), render);
		const br = await pages.handle(event('/kids', { headers: { 'accept-encoding': 'gzip, br' } }), render);
		expect(br.headers.get('content-encoding')).toBe('br');
		expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toContain(body);
		const plain = await pages.handle(event('/kids'), render);
		expect(plain.headers.get('content-encoding')).toBeNull();
		expect(n).toBe(1);
	});

	it('a database it cannot read means render and keep nothing', async () => {
		const pages = new PageCache({ versions: async () => { throw new Error('connection refused'); } });
		let n = 0;
		for (let i = 0; i < 2; i++) await pages.handle(event('/'), async () => (n++, html('home')));
		expect(n).toBe(2);
	});

	it('stays within its size: the least recently used page goes first', async () => {
		const pages = new PageCache({ versions: async () => new Map(), maxEntries: 2 });
		const render = async (e: RequestEvent) => html(e.url.search);
		await pages.handle(event('/help?country=A1'), render);
		await pages.handle(event('/help?country=A2'), render);
		await pages.handle(event('/help?country=A1'), render); // A1 used again
		await pages.handle(event('/help?country=A3'), render);
		expect([...pages.entries.keys()]).toEqual(['/help?country=A1', '/help?country=A3']);
	});
});
