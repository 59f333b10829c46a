// Property-based tests of the auth forms' input boundary: whatever is posted, the answer is a
// clear 4xx (or success), never a crash. Exercised both at the commands and through the real
// SvelteKit form actions with arbitrary request bodies.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../platform/errors';
import { useFreshDatabase } from '../test/db';
import * as identity from '.';
import { actions as signInActions } from '../../../routes/signin/+page.server';
import { actions as signUpActions } from '../../../routes/signup/+page.server';
import { actions as forgotActions } from '../../../routes/password/forgot/+page.server';
import { actions as resetActions } from '../../../routes/password/reset/[token]/+page.server';

useFreshDatabase();
process.env.RATE_LIMITS = 'off';

const client = { ip: '203.0.113.9', origin: 'http://127.0.0.1' };

/** Field values a hostile or clumsy client might send. */
const nasty = fc.oneof(
	fc.string(),
	fc.string({ unit: 'grapheme', maxLength: 300 }),
	fc.constantFrom('', ' ', '\u0000', '\u202e', 'a@b', 'a@b.c', '<script>', '__proto__', 'constructor', 'x'.repeat(300), 'é'.repeat(5000)),
	fc.emailAddress()
);
const fieldNames = fc.constantFrom('name', 'email', 'password', 'token', 'locale', '__proto__', 'constructor', 'x');
const inputs = fc.oneof(
	fc.dictionary(fieldNames, nasty, { maxKeys: 6 }),
	fc.anything(),
	fc.record({ name: nasty, email: nasty, password: nasty })
);

async function outcome(p: Promise<unknown>): Promise<'ok' | number> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (e instanceof DomainError) return e.status;
		throw e; // anything else would be a 500
	}
}

describe('identity commands never crash on any input', () => {
	it('signUp, signIn, requestPasswordReset, resetPassword', async () => {
		await fc.assert(
			fc.asyncProperty(inputs, async (input) => {
				for (const r of [
					await outcome(identity.signUp(input, client)),
					await outcome(identity.signIn(input, client)),
					await outcome(identity.requestPasswordReset(input, client)),
					await outcome(identity.resetPassword(input))
				]) {
					expect(r === 'ok' || (r >= 400 && r < 500)).toBe(true);
				}
			}),
			{ numRuns: 60 }
		);
	});
});

function fakeEvent(body: BodyInit, contentType: string, params: Record<string, string> = {}) {
	const url = new URL('http://127.0.0.1/signin');
	const jar = new Map<string, string>();
	return {
		request: new Request(url, { method: 'POST', body, headers: { 'content-type': contentType } }),
		url,
		params,
		locals: { actor: null, requestId: 'test' },
		getClientAddress: () => '203.0.113.10',
		cookies: {
			get: (k: string) => jar.get(k),
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			set: (k: string, v: string) => void jar.set(k, v),
			delete: (k: string) => void jar.delete(k),
			serialize: () => ''
		}
	} as never;
}

/** An arbitrary urlencoded body built from arbitrary keys and values, including broken escapes. */
const formBodies = fc.oneof(
	fc.array(fc.tuple(fc.oneof(fieldNames, fc.string()), nasty), { maxLength: 8 }).map((pairs) => new URLSearchParams(pairs).toString()),
	fc.string(),
	fc.constantFrom('%', '%%%=%', 'email=%E0%A4%A', '&&&==', 'email=a&email=b&password=')
);

describe('auth form actions answer 4xx or succeed, never 500', () => {
	const cases = [
		['sign in', signInActions.default],
		['sign up', signUpActions.default],
		['forgot password', forgotActions.default],
		['reset password', resetActions.default]
	] as const;
	for (const [label, action] of cases) {
		it(label, async () => {
			await fc.assert(
				fc.asyncProperty(formBodies, fc.constantFrom('application/x-www-form-urlencoded', 'multipart/form-data; boundary=zz', 'text/plain'), async (body, type) => {
					let result: unknown;
					try {
						result = await action(fakeEvent(body, type, { token: 'abc' }));
					} catch (e) {
						// a redirect after success is a fine answer
						expect(isRedirect(e)).toBe(true);
						return;
					}
					if (isActionFailure(result)) expect(result.status).toBeGreaterThanOrEqual(400);
					if (isActionFailure(result)) expect(result.status).toBeLessThan(500);
				}),
				{ numRuns: 40 }
			);
		});
	}
});
