import { describe, expect, it } from 'vitest';
import { etagMatches, safeNext } from './http';

describe('safeNext: where sign-in may send someone', () => {
	it('keeps a page of this site with its query and fragment', () => {
		expect(safeNext('/workspace/queue?country=KE#top')).toBe('/workspace/queue?country=KE#top');
		expect(safeNext('/fr/learn')).toBe('/fr/learn');
	});

	it.each([
		['/%09/evil.example'],
		['/\t/evil.example'],
		['/\n/evil.example'],
		['/\r/evil.example'],
		['//evil.example'],
		['/\\evil.example'],
		['/\\/evil.example'],
		['https://evil.example/'],
		['javascript:alert(1)'],
		[' /account'],
		['']
	])('sends %j to the fallback', (next) => {
		// the value arrives decoded from the query string, as url.searchParams.get gives it
		const decoded = next.includes('%') ? decodeURIComponent(next) : next;
		expect(safeNext(decoded, '/account')).toBe('/account');
	});

	it('never returns a value a Location header cannot carry', () => {
		for (const next of ['/a\u0000b', '/a\nb', '/a\rb', '/ü/é?x=ä']) {
			const out = safeNext(next);
			expect(out.startsWith('/')).toBe(true);
			expect(/[\u0000-\u001f\u007f-\uffff]/.test(out)).toBe(false);
		}
	});
});

describe('etagMatches: If-None-Match by weak comparison', () => {
	it('matches a tag the compression layer weakened, lists and *, and nothing else', () => {
		expect(etagMatches('"progress-1"', '"progress-1"')).toBe(true);
		// the answer went out compressed, as W/"progress-1": the client sends that back
		expect(etagMatches('W/"progress-1"', '"progress-1"')).toBe(true);
		expect(etagMatches('"progress-1"', 'W/"progress-1"')).toBe(true);
		expect(etagMatches('"a", W/"progress-1"', '"progress-1"')).toBe(true);
		expect(etagMatches('*', '"progress-1"')).toBe(true);
		expect(etagMatches('"progress-2"', '"progress-1"')).toBe(false);
		expect(etagMatches('progress-1', '"progress-1"')).toBe(false);
		expect(etagMatches(null, '"progress-1"')).toBe(false);
		expect(etagMatches('', '"progress-1"')).toBe(false);
	});
});
