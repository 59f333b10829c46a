// Response compression for what the app renders (HTML, JSON, CSV, SVG, text). Static files are
// precompressed by the build and served by adapter-node; this covers everything dynamic.
// Decision (docs/decisions.md, "Compression in the hook"): done here rather than in the Node
// wrapper so that the page cache (page-cache.ts) can keep the compressed bytes and a cache hit
// costs no compression at all.
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip' | 'identity';

/** Below this many bytes compression saves less than it costs. */
export const MIN_BYTES = 1024;
/** Buffering answers larger than this (big exports) is left alone: they stream uncompressed. */
export const MAX_BYTES = 16 * 1024 * 1024;

const COMPRESSIBLE = /^(?:text\/(?:html|csv|plain|css|calendar|xml|markdown)|application\/(?:json|[a-z.+-]*\+json|xml|[a-z.+-]*\+xml|javascript|geo\+json)|image\/svg\+xml)\b/i;

export function compressible(contentType: string | null): boolean {
	return !!contentType && COMPRESSIBLE.test(contentType) && !/text\/event-stream/i.test(contentType);
}

/**
 * The best encoding the client accepts: br, then gzip, else identity. `q=0` refuses one; `*` accepts
 * any not named. Unparseable headers mean identity.
 */
export function negotiate(acceptEncoding: string | null): Encoding {
	if (!acceptEncoding) return 'identity';
	const q = new Map<string, number>();
	for (const part of acceptEncoding.split(',')) {
		const [name, ...params] = part.trim().toLowerCase().split(';');
		if (!name) continue;
		let weight = 1;
		for (const p of params) {
			const m = /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p);
			if (m) weight = Number(m[1]);
		}
		q.set(name.trim(), Number.isFinite(weight) ? weight : 0);
	}
	const weight = (name: string) => q.get(name) ?? (q.has('*') ? (q.get('*') as number) : 0);
	const br = weight('br');
	const gzipW = Math.max(weight('gzip'), q.get('x-gzip') ?? 0);
	if (br > 0 && br >= gzipW) return 'br';
	if (gzipW > 0) return 'gzip';
	return 'identity';
}

/** Compresses `body` for `encoding`. Brotli at quality 5: close to gzip -9 in size, a few times faster. */
export async function encode(body: Uint8Array, encoding: Exclude<Encoding, 'identity'>, quality = 5): Promise<Uint8Array> {
	if (encoding === 'br') {
		return brotli(body, {
			params: {
				[constants.BROTLI_PARAM_QUALITY]: quality,
				[constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
				[constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength
			}
		});
	}
	return gz(body, { level: 6 });
}

/** Adds `Accept-Encoding` to the response's Vary header (once). */
export function varyOnEncoding(headers: Headers): void {
	const vary = headers.get('vary');
	if (!vary) headers.set('vary', 'Accept-Encoding');
	else if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) headers.set('vary', `${vary}, Accept-Encoding`);
}

/**
 * The response compressed for the request when that is worth it: the client accepts br or gzip, the
 * type is textual, it is not already encoded, not a range, and its size (when known) is between
 * MIN_BYTES and MAX_BYTES. Anything else is returned as it is.
 */
export async function compressResponse(request: Request, response: Response): Promise<Response> {
	if (request.method === 'HEAD' || !response.body) return response;
	if (response.status < 200 || response.status === 204 || response.status === 206 || response.status === 304) return response;
	const h = response.headers;
	if (h.has('content-encoding') || !compressible(h.get('content-type'))) return response;
	if (/\bno-transform\b/i.test(h.get('cache-control') ?? '')) return response;
	const declared = h.get('content-length');
	if (declared !== null && (Number(declared) < MIN_BYTES || Number(declared) > MAX_BYTES)) return response;
	varyOnEncoding(h);
	const encoding = negotiate(request.headers.get('accept-encoding'));
	if (encoding === 'identity') return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(h);
	if (body.byteLength < MIN_BYTES || body.byteLength > MAX_BYTES) {
		headers.set('content-length', String(body.byteLength));
		return new Response(body, { status: response.status, statusText: response.statusText, headers });
	}
	const out = await encode(body, encoding);
	headers.set('content-encoding', encoding);
	headers.set('content-length', String(out.byteLength));
	// a strong validator names exact bytes; the compressed ones differ, so it becomes weak
	const etag = headers.get('etag');
	if (etag && !etag.startsWith('W/')) headers.set('etag', `W/${etag}`);
	return new Response(out as Uint8Array<ArrayBuffer>, { status: response.status, statusText: response.statusText, headers });
}
