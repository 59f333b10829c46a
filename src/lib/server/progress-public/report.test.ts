// The status report model on a real database: figures come from published rows only, suppression
// and confidentiality show as words, numbers follow the reader's locale, and the course slot works.
import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { answersAt, fixtureFramework, seedPublishedAssessment } from '../test/progress';
import { insertAssessment } from '../progress/seeding';
import { makeUser } from '../test/factories';
import * as learning from '../learning';
import { loadScope, parsePeriod, parseScope, provideCourseCompletionRates, buildReport, type ReportDoc, type Table } from './index';

useFreshDatabase();
afterEach(() => provideCourseCompletionRates(undefined));

function section(doc: ReportDoc, id: string) {
	const s = doc.sections.find((x) => x.id === id);
	if (!s) throw new Error(`no section ${id}: ${doc.sections.map((x) => x.id).join(', ')}`);
	return s;
}
function tables(doc: ReportDoc, id: string): Table[] {
	return section(doc, id).blocks.flatMap((b) => (b.kind === 'table' ? [b.table] : b.kind === 'chart' && b.table ? [b.table] : []));
}
function texts(doc: ReportDoc, id: string): string[] {
	return section(doc, id).blocks.flatMap((b) => (b.kind === 'text' ? [b.text] : []));
}

async function seedWorld() {
	// Africa: three countries; Europe: two (suppressed); 2024 and 2025 for Kenya
	await seedPublishedAssessment(db(), { country: 'KE', period: 2024, level: 0.5 });
	await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1 });
	await seedPublishedAssessment(db(), { country: 'GH', period: 2025, level: 0.5 });
	await seedPublishedAssessment(db(), { country: 'SN', period: 2025, level: 0 });
	await seedPublishedAssessment(db(), { country: 'FR', period: 2025, level: 1 });
	await seedPublishedAssessment(db(), { country: 'DE', period: 2025, level: 1 });
	// submitted, not validated: must never appear
	const fw = fixtureFramework();
	await insertAssessment(db(), fw, { country: 'NG', period: 2025, answers: answersAt(fw, 1), status: 'submitted' });
}

describe('parsing the report parameters', () => {
	it('accepts world, regions and country codes, and four-digit years', () => {
		expect(parseScope(undefined)).toEqual({ kind: 'world' });
		expect(parseScope('world')).toEqual({ kind: 'world' });
		expect(parseScope('africa')).toEqual({ kind: 'region', region: 'africa' });
		expect(parseScope('ke')).toEqual({ kind: 'country', country: 'KE' });
		expect(parseScope('QQ')).toBeNull();
		expect(parseScope('mars')).toBeNull();
		expect(parsePeriod(null)).toBeUndefined();
		expect(parsePeriod('2025')).toBe(2025);
		expect(parsePeriod('25')).toBeNull();
		expect(parsePeriod('2025; drop')).toBeNull();
	});
});

