// Version counters and the result memo built on them: a result is reused only while its tag's
// counter is unchanged, a bump in a rolled-back transaction changes nothing, and the memo is bounded.
import { describe, expect, it } from 'vitest';
import { useFreshDatabase } from '../test/db';
import { db } from '../db';
import * as cache from './cache';

useFreshDatabase();

describe('TagMemo', () => {
	it('reuses a result until its tag is bumped, and ignores other tags', async () => {
		const memo = new cache.TagMemo<number>('library');
		let runs = 0;
		const compute = async () => ++runs;
		expect(await memo.get('a', compute)).toBe(1);
		expect(await memo.get('a', compute)).toBe(1);
		expect(await memo.get('b', compute)).toBe(2);
		await cache.invalidate(db(), 'network');
		expect(await memo.get('a', compute)).toBe(1);
		await cache.invalidate(db(), 'library');
		expect(await memo.get('a', compute)).toBe(3);
		expect(await memo.get('a', compute)).toBe(3);
		expect(await cache.readVersion('library')).toBeGreaterThan(0);
	});

	it('computes once for requests that arrive while the same result is being computed', async () => {
		const memo = new cache.TagMemo<number>('library');
		let runs = 0;
		let release!: () => void;
		const gate = new Promise<void>((r) => (release = r));
		const compute = async () => {
			runs++;
			await gate;
			return runs;
		};
		const all = Promise.all([memo.get('same', compute), memo.get('same', compute), memo.get('same', compute)]);
		await new Promise((r) => setTimeout(r, 50));
		release();
		expect(await all).toEqual([1, 1, 1]);
		expect(runs).toBe(1);
		// a failed computation is not kept: the next request computes again
		await expect(memo.get('failing', async () => Promise.reject(new Error('down')))).rejects.toThrow('down');
		expect(await memo.get('failing', async () => 7)).toBe(7);
	});

	it('keeps results when the bump is rolled back with its transaction', async () => {
		const memo = new cache.TagMemo<number>('library');
		let runs = 0;
		const compute = async () => ++runs;
		await memo.get('x', compute);
		await expect(
			db().transaction(async (tx) => {
				await cache.invalidate(tx, 'library');
				throw new Error('rolled back');
			})
		).rejects.toThrow('rolled back');
		expect(await memo.get('x', compute)).toBe(1);
	});

	it('forgets the least recently used results beyond its bound', async () => {
		const memo = new cache.TagMemo<string>('library', 2);
		const runs: string[] = [];
		const compute = (k: string) => async () => (runs.push(k), k);
		await memo.get('a', compute('a'));
		await memo.get('b', compute('b'));
		await memo.get('a', compute('a')); // a is now the most recent
		await memo.get('c', compute('c')); // b goes
		await memo.get('a', compute('a'));
		await memo.get('b', compute('b'));
		expect(runs).toEqual(['a', 'b', 'c', 'b']);
	});
});
