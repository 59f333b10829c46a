// The hub's one way out: the member's name is resolved once, every answer is checked, and the
// connection goes to the address that was checked, so a resolver that answers a public address
// first and a private one next (DNS rebinding) never gets the hub to a private address.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Fault, guardedGet, isPrivateAddress, useNetwork, type Address, type Resolver } from './net';

/** Answers `first` to the first question and `then` to every later one, counting the questions. */
function rebinding(first: Address[], then: Address[]): Resolver & { calls: number } {
	const r = Object.assign(
		async () => {
			r.calls++;
			return r.calls === 1 ? first : then;
		},
		{ calls: 0 }
	);
	return r;
}

const PUBLIC: Address = { address: '203.0.113.7', family: 4 };
const LOOPBACK: Address = { address: '127.0.0.1', family: 4 };

afterEach(() => {
	useNetwork();
	delete process.env.FEDERATION_ALLOW_PRIVATE;
});

describe('federation net: DNS answers are pinned', () => {
	it('knows private and public addresses', () => {
		for (const a of ['127.0.0.1', '10.1.2.3', '192.168.1.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0']) expect(isPrivateAddress(a)).toBe(true);
		for (const a of ['203.0.113.7', '8.8.8.8', '2001:4860:4860::8888']) expect(isPrivateAddress(a)).toBe(false);
	});

	it('connects to the public address it checked even when a second lookup would answer loopback', async () => {
		const resolver = rebinding([PUBLIC], [LOOPBACK]);
		const seen: Address[] = [];
		useNetwork({
			resolver,
			transport: async (_url, init) => {
				seen.push(init.to);
				return new Response('{}', { status: 200 });
			}
		});
		await guardedGet('https://member.example', '/a', { maxBytes: 100 });
		// one question, and the connection went to the address that passed the check
		expect(resolver.calls).toBe(1);
		expect(seen).toEqual([PUBLIC]);
		// the next request asks again and is refused on the loopback answer before anything is sent
		await expect(guardedGet('https://member.example', '/b', { maxBytes: 100 })).rejects.toMatchObject({ code: 'address_not_allowed' });
		expect(seen).toEqual([PUBLIC]);
	});

	it('refuses a name whose single lookup answers loopback, without sending anything', async () => {
		let sent = 0;
		useNetwork({
			resolver: rebinding([LOOPBACK], [PUBLIC]),
			transport: async () => {
				sent++;
				return new Response('{}');
			}
		});
		await expect(guardedGet('https://member.example', '/a', { maxBytes: 100 })).rejects.toMatchObject({ code: 'address_not_allowed' });
		expect(sent).toBe(0);
	});

	it('refuses when any of the addresses is private, even if the first is public', async () => {
		useNetwork({ resolver: async () => [PUBLIC, { address: '10.0.0.5', family: 4 }], transport: async () => new Response('{}') });
		await expect(guardedGet('https://member.example', '/a', { maxBytes: 100 })).rejects.toBeInstanceOf(Fault);
	});

	it('an unresolvable name is a failure, not a refusal', async () => {
		useNetwork({ resolver: async () => [], transport: async () => new Response('{}') });
		await expect(guardedGet('https://member.example', '/a', { maxBytes: 100 })).rejects.toMatchObject({ code: 'unreachable', kind: 'failed' });
	});
});

describe('federation net: the real transport connects to the pinned address', () => {
	let server: Server;
	let port = 0;
	const hosts: string[] = [];
	beforeAll(async () => {
		server = createServer((req, res) => {
			hosts.push(req.headers.host ?? '');
			if (req.url === '/redirect') {
				res.writeHead(302, { location: 'http://127.0.0.1/elsewhere' });
				return res.end();
			}
			res.writeHead(200, { 'content-type': 'application/json', etag: '"x"' });
			res.end('{"ok":true}');
		});
		await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
		port = (server.address() as AddressInfo).port;
	});
	afterAll(() => new Promise<void>((r) => server.close(() => r())));

	it('uses the first answer (loopback, allowed for tests) and never asks again, keeping the name in Host', async () => {
		process.env.FEDERATION_ALLOW_PRIVATE = '1';
		// the second answer is an address nothing listens on: reaching the server proves it was not used
		const resolver = rebinding([LOOPBACK], [{ address: '192.0.2.1', family: 4 }]);
		useNetwork({ resolver });
		const got = await guardedGet(`http://member.example:${port}`, '/snapshot', { maxBytes: 100, timeoutMs: 5000 });
		expect(got.status).toBe(200);
		expect(got.body.toString()).toBe('{"ok":true}');
		expect(got.etag).toBe('"x"');
		expect(resolver.calls).toBe(1);
		expect(hosts.at(-1)).toBe(`member.example:${port}`);
	});

	it('does not follow redirects', async () => {
		process.env.FEDERATION_ALLOW_PRIVATE = '1';
		useNetwork({ resolver: async () => [LOOPBACK] });
		await expect(guardedGet(`http://member.example:${port}`, '/redirect', { maxBytes: 100, timeoutMs: 5000 })).rejects.toMatchObject({ code: 'redirect_refused' });
	});

	it('keeps to the size limit on a real body', async () => {
		process.env.FEDERATION_ALLOW_PRIVATE = '1';
		useNetwork({ resolver: async () => [LOOPBACK] });
		await expect(guardedGet(`http://member.example:${port}`, '/big', { maxBytes: 5, timeoutMs: 5000 })).rejects.toMatchObject({ code: 'too_large' });
	});
});
