import { describe, expect, it } from 'vitest';
import { isAllowedPost } from './csrf';

const url = new URL('https://cop.example/help/suggest');
const post = (headers: Record<string, string>) =>
	new Request(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: 'a=1' });

describe('CSRF check', () => {
	it('accepts our own origin and a same-origin fetch', () => {
		expect(isAllowedPost(post({ origin: 'https://cop.example' }), url)).toBe(true);
		expect(isAllowedPost(post({ origin: 'null', 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
		expect(isAllowedPost(post({ origin: 'https://cop.example', 'sec-fetch-site': 'same-origin' }), url)).toBe(true);
	});

	it('refuses Origin: null without Sec-Fetch-Site (a sandboxed frame or a data: page on another site)', () => {
		expect(isAllowedPost(post({ origin: 'null' }), url)).toBe(false);
		expect(isAllowedPost(post({ origin: 'null', 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
	});

	it('refuses other origins and cross-site fetches', () => {
		expect(isAllowedPost(post({ origin: 'https://evil.example' }), url)).toBe(false);
		expect(isAllowedPost(post({ origin: 'https://cop.example', 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
		expect(isAllowedPost(post({ 'sec-fetch-site': 'same-site' }), url)).toBe(false);
	});

	it('leaves reads and JSON requests to their handlers', () => {
		expect(isAllowedPost(new Request(url), url)).toBe(true);
		expect(isAllowedPost(new Request(url, { method: 'POST', headers: { 'content-type': 'application/json', origin: 'null' }, body: '{}' }), url)).toBe(true);
	});
});
