import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript module without types
import { IMMUTABLE, SHORT, STATIC_HEADERS, interceptServer, staticHeaders } from './static-headers.js';

/** A server like adapter-node's: our listener in front, then a "sirv" that keeps headers already set. */
async function serve(files: Set<string>) {
	interceptServer(staticHeaders(files));
	const server = http.createServer();
	expect(http.createServer).not.toBe(undefined);
	server.on('request', (req, res) => {
		const pathname = (req.url ?? '/').split('?')[0];
		if (files.has(pathname)) {
			res.writeHead(200, { 'Content-Type': 'text/css', ETag: 'W/"1"' });
			res.end('body{}');
		} else {
			// a page: SvelteKit sets its own headers from the hook
			res.writeHead(200, { 'content-type': 'text/html' });
			res.end('<p>page</p>');
		}
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return { base, close: () => new Promise((r) => server.close(r)) };
}

describe('static file headers (scripts/serve.js)', () => {
	it('sends the security headers and a lifetime on static files only', async () => {
		const s = await serve(new Set(['/app.css', '/_app/immutable/chunks/a1b2.js', '/kids/kids.css', '/kids-sw.js']));
		try {
			const css = await fetch(`${s.base}/app.css`);
			for (const [k, v] of Object.entries(STATIC_HEADERS as Record<string, string>)) expect(css.headers.get(k), k).toBe(v);
			// a fixed name, even with a query: an hour, then the ETag
			expect(css.headers.get('cache-control')).toBe(SHORT);
			expect(css.headers.get('etag')).toBe('W/"1"');
			expect((await fetch(`${s.base}/app.css?v=123`)).headers.get('cache-control')).toBe(SHORT);
			expect((await fetch(`${s.base}/kids/kids.css`)).headers.get('cache-control')).toBe(SHORT);
			expect((await fetch(`${s.base}/_app/immutable/chunks/a1b2.js`)).headers.get('cache-control')).toBe(IMMUTABLE);
			const sw = await fetch(`${s.base}/kids-sw.js`);
			expect(sw.headers.get('cache-control')).toBe('no-cache');
			expect(sw.headers.get('content-security-policy')).toContain("default-src 'self'");
			const page = await fetch(`${s.base}/help`);
			expect(page.headers.get('x-frame-options')).toBeNull();
			expect(page.headers.get('cache-control')).toBeNull();
		} finally {
			await s.close();
		}
	});
});
