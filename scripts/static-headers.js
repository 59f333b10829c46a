// The headers the production server adds to static files; used by scripts/serve.js (see there).
import http from 'node:http';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The same headers hooks.server.ts sends, for files: nothing in them may run or be framed. */
export const STATIC_HEADERS = {
	'Referrer-Policy': 'no-referrer',
	'X-Content-Type-Options': 'nosniff',
	'Cross-Origin-Opener-Policy': 'same-origin',
	'Cross-Origin-Resource-Policy': 'same-origin',
	'Permissions-Policy': 'geolocation=(), camera=(), microphone=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
	'Content-Security-Policy': "default-src 'none'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
	'X-Frame-Options': 'DENY'
};

/** A year, for files whose URL changes when their bytes do (hashed names under /_app/immutable/). */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/**
 * Files with a fixed name (app.css, the favicon, the map data): an hour, then revalidated by ETag.
 * Not versioned with `?v=`: the kids zone's service worker caches them by their plain URL for offline
 * play, and kids pages may request nothing else (docs/decisions.md).
 */
export const SHORT = 'public, max-age=3600';

export function listFiles(dir, prefix = '') {
	const out = new Set();
	if (!existsSync(dir)) return out;
	for (const entry of readdirSync(dir)) {
		const full = path.join(dir, entry);
		const url = `${prefix}/${entry}`;
		if (statSync(full).isDirectory()) for (const f of listFiles(full, url)) out.add(f);
		else out.add(url.replace(/\.(br|gz)$/, ''));
	}
	return out;
}

/** A request listener that sets the static-file headers when `req` asks for one of `files`. */
export function staticHeaders(files, https = false) {
	return (req, res) => {
		if (req.method !== 'GET' && req.method !== 'HEAD') return;
		const url = req.url ?? '/';
		const q = url.indexOf('?');
		let pathname = q === -1 ? url : url.slice(0, q);
		try {
			pathname = decodeURIComponent(pathname);
		} catch {
			return;
		}
		if (!files.has(pathname)) {
			// SvelteKit answers unknown /_app/ paths itself, before any hook: give those the headers too
			if (pathname.startsWith('/_app/')) for (const [k, v] of Object.entries(STATIC_HEADERS)) res.setHeader(k, v);
			return;
		}
		for (const [k, v] of Object.entries(STATIC_HEADERS)) res.setHeader(k, v);
		if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
		// the kids' service worker must be re-checked on every visit (browsers cap it at a day anyway)
		if (pathname.endsWith('-sw.js')) {
			res.setHeader('Cache-Control', 'no-cache');
			// a worker runs under its script's policy: it may fetch and cache this site's pages
			res.setHeader('Content-Security-Policy', "default-src 'self'; frame-ancestors 'none'");
		}
		else res.setHeader('Cache-Control', pathname.startsWith('/_app/immutable/') ? IMMUTABLE : SHORT);
	};
}

/** Makes the next `http.createServer()` call (adapter-node's) put `listener` first. */
export function interceptServer(listener) {
	const create = http.createServer;
	http.createServer = function (...args) {
		http.createServer = create;
		const server = create.apply(this, args);
		server.prependListener('request', listener);
		return server;
	};
}


/**
 * Puts the app's front door (page-cache.ts registers it under `Symbol.for('cop.pageCache.front')`
 * once started) before adapter-node's request listener `attach` on `server`: a request it answers
 * never reaches SvelteKit. Until it is registered, or when it declines, `attach` runs as before.
 */
export function frontDoor(server, attach) {
	const key = Symbol.for('cop.pageCache.front');
	const listeners = server.listeners('request');
	if (!listeners.includes(attach)) return;
	const wrapped = (req, res) => {
		const front = globalThis[key];
		if (typeof front === 'function' && front(req, res)) return;
		attach(req, res);
	};
	server.removeAllListeners('request');
	for (const l of listeners) server.on('request', l === attach ? wrapped : l);
}
