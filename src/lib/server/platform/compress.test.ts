import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressResponse, compressible, negotiate } from './compress';

const html = '<!doctype html><html><body>' + '<p>Help is here. Call 116 111.</p>'.repeat(200) + '</body></html>';

function req(acceptEncoding?: string, method = 'GET') {
	return new Request('http://x.test/', { method, headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} });
}
function res(body: string, type = 'text/html; charset=utf-8', extra: Record<string, string> = {}) {
	return new Response(body, { headers: { 'content-type': type, ...extra } });
}

describe('negotiate', () => {
	it('prefers br, then gzip, honours q=0 and *', () => {
		expect(negotiate('gzip, deflate, br')).toBe('br');
		expect(negotiate('gzip, deflate')).toBe('gzip');
		expect(negotiate('br;q=0, gzip')).toBe('gzip');
		expect(negotiate('gzip;q=1.0, br;q=0.5')).toBe('gzip');
		expect(negotiate('*')).toBe('br');
		expect(negotiate('*;q=0')).toBe('identity');
		expect(negotiate('identity')).toBe('identity');
		expect(negotiate(null)).toBe('identity');
		expect(negotiate(',;;q=x,')).toBe('identity');
	});
});

describe('compressible', () => {
	it('covers HTML, JSON, CSV, SVG and text, not images or streams', () => {
		for (const t of ['text/html; charset=utf-8', 'application/json', 'text/csv', 'image/svg+xml', 'application/geo+json', 'application/ld+json', 'text/calendar'])
			expect(compressible(t), t).toBe(true);
		for (const t of ['image/png', 'application/pdf', 'text/event-stream', 'application/zip', null]) expect(compressible(t), String(t)).toBe(false);
	});
});

describe('compressResponse', () => {
	it('sends brotli when accepted, with Vary and length, and the same bytes after decoding', async () => {
		const out = await compressResponse(req('gzip, br'), res(html));
		expect(out.headers.get('content-encoding')).toBe('br');
		expect(out.headers.get('vary')).toBe('Accept-Encoding');
		const bytes = Buffer.from(await out.arrayBuffer());
		expect(Number(out.headers.get('content-length'))).toBe(bytes.length);
		expect(bytes.length).toBeLessThan(html.length / 5);
		expect(brotliDecompressSync(bytes).toString()).toBe(html);
	});

	it('sends gzip to a client that only takes gzip, for CSV, JSON and SVG too', async () => {
		for (const type of ['text/csv', 'application/json', 'image/svg+xml']) {
			const out = await compressResponse(req('gzip'), res(html, type));
			expect(out.headers.get('content-encoding')).toBe('gzip');
			expect(gunzipSync(Buffer.from(await out.arrayBuffer())).toString()).toBe(html);
		}
	});

	it('leaves alone: no Accept-Encoding, small bodies, images, encoded answers, HEAD, 304, no-transform', async () => {
		const cases: [Request, Response][] = [
			[req(), res(html)],
			[req('br'), res('<p>short</p>')],
			[req('br'), res(html, 'image/png')],
			[req('br'), res(html, 'text/html', { 'content-encoding': 'gzip' })],
			[req('br', 'HEAD'), res(html)],
			[req('br'), new Response(null, { status: 304 })],
			[req('br'), res(html, 'text/html', { 'cache-control': 'no-transform' })]
		];
		for (const [q, r] of cases) {
			const out = await compressResponse(q, r);
			expect(out.headers.get('content-encoding') === 'gzip' && r.headers.get('content-encoding') === 'gzip' ? null : out.headers.get('content-encoding')).toBeNull();
		}
		// an uncompressed answer still says it varies, so a cache does not hand it to a br client
		const plain = await compressResponse(req(), res(html));
		expect(plain.headers.get('vary')).toBe('Accept-Encoding');
		expect(await plain.text()).toBe(html);
	});

	it('keeps status, cookies and other headers, and weakens a strong ETag', async () => {
		const r = res(html, 'text/html', { etag: '"abc"', 'x-request-id': 'r1', vary: 'Cookie' });
		r.headers.append('set-cookie', 'a=1; Path=/');
		r.headers.append('set-cookie', 'b=2; Path=/');
		const out = await compressResponse(req('gzip'), new Response(r.body, { status: 404, headers: r.headers }));
		expect(out.status).toBe(404);
		expect(out.headers.get('etag')).toBe('W/"abc"');
		expect(out.headers.get('x-request-id')).toBe('r1');
		expect(out.headers.get('vary')).toBe('Cookie, Accept-Encoding');
		expect(out.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
	});
});
