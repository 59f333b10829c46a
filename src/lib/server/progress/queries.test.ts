// The read API on a real database: published rows only, confidentiality, suppression, roll-ups.
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import * as progress from './index';
import { answersAt, fixtureFramework, seedPublishedAssessment } from '../test/progress';
import { insertAssessment } from './seeding';

useFreshDatabase();

describe('progress read API', () => {
	it('has no framework and no figures before anything is published', async () => {
		await expect(progress.getFramework(db())).rejects.toMatchObject({ status: 404 });
		expect(await progress.publishedPeriods(db())).toEqual([]);
		expect(await progress.publishedAggregates(db())).toEqual([]);
	});

	it('publishes scores from accepted answers, rolls them up and suppresses small groups', async () => {
		const fw = fixtureFramework();
		// Africa: three countries (not suppressed); Europe: two (suppressed)
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1 });
		await seedPublishedAssessment(db(), { country: 'GH', period: 2025, level: 0.5 });
		await seedPublishedAssessment(db(), { country: 'SN', period: 2025, level: 0 });
		await seedPublishedAssessment(db(), { country: 'FR', period: 2025, level: 1 });
		await seedPublishedAssessment(db(), { country: 'DE', period: 2025, level: 1 });
		// a submitted-but-not-validated assessment never appears
		await insertAssessment(db(), fw, { country: 'NG', period: 2025, answers: answersAt(fw, 1), status: 'submitted' });

		expect(await progress.listFrameworkVersions(db())).toMatchObject([{ version: 1, status: 'published' }]);
		expect((await progress.getFramework(db())).key).toBe('fixture');
		expect(await progress.publishedPeriods(db())).toEqual([2025]);

		const results = await progress.publishedCountryResults(db(), { period: 2025 });
		expect(results.map((r) => r.country)).toEqual(['DE', 'FR', 'GH', 'KE', 'SN']);
		const ke = results.find((r) => r.country === 'KE')!;
		expect(ke.overall).toBe(100);
		expect(ke.tier).toBe(1);
		const sn = results.find((r) => r.country === 'SN')!;
		expect(sn.overall).toBe(0);
		expect(sn.tier).toBe(5);

		const aggs = await progress.publishedAggregates(db(), { period: 2025 });
		expect(aggs).toHaveLength(7);
		const world = aggs.find((a) => a.scope.kind === 'world')!;
		expect(world.countries).toBe(5);
		expect(world.suppressed).toBe(false);
		const africa = aggs.find((a) => a.scope.kind === 'region' && a.scope.region === 'africa')!;
		expect(africa.suppressed).toBe(false);
		expect(africa.countries).toBe(3);
		expect(africa.overall).toBeCloseTo((100 + results.find((r) => r.country === "GH")!.overall! + 0) / 3, 1);
		expect(africa.tierCounts).toMatchObject({ 1: 1, 5: 1 });
		const europe = aggs.find((a) => a.scope.kind === 'region' && a.scope.region === 'europe')!;
		expect(europe).toMatchObject({ suppressed: true, countries: 2, overall: null, tierCounts: null });
		expect(Object.values(europe.pillars).every((p) => p === null)).toBe(true);
	});

	it('hides aggregate-only indicators, leaves private answers out, and lists public legal measures', async () => {
		const fw = fixtureFramework();
		const base = answersAt(fw, 1);
		await seedPublishedAssessment(db(), {
			country: 'UG',
			period: 2024,
			answers: {
				...base,
				'legal.csam.in_law': { value: 'yes', confidentiality: 'aggregate_only', citation: 'Act 1', adoptedOn: '2011-05-01' },
				'legal.grooming.in_law': { value: 'partial', citation: 'Computer Misuse Act 2011, s. 24', adoptedOn: '2011-02-14', url: 'https://example.org/law' },
				'technical.hotline.exists': { value: 'no', confidentiality: 'private' }
			}
		});
		const [ug] = await progress.publishedCountryResults(db(), { country: 'UG', period: 2024 });
		const csam = ug.indicators.find((i) => i.id === 'legal.csam')!;
		expect(csam).toEqual({ id: 'legal.csam', score: null, hidden: true });
		// the hidden indicator still counts in the pillar: (100 + 50) / 2
		expect(ug.pillars.legal).toBe(75);
		// the private answer counts nowhere: the hotline indicator is incomplete without it
		expect(ug.indicators.find((i) => i.id === 'technical.hotline')!.score).toBeNull();
		expect(ug.pillars.technical).toBeNull();
		expect(ug.overall).toBeNull();

		const legal = await progress.legalMeasures(db(), { countries: ['UG'] });
		expect(legal).toEqual([
			{ country: 'UG', period: 2024, indicatorId: 'legal.grooming', questionId: 'legal.grooming.in_law', answer: 'partial', citation: 'Computer Misuse Act 2011, s. 24', adoptedOn: '2011-02-14', url: 'https://example.org/law', demo: false }
		]);
	});

	it('computes roadmap completion for a country, a region and the world', async () => {
		const { roadmapActions } = await import('./schema');
		await db().insert(roadmapActions).values([
			{ country: 'KE', title: 'a', status: 'done' },
			{ country: 'KE', title: 'b', status: 'in_progress' },
			{ country: 'KE', title: 'c', status: 'cancelled' },
			{ country: 'FR', title: 'd', status: 'done' }
		]);
		expect(await progress.roadmapCompletion(db(), { scope: 'KE' })).toEqual({ scope: 'KE', actions: 2, done: 1, rate: 50 });
		expect(await progress.roadmapCompletion(db(), { scope: 'africa' })).toEqual({ scope: 'africa', actions: 2, done: 1, rate: 50 });
		expect(await progress.roadmapCompletion(db(), { scope: 'world' })).toMatchObject({ actions: 3, done: 2 });
		expect(await progress.roadmapCompletion(db(), { scope: 'cis' })).toEqual({ scope: 'cis', actions: 0, done: 0, rate: null });
	});
});
