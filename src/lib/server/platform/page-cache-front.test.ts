// The page cache's front door: kept pages answered from the Node request listener, before the app,
// with counters pushed by LISTEN/NOTIFY. Each "instance" here is a real HTTP server with its own
// cache and its own listening connection (on PostgreSQL: a session of its own, as two processes
// would have), falling back to a stand-in for the app that goes through `handle` and `learn`.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestEvent } from '@sveltejs/kit';
import { afterAll, describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test/db';
import { serviceInput } from '../test/directory';
import { grant, makeUser } from '../test/factories';
import { seedPublishedAssessment } from '../test/progress';
import { database, db } from '../db';
import * as directory from '../directory';
import * as translations from '../translations';
import * as cache from './cache';
import { PageCache } from './page-cache';

useFreshDatabase();

interface Instance {
	url: string;
	live: cache.LiveVersions;
	pages: PageCache;
	/** how many requests reached the app (not answered at the front door) */
	appCalls: number;
	renders: number;
}

const instances: Instance[] = [];
const servers: http.Server[] = [];

afterAll(async () => {
	for (const s of servers) s.close();
	for (const i of instances) await i.live.close();
});

/** What the stand-in app renders: the Kenyan services, the assessments' countries, the display modes. */
async function render(e: RequestEvent): Promise<Response> {
	const route = e.url.pathname;
	let text = '';
	if (route === '/help') text = (await directory.search({ country: e.url.searchParams.get('country') ?? 'KE' })).map((s) => s.service.name.en).join(', ');
	else if (route === '/progress') text = `scores ${(await cache.readVersions()).get('progress') ?? 0}`;
	else if (route === '/learn') text = JSON.stringify(await translations.displayModes());
	else return new Response('not here', { status: 404 });
	return new Response(`<!doctype html><html><body><p>${text}</p>${'<p>padding</p>'.repeat(100)}</body></html>`, {
		headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'self'" }
	});
}

async function startInstance(): Promise<Instance> {
	const live = new cache.LiveVersions();
	await live.start(database());
	await until(() => live.stampOf([]) !== null);
	const pages = new PageCache({ live });
	const instance: Instance = { url: '', live, pages, appCalls: 0, renders: 0 };
	const server = http.createServer((req, res) => {
		if (pages.front(req, res)) return;
		instance.appCalls++;
		void (async () => {
			const url = new URL(req.url ?? '/', 'http://cop.test');
			const headers = new Headers();
			for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
			const event = {
				url,
				request: new Request(url, { method: req.method, headers }),
				route: { id: url.pathname },
				isDataRequest: false
			} as unknown as RequestEvent;
			const response = await pages.handle(event, (e) => (instance.renders++, render(e)));
			// what the outer hooks add, and what `learn` must carry to the front door
			response.headers.set('x-frame-options', 'SAMEORIGIN');
			response.headers.set('x-request-id', `app-${instance.appCalls}`);
			pages.learn(response);
			res.writeHead(response.status, [...response.headers].flat());
			res.end(Buffer.from(await response.arrayBuffer()));
		})();
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	servers.push(server);
	instance.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	instances.push(instance);
	return instance;
}

async function until(check: () => boolean, ms = 3000): Promise<void> {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 5));
	}
}

/** GETs `path` on `i`, and says whether the app saw it. */
async function get(i: Instance, path: string, headers: Record<string, string> = {}) {
	const before = i.appCalls;
	const res = await fetch(i.url + path, { headers: { 'accept-encoding': 'identity', ...headers } });
	return { res, text: await res.text(), viaApp: i.appCalls > before };
}

/** Requests `path` until the front door answers it (a miss, then a hit that teaches the headers). */
async function warm(i: Instance, path: string, headers: Record<string, string> = {}): Promise<void> {
	for (let n = 0; n < 3; n++) if (!(await get(i, path, headers)).viaApp) return;
	throw new Error(`${path} never reached the front door`);
}

/**
 * Waits until `i` has heard of a change to `tag` since `before` (NOTIFY is delivered as the writer
 * commits; over PostgreSQL it travels on the instance's own connection, a few milliseconds).
 */
async function heard(i: Instance, tag: cache.Tag, before: string | null): Promise<void> {
	await until(() => {
		const now = i.live.stampOf([tag]);
		return now !== null && now !== before;
	});
}

