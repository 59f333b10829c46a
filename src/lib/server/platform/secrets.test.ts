import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { forgetSecretKeys, isSealed, seal, unseal } from './secrets';

const saved = { ...process.env };
afterEach(() => {
	process.env = { ...saved };
	forgetSecretKeys();
});

function useKey(current: Buffer, previous: Buffer[] = []) {
	process.env.SECRET_KEY = current.toString('base64');
	process.env.SECRET_KEY_PREVIOUS = previous.map((k) => k.toString('hex')).join(',');
	forgetSecretKeys();
}

describe('secrets at rest', () => {
	it('seal and open, bound to their context', () => {
		useKey(randomBytes(32));
		const sealed = seal('private key bytes', 'learning_issuer_keys:k1');
		expect(isSealed(sealed)).toBe(true);
		expect(sealed).not.toContain('private key bytes');
		expect(unseal(sealed, 'learning_issuer_keys:k1')).toEqual({ plaintext: 'private key bytes', stale: false });
		expect(() => unseal(sealed, 'learning_issuer_keys:k2')).toThrow();
	});

	it('open values sealed with a previous master key and say they are stale', () => {
		const old = randomBytes(32);
		useKey(old);
		const sealed = seal('secret', 'ctx');
		useKey(randomBytes(32), [old]);
		expect(unseal(sealed, 'ctx')).toEqual({ plaintext: 'secret', stale: true });
		useKey(randomBytes(32));
		expect(() => unseal(sealed, 'ctx')).toThrow(/SECRET_KEY_PREVIOUS/);
	});

	it('treat a value stored in clear by an older version as stale', () => {
		useKey(randomBytes(32));
		expect(unseal('cGxhaW4=', 'ctx')).toEqual({ plaintext: 'cGxhaW4=', stale: true });
	});

	it('refuse a key of the wrong size with a clear message', () => {
		process.env.SECRET_KEY = 'short';
		forgetSecretKeys();
		expect(() => seal('x', 'ctx')).toThrow(/32-byte key/);
	});
});
