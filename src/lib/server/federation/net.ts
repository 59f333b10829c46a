// The only way the hub reaches a member: GET on the member's own origin, no redirects followed, no
// private, loopback or link-local address (unless FEDERATION_ALLOW_PRIVATE=1, for tests and two
// instances on one machine), a time limit and a size limit on every body. The member's name is
// resolved once, every address it gives is checked, and the connection goes to exactly the address
// checked (no second lookup a DNS-rebinding attacker could answer differently); Host and TLS SNI
// stay the member's name, so its certificate is checked as usual.
import { lookup } from 'node:dns/promises';
import * as http from 'node:http';
import * as https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import { allowPrivateAddresses } from './settings';

export class Fault extends Error {
	constructor(
		readonly code: string,
		readonly detail = '',
		/** refused: the member answered, but with something we do not accept; failed: we could not get an answer */
		readonly kind: 'refused' | 'failed' = 'refused',
		/** the member's HTTP status, for an http_status fault */
		readonly status?: number
	) {
		super(`${code}${detail ? `: ${detail}` : ''}`);
	}
}

const blocked = new BlockList();
for (const [net, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['224.0.0.0', 4],
	['240.0.0.0', 4]
] as const)
	blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
	['::', 128],
	['::1', 128],
	['fc00::', 7],
	['fe80::', 10],
	['ff00::', 8]
] as const)
	blocked.addSubnet(net, bits, 'ipv6');

/** Whether an IP address is private, loopback, link-local or otherwise not on the public internet. */
export function isPrivateAddress(address: string): boolean {
	const v = isIP(address);
	if (v === 4) return blocked.check(address, 'ipv4');
	if (v === 6) {
		const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
		if (mapped) return blocked.check(mapped[1], 'ipv4');
		return blocked.check(address, 'ipv6');
	}
	return true;
}

/** A member origin as an administrator typed it: http(s), no credentials, no path, query or fragment. */
export function parseOrigin(text: string): string | null {
	let u: URL;
	try {
		u = new URL(text.trim());
	} catch {
		return null;
	}
	if (u.protocol !== 'https:' && !(u.protocol === 'http:' && allowPrivateAddresses())) return null;
	if (u.username || u.password || u.search || u.hash || (u.pathname !== '/' && u.pathname !== '')) return null;
	return u.origin;
}

export interface Address {
	address: string;
	family: 4 | 6;
}

/** Every address a name resolves to (the system resolver, as a browser or curl would use). */
export type Resolver = (hostname: string) => Promise<Address[]>;

/** Sends one GET to `url`, connecting to `to` whatever the name in `url` resolves to now. */
export type Transport = (url: URL, init: { headers: Record<string, string>; signal: AbortSignal; to: Address }) => Promise<Response>;

const systemResolver: Resolver = async (hostname) => (await lookup(hostname, { all: true, verbatim: true })).map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));

/** node:http(s) with a `lookup` that answers the pinned address; the body comes back as a web Response. */
const pinnedTransport: Transport = (url, { headers, signal, to }) =>
	new Promise((resolve, reject) => {
		const secure = url.protocol === 'https:';
		const host = url.hostname.replace(/^\[|\]$/g, '');
		const req = (secure ? https : http).request(
			{
				protocol: url.protocol,
				hostname: host,
				port: url.port || (secure ? 443 : 80),
				path: url.pathname + url.search,
				method: 'GET',
				headers,
				signal,
				agent: false,
				// the name's only resolution is the one checked in `pin`
				lookup: ((_name: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) =>
					options?.all ? callback(null, [{ address: to.address, family: to.family }]) : callback(null, to.address, to.family)) as unknown as LookupFunction,
				...(secure && !isIP(host) ? { servername: host } : {})
			},
			(res) => {
				const h = new Headers();
				for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) for (const x of Array.isArray(v) ? v : [v]) h.append(k, x);
				const status = res.statusCode ?? 0;
				if (status < 200 || status > 599) {
					res.destroy();
					return reject(new Error(`status ${status}`));
				}
				const empty = status === 204 || status === 304 || status === 205;
				if (empty) res.resume();
				resolve(new Response(empty ? null : (Readable.toWeb(res) as unknown as ReadableStream<Uint8Array>), { status, headers: h }));
			}
		);
		req.on('error', reject);
		req.end();
	});

let resolver: Resolver = systemResolver;
let transport: Transport = pinnedTransport;

/** Tests: replace the resolver and/or the transport; no argument restores the real ones. */
export function useNetwork(n: { resolver?: Resolver; transport?: Transport } = {}): void {
	resolver = n.resolver ?? systemResolver;
	transport = n.transport ?? pinnedTransport;
}

/** Resolves the host once and checks every address; the one returned is the one to connect to. */
export async function pin(hostname: string): Promise<Address> {
	const host = hostname.replace(/^\[|\]$/g, '');
	const v = isIP(host);
	const addresses: Address[] = v ? [{ address: host, family: v === 6 ? 6 : 4 }] : await resolver(host).catch(() => []);
	if (!addresses.length) throw new Fault('unreachable', `cannot resolve ${host}`, 'failed');
	// one private answer among public ones is enough to refuse: the attacker chooses which one is used
	if (!allowPrivateAddresses() && addresses.some((a) => isPrivateAddress(a.address))) throw new Fault('address_not_allowed', host);
	return addresses[0];
}

export interface Fetched {
	status: number;
	etag: string | null;
	body: Buffer;
}

/** GET `path` on `origin`. 304 gives an empty body; any other status than 200 is a fault. */
export async function guardedGet(origin: string, path: string, opts: { maxBytes: number; etag?: string | null; timeoutMs?: number }): Promise<Fetched> {
	const url = new URL(path, origin);
	if (url.origin !== origin) throw new Fault('off_origin', url.href);
	const to = await pin(url.hostname);
	let res: Response;
	try {
		res = await transport(url, {
			headers: { accept: 'application/json, text/csv;q=0.9', ...(opts.etag ? { 'if-none-match': opts.etag } : {}) },
			signal: AbortSignal.timeout(opts.timeoutMs ?? Number(process.env.FEDERATION_TIMEOUT_MS ?? 15_000)),
			to
		});
	} catch (e) {
		throw new Fault('unreachable', String((e as Error)?.message ?? e).slice(0, 200), 'failed');
	}
	if (res.status === 304) return { status: 304, etag: res.headers.get('etag'), body: Buffer.alloc(0) };
	if (res.status >= 300 && res.status < 400) {
		await res.body?.cancel();
		throw new Fault('redirect_refused', `${res.status} to ${res.headers.get('location') ?? '?'}`);
	}
	if (res.status !== 200) {
		await res.body?.cancel();
		throw new Fault('http_status', `${res.status} for ${url.pathname}`, 'failed', res.status);
	}
	const declared = Number(res.headers.get('content-length') ?? 0);
	if (declared > opts.maxBytes) {
		await res.body?.cancel();
		throw new Fault('too_large', `${declared} bytes for ${url.pathname}`);
	}
	const chunks: Buffer[] = [];
	let size = 0;
	try {
		for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
			size += chunk.byteLength;
			if (size > opts.maxBytes) throw new Fault('too_large', `over ${opts.maxBytes} bytes for ${url.pathname}`);
			chunks.push(Buffer.from(chunk));
		}
	} catch (e) {
		if (e instanceof Fault) throw e;
		throw new Fault('unreachable', String((e as Error)?.message ?? e).slice(0, 200), 'failed');
	}
	return { status: 200, etag: res.headers.get('etag'), body: Buffer.concat(chunks) };
}