describe('front door', () => {
	it('answers a kept page with the headers the app sent, once the app has sent it', async () => {
		const i = await startInstance();
		// the first answer, rendered and kept, teaches the front door the final headers
		const first = await get(i, '/progress');
		expect(first.viaApp).toBe(true);
		expect(first.res.headers.get('x-page-cache')).toBe('miss');
		const second = await get(i, '/progress', { 'x-request-id': 'visitor-request-1' });
		expect(second.viaApp).toBe(false);
		expect(second.res.headers.get('x-page-cache')).toBe('front');
		expect(second.text).toBe(first.text);
		const strip = (h: Headers) => [...h].filter(([k]) => !['date', 'x-request-id', 'x-page-cache', 'connection', 'keep-alive'].includes(k));
		expect(strip(second.res.headers)).toEqual(strip(first.res.headers));
		expect(second.res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
		expect(second.res.headers.get('x-request-id')).toBe('visitor-request-1');
		// a request id that is not one of ours is replaced
		expect((await get(i, '/progress', { 'x-request-id': 'not ours!' })).res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect(i.renders).toBe(1);
		expect(i.pages.stats.front).toBe(2);
	});

	it('a directory edit, a validation and a content change show on the next anonymous request on both of two instances', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const admin = await makeUser({ grants: [grant('admin')] });
		const id = await directory.createService(mod, serviceInput({ name: { en: 'Front line' }, countries: ['KE'] }));
		const a = await startInstance();
		const b = await startInstance();
		for (const i of [a, b]) for (const path of ['/help?country=KE', '/progress', '/learn']) await warm(i, path);

		let before = [a, b].map((i) => i.live.stampOf(['directory']));
		await directory.updateService(mod, id, serviceInput({ name: { en: 'Front line, renamed' }, countries: ['KE'] }));
		for (const [n, i] of [a, b].entries()) {
			await heard(i, 'directory', before[n]);
			const page = await get(i, '/help?country=KE');
			expect(page.viaApp).toBe(true);
			expect(page.text).toContain('Front line, renamed');
		}

		before = [a, b].map((i) => i.live.stampOf(['progress']));
		await seedPublishedAssessment(db(), { country: 'KE', period: 2024 });
		const scores = `scores ${(await cache.readVersions()).get('progress')}`;
		for (const [n, i] of [a, b].entries()) {
			await heard(i, 'progress', before[n]);
			const page = await get(i, '/progress');
			expect(page.viaApp).toBe(true);
			expect(page.text).toContain(scores);
		}

		before = [a, b].map((i) => i.live.stampOf(['translations']));
		await translations.setDisplayModes(admin, { fr: 'fallback' });
		for (const [n, i] of [a, b].entries()) {
			await heard(i, 'translations', before[n]);
			const page = await get(i, '/learn');
			expect(page.viaApp).toBe(true);
			expect(page.text).toContain('fallback');
		}
	});

	it('a bump this process is writing keeps its pages away from the front door until it is announced', async () => {
		const i = await startInstance();
		await warm(i, '/progress');
		const current = (await cache.readVersions()).get('progress') ?? 0;
		i.live.expect('progress', current + 1);
		expect((await get(i, '/progress')).viaApp).toBe(true);
		// announced (as the commit does): trusted again, and the page is rendered anew once
		i.live.observe(new Map([['progress', current + 1]]));
		expect(i.live.stampOf(['progress'])).toBe(`progress:${current + 1}`);
	});

	it('sends nothing from the front door without live counters', async () => {
		const i = await startInstance();
		await warm(i, '/progress');
		await i.live.close();
		expect((await get(i, '/progress')).viaApp).toBe(true);
		const none = new PageCache({ live: null });
		expect(none.front({ method: 'GET', url: '/progress', headers: {} } as http.IncomingMessage, {} as http.ServerResponse)).toBe(false);
	});

	it('leaves sessions, other methods, other pages and encodings not yet made to the app', async () => {
		const i = await startInstance();
		await warm(i, '/progress');
		expect((await get(i, '/progress', { cookie: 'theme=dark; cop_session=abc' })).viaApp).toBe(true);
		expect((await get(i, '/progress', { cookie: 'theme=dark' })).viaApp).toBe(false);
		expect((await get(i, '/progress?x=1')).viaApp).toBe(true);
		const head = await fetch(`${i.url}/progress`, { method: 'HEAD' });
		expect(head.status).toBe(200);
		// Brotli bytes are made by the app on the first request that asks for them; then kept
		const br = await get(i, '/progress', { 'accept-encoding': 'br' });
		expect(br.viaApp).toBe(true);
		const brAgain = await fetch(`${i.url}/progress`, { headers: { 'accept-encoding': 'gzip, br' } });
		expect(brAgain.headers.get('content-encoding')).toBe('br');
		expect(brAgain.headers.get('x-request-id')).not.toMatch(/^app-/);
		expect(await brAgain.text()).toContain('scores');
	});

	it('answers If-None-Match with a 304 that keeps the page policy', async () => {
		const i = await startInstance();
		await warm(i, '/progress');
		const page = await get(i, '/progress');
		const etag = page.res.headers.get('etag')!;
		const again = await get(i, '/progress', { 'if-none-match': etag });
		expect(again.viaApp).toBe(false);
		expect(again.res.status).toBe(304);
		expect(again.res.headers.get('content-security-policy')).toBe("default-src 'self'");
		expect(again.res.headers.get('etag')).toBe(etag);
	});
});

describe('live counters', () => {
	it('follow committed bumps only, and only grow', async () => {
		const live = new cache.LiveVersions();
		await live.start(database());
		await until(() => live.stampOf([]) !== null);
		const base = (await cache.readVersions()).get('library') ?? 0;
		await expect(db().transaction(async (tx) => {
			await cache.invalidate(tx, 'library');
			throw new Error('rolled back');
		})).rejects.toThrow('rolled back');
		await db().transaction((tx) => cache.invalidate(tx, 'library'));
		await until(() => live.stampOf(['library']) === `library:${base + 1}`);
		live.observe(new Map([['library', base]]));
		expect(live.stampOf(['library'])).toBe(`library:${base + 1}`);
		await live.close();
		expect(live.stampOf(['library'])).toBeNull();
	});
});
