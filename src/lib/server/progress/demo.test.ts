// The first-run demo: frameworks from content/ are published, demo assessments at several stages
// give two regions real (unsuppressed) roll-ups over two periods, and every row is flagged demo.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import * as progress from './index';
import { seedProgressDemo } from './demo';
import { observations } from './opendata';

useFreshDatabase();
const fixture = [{ path: 'fixture/1.json', text: readFileSync('src/lib/server/test/fixtures/progress/fixture-1.json', 'utf8') }];

describe('progress demo seed', () => {
	it('publishes the content framework and seeds flagged demo assessments with real roll-ups', async () => {
		await db().transaction((tx) => seedProgressDemo(tx, fixture));
		expect((await progress.getFramework(db())).key).toBe('fixture');
		expect(await progress.publishedPeriods(db())).toEqual([2025, 2024]);
		const results = await progress.publishedCountryResults(db());
		expect(results.length).toBeGreaterThan(10);
		expect(results.every((r) => r.demo)).toBe(true);
		// SN's 2025 answers are still a draft and IE's await a validator: not published
		expect(results.find((r) => r.country === 'SN' && r.period === 2025)).toBeUndefined();
		expect(results.find((r) => r.country === 'IE' && r.period === 2025)).toBeUndefined();
		const aggs = await progress.publishedAggregates(db());
		for (const period of [2024, 2025]) {
			for (const region of ['africa', 'europe']) {
				const a = aggs.find((x) => x.period === period && x.scope.kind === 'region' && x.scope.region === region)!;
				expect(a.suppressed, `${region} ${period}`).toBe(false);
				expect(a.demo).toBe(true);
			}
			expect(aggs.find((x) => x.period === period && x.scope.kind === 'region' && x.scope.region === 'asia_pacific')!.suppressed).toBe(true);
		}
		expect((await observations(db())).every((o) => o.obsStatus === 'DEMO')).toBe(true);
		// no invented law citations
		expect((await progress.legalMeasures(db())).every((m) => m.citation === null && m.url === null)).toBe(true);
		expect((await progress.roadmapCompletion(db(), { scope: 'world' })).actions).toBeGreaterThan(0);
	});
});
