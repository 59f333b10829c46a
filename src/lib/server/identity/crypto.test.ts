import { describe, expect, it } from 'vitest';
import { hashParams, hashPassword, needsRehash, SCRYPT, verifyPassword } from './crypto';

describe('password hashes', () => {
	it('verify with the parameters stored in each hash, not today\'s', async () => {
		const weak = await hashPassword('correct horse battery', { N: 1024, r: 8, p: 1 });
		expect(hashParams(weak)).toMatchObject({ N: 1024, r: 8, p: 1 });
		expect(await verifyPassword('correct horse battery', weak)).toBe(true);
		expect(await verifyPassword('wrong horse battery', weak)).toBe(false);
		expect(needsRehash(weak)).toBe(true);
		expect(needsRehash(await hashPassword('x'.repeat(12)))).toBe(false);
	});

	it('refuse malformed or absurd stored parameters instead of running them', async () => {
		const good = await hashPassword('correct horse battery');
		const parts = good.split('$');
		for (const bad of [
			['scrypt', '3', ...parts.slice(2)].join('$'), // N not a power of two
			['scrypt', String(2 ** 24), ...parts.slice(2)].join('$'), // memory bomb
			['scrypt', parts[1], '0', ...parts.slice(3)].join('$'),
			['bcrypt', ...parts.slice(1)].join('$'),
			good + '$extra',
			''
		]) {
			expect(await verifyPassword('correct horse battery', bad)).toBe(false);
		}
		expect(SCRYPT.N).toBeGreaterThanOrEqual(16384);
	});
});
