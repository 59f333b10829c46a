// The only way the hub reaches a member: GET on the member's own origin, no redirects followed, no
// private, loopback or link-local address (unless FEDERATION_ALLOW_PRIVATE=1, for tests and two
// instances on one machine), a time limit and a size limit on every body.
import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { allowPrivateAddresses } from './settings';

export class Fault extends Error {
	constructor(
		readonly code: string,
		readonly detail = '',
		/** refused: the member answered, but with something we do not accept; failed: we could not get an answer */
		readonly kind: 'refused' | 'failed' = 'refused'
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

async function checkHost(hostname: string): Promise<void> {
	if (allowPrivateAddresses()) return;
	const host = hostname.replace(/^\[|\]$/g, '');
	const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
	if (!addresses.length) throw new Fault('unreachable', `cannot resolve ${host}`, 'failed');
	if (addresses.some(isPrivateAddress)) throw new Fault('address_not_allowed', host);
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
	await checkHost(url.hostname);
	let res: Response;
	try {
		res = await fetch(url, {
			redirect: 'manual',
			headers: { accept: 'application/json, text/csv;q=0.9', ...(opts.etag ? { 'if-none-match': opts.etag } : {}) },
			signal: AbortSignal.timeout(opts.timeoutMs ?? Number(process.env.FEDERATION_TIMEOUT_MS ?? 15_000))
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
		throw new Fault('http_status', `${res.status} for ${url.pathname}`, 'failed');
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