describe('status report model', () => {
	it('says there is nothing to show before anything is published', async () => {
		const data = await loadScope(db(), { kind: 'world' });
		expect(data.period).toBeNull();
		const doc = buildReport(data, { locale: 'en', mode: 'report' });
		expect(doc.empty).toBe(true);
		expect(doc.sections).toEqual([]);
	});

	it('rolls up the world from published rows, suppresses small regions and links countries', async () => {
		await seedWorld();
		const data = await loadScope(db(), { kind: 'world' });
		expect(data.period).toBe(2025);
		expect(data.periods).toEqual([2025, 2024]);
		expect(data.countries.map((c) => c.country)).toEqual(['DE', 'FR', 'GH', 'KE', 'SN']);
		const doc = buildReport(data, { locale: 'en', mode: 'report', now: new Date('2026-01-15T10:00:00Z') });
		expect(doc.title).toBe('Child online protection status report: World, 2025');
		expect(doc.meta).toContain('Made on January 15, 2026 from published (validated) data.');
		expect(doc.demo).toBeNull();
		expect(texts(doc, 'summary')[0]).toMatch(/^5 countries have a published overall score for 2025\. Their mean is [\d.]+ out of 100: tier \d \(\w+\)\.$/);

		const [regions] = tables(doc, 'regions');
		const europe = regions.rows.find((r) => r.head.text === 'Europe')!;
		expect(europe.cells.map((c) => c.text)).toEqual(['2', 'Fewer than 3 countries — not shown', '—']);
		const africa = regions.rows.find((r) => r.head.text === 'Africa')!;
		expect(africa.cells[0].text).toBe('3');
		expect(africa.head.href).toBe('/progress/regions/africa?period=2025');

		const countries = tables(doc, 'countries')[0];
		expect(countries.rows.map((r) => r.head.text)).toEqual(['France', 'Germany', 'Ghana', 'Kenya', 'Senegal']);
		const kenya = countries.rows.find((r) => r.head.text === 'Kenya')!;
		expect(kenya.head.href).toBe('/progress/countries/KE?period=2025');
		expect(kenya.cells[0].text).toBe('100');
		expect(kenya.cells[1].text).toBe('Tier 1 (leading)');
		expect(kenya.head.swatch).toBe('tier-1');
		// the map links every country with a result and names its tier
		const map = section(doc, 'countries').blocks.find((b) => b.kind === 'map');
		expect(map && map.kind === 'map' && map.svg).toContain('aria-label="Kenya: score 100, tier 1"');
		expect(JSON.stringify(doc)).not.toContain('Nigeria');

		const tiers = tables(doc, 'tiers')[0];
		expect(tiers.rows.map((r) => r.cells[0].text)).toEqual(['3', '0', expect.any(String), expect.any(String), '1']);

		// trends: 2024 has only Kenya, so the world is suppressed there
		const trend = tables(doc, 'trends')[0];
		expect(trend.rows.map((r) => r.head.text)).toEqual(['2024', '2025']);
		expect(trend.rows[0].cells[0].text).toBe('Fewer than 3 countries — not shown');

		// every chart with figures has a data table beside it
		for (const sec of doc.sections)
			for (const b of sec.blocks)
				if (b.kind === 'chart') {
					const hasFigures = !(b.chart.type === 'tiers' && !b.chart.counts) && !(b.chart.type === 'completion' && b.chart.total === 0);
					if (hasFigures) expect(b.table, `${sec.id}/${b.chart.id}`).not.toBeNull();
				}

		// method and course sections are in the report; courses say they are not available
		expect(texts(doc, 'method')).toHaveLength(4);
		expect(texts(doc, 'courses')).toEqual(['No course completion figures are available for this report.']);
	});

	it('shows a suppressed region as words, never as numbers', async () => {
		await seedWorld();
		const doc = buildReport(await loadScope(db(), { kind: 'region', region: 'europe' }), { locale: 'en', mode: 'dashboard' });
		expect(texts(doc, 'summary')[0]).toBe('Fewer than 3 countries have a published overall score for 2025, so no figures are shown for this group.');
		expect(texts(doc, 'pillars')).toEqual(['Fewer than 3 countries — not shown']);
		const tiersChart = section(doc, 'tiers').blocks[0];
		expect(tiersChart.kind === 'chart' && tiersChart.svg).toContain('Fewer than 3 countries — not shown');
		expect(tiersChart.kind === 'chart' && tiersChart.table).toBeNull();
		// the dashboard has no method or course sections (the method has its own page)
		expect(doc.sections.map((s) => s.id)).not.toContain('method');
	});

	it('compares a country with its region and the world, and marks hidden indicators not public', async () => {
		const fw = fixtureFramework();
		await seedWorld();
		const answers = answersAt(fw, 1);
		answers['technical.hotline.exists'] = { ...answers['technical.hotline.exists'], confidentiality: 'aggregate_only' };
		answers['legal.csam.in_law'] = { value: 'yes', citation: 'Children Act 2022, s. 12', adoptedOn: '2022-06-01', url: 'https://example.org/law' };
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, answers });
		const data = await loadScope(db(), { kind: 'country', country: 'KE' });
		const doc = buildReport(data, { locale: 'en', mode: 'report' });
		expect(doc.title).toBe('Child online protection status report: Kenya, 2025');
		expect(doc.meta[0]).toBe('Region: Africa');

		const compare = tables(doc, 'pillars')[1];
		expect(compare.head).toEqual(['Area', 'Kenya', 'Africa', 'World']);

		const indicators = tables(doc, 'indicators')[0];
		const hotline = indicators.rows.find((r) => r.head.text === fw.pillars[1].indicators[0].title.en)!;
		expect(hotline.cells[1]).toMatchObject({ text: 'not public', muted: true });

		const legal = tables(doc, 'legal')[0];
		const csam = legal.rows.find((r) => r.head.text === fw.pillars[0].indicators[0].title.en)!;
		expect(csam.cells.map((c) => c.text)).toEqual(['Yes', 'Children Act 2022, s. 12', 'June 1, 2022']);
		expect(csam.cells[1].href).toBe('https://example.org/law');

		const trend = tables(doc, 'trends')[0];
		expect(trend.rows.map((r) => r.head.text)).toEqual(['2024', '2025']);
		expect(trend.rows[1].cells[0].text).toBe('100');
	});

	it('writes numbers and words in the reader\'s language, right to left in Arabic', async () => {
		await seedWorld();
		const doc = buildReport(await loadScope(db(), { kind: 'world' }), { locale: 'ar', mode: 'report' });
		expect(doc.dir).toBe('rtl');
		expect(doc.title).toContain(new Intl.NumberFormat('ar', { useGrouping: false }).format(2025));
		const chart = section(doc, 'pillars').blocks.find((b) => b.kind === 'chart');
		expect(chart && chart.kind === 'chart' && chart.svg).toContain('direction="rtl"');
		const fr = buildReport(await loadScope(db(), { kind: 'world' }), { locale: 'fr', mode: 'report' });
		expect(fr.sections.find((s) => s.id === 'regions')!.title).toBe('Régions');
	});

	it('fills the course section from the wired learning source, summed per course', async () => {
		await seedWorld();
		const calls: unknown[] = [];
		provideCourseCompletionRates(async (_d, q) => {
			calls.push(q);
			return [
				{ courseId: 'c1', title: { en: 'Safer online', fr: 'Plus sûr en ligne' }, country: 'KE', enrolled: 10, completed: 4 },
				{ courseId: 'c1', title: { en: 'Safer online', fr: 'Plus sûr en ligne' }, country: 'GH', enrolled: 10, completed: 6 },
				{ courseId: 'c2', title: { en: 'Reporting abuse' }, country: null, enrolled: 0, completed: 0 }
			];
		});
		const doc = buildReport(await loadScope(db(), { kind: 'region', region: 'africa' }), { locale: 'fr', mode: 'report' });
		expect(calls).toHaveLength(1);
		expect((calls[0] as { period: number; countries: string[] }).period).toBe(2025);
		expect((calls[0] as { countries: string[] }).countries).toContain('KE');
		const [courses] = tables(doc, 'courses');
		const rows = courses.rows.map((r) => [r.head.text, r.head.fallback ?? false, ...r.cells.map((c) => c.text)]);
		expect(rows).toContainEqual(['Plus sûr en ligne', false, '20', '10', new Intl.NumberFormat('fr', { style: 'percent' }).format(0.5)]);
		expect(rows).toContainEqual(['Reporting abuse', true, '0', '0', '—']);
	});

	it('reads course completion from the learning module itself, for the countries in scope, never publishing one or two learners', async () => {
		const year = new Date().getUTCFullYear();
		for (const country of ['KE', 'GH', 'SN', 'FR']) await seedPublishedAssessment(db(), { country, period: year, level: 1 });
		const course = learning.learnContent().courses[0];
		const users = await Promise.all([1, 2, 3, 4].map(() => makeUser()));
		for (const u of users.slice(0, 3)) await learning.startCourse(u, course.id, { country: 'KE' });
		await learning.startCourse(users[3], course.id, { country: 'FR' });
		const rowFor = async (scope: Parameters<typeof loadScope>[1]) => {
			const doc = buildReport(await loadScope(db(), scope, year), { locale: 'en', mode: 'report' });
			const [courses] = tables(doc, 'courses');
			return courses.rows.find((r) => r.head.text === course.title.en)?.cells.map((x) => x.text);
		};
		// three enrolments in Kenya; the French learner is outside the African scope
		expect((await rowFor({ kind: 'region', region: 'africa' }))?.slice(0, 2)).toEqual(['3', '0']);
		// one learner in France: not published
		expect(await rowFor({ kind: 'country', country: 'FR' })).toEqual(['fewer than 3 learners: not shown', '—', '—']);
	});

	it('labels demo data', async () => {
		await seedPublishedAssessment(db(), { country: 'KE', period: 2025, level: 1, isDemo: true });
		const doc = buildReport(await loadScope(db(), { kind: 'country', country: 'KE' }), { locale: 'en', mode: 'dashboard' });
		expect(doc.demo).toMatch(/^Demo data: /);
	});
});

describe('links given by people', () => {
	it('keeps only http(s) links to the text of a law', async () => {
		const { safeUrl } = await import('./format');
		expect(safeUrl('https://example.org/law?id=1')).toBe('https://example.org/law?id=1');
		expect(safeUrl('javascript:alert(1)')).toBeNull();
		expect(safeUrl('data:text/html,x')).toBeNull();
		expect(safeUrl(null)).toBeNull();
	});
});
