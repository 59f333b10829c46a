// The public progress pages' loads and the PDF endpoint on a real database with seeded,
// published assessments: what each page returns, its 4xx answers, and that nothing private or
// unvalidated reaches a page.
import { isHttpError, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import { useFreshDatabase } from '$lib/server/test/db';
import { answersAt, fixtureFramework, insertAssessment, seedPublishedAssessment } from '$lib/server/test/progress';
import { load as worldLoad } from './+page.server';
import { load as regionLoad } from './regions/[region]/+page.server';
import { load as countryLoad } from './countries/[iso2]/+page.server';
import { load as legalLoad } from './legal/+page.server';
import { load as reportLoad } from './report/+page.server';
import { load as methodLoad } from './method/+page.server';
import { GET as pdfGet } from './report.pdf/+server';

useFreshDatabase();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const event = (path: string, params: Record<string, string> = {}): any => ({ url: new URL(`http://localhost${path}`), params });

async function status(p: Promise<unknown> | unknown): Promise<number> {
	try {
		await p;
		return 200;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		if (isRedirect(e)) return e.status;
		throw e;
	}
}

async function seed() {
	const fw = fixtureFramework();
	for (const [country, level] of [['KE', 1], ['GH', 0.5], ['SN', 0.2]] as const) {
		const answers = answersAt(fw, level);
		answers['legal.csam.in_law'] = { value: level >= 0.5 ? 'yes' : 'no', citation: `${country} Children Act`, adoptedOn: '2021-03-04' };
		await seedPublishedAssessment(db(), { country, period: 2025, answers, isDemo: true });
	}
	// Kenya keeps one answer private and one aggregate-only
	const ke = answersAt(fw, 1);
	ke['legal.grooming.in_law'] = { value: 'yes', citation: 'SECRET-CITATION', confidentiality: 'private' };
	ke['technical.hotline.exists'] = { value: 'yes', confidentiality: 'aggregate_only' };
	ke['legal.csam.in_law'] = { value: 'yes', citation: 'Kenya Children Act', adoptedOn: '2021-03-04' };
	await seedPublishedAssessment(db(), { country: 'KE', period: 2025, answers: ke, isDemo: true });
	// not validated: never shown
	await insertAssessment(db(), fw, { country: 'NG', period: 2025, answers: { ...answersAt(fw, 1), 'legal.csam.in_law': { value: 'yes', citation: 'UNVALIDATED-CITATION' } }, status: 'submitted' });
}

describe('public progress pages', () => {
	it('render an empty state before anything is published', async () => {
		const data = (await worldLoad(event('/progress'))) as { doc: { empty: boolean }; periods: number[] };
		expect(data.doc.empty).toBe(true);
		expect(data.periods).toEqual([]);
		const legal = (await legalLoad(event('/progress/legal'))) as { tracker: { countries: unknown[] } };
		expect(legal.tracker.countries).toEqual([]);
	});

	it('world, region and country pages show published figures, flagged as demo, and nothing private', async () => {
		await seed();
		const world = (await worldLoad(event('/progress'))) as { doc: { demo: string | null; sections: { id: string }[] }; period: number };
		expect(world.period).toBe(2025);
		expect(world.doc.demo).toMatch(/^Demo data: 3 of the 3 countries/);
		expect(world.doc.sections.map((s) => s.id)).toEqual(['summary', 'pillars', 'tiers', 'regions', 'countries', 'trends', 'roadmap']);

		const africa = await regionLoad(event('/progress/regions/africa', { region: 'africa' }));
		expect(JSON.stringify(africa)).toContain('Kenya');

		const kenya = await countryLoad(event('/progress/countries/KE', { iso2: 'KE' }));
		const text = JSON.stringify(kenya);
		expect(text).toContain('Kenya Children Act');
		expect(text).toContain('not public');
		for (const page of [world, africa, kenya]) {
			const s = JSON.stringify(page);
			expect(s).not.toContain('SECRET-CITATION');
			expect(s).not.toContain('UNVALIDATED-CITATION');
			expect(s).not.toContain('Nigeria');
		}
	});

	it('answer 4xx for bad parameters and redirect lower-case country codes', async () => {
		expect(await status(worldLoad(event('/progress?period=20x5')))).toBe(400);
		expect(await status(regionLoad(event('/progress/regions/atlantis', { region: 'atlantis' })))).toBe(404);
		expect(await status(countryLoad(event('/progress/countries/QQ', { iso2: 'QQ' })))).toBe(404);
		expect(await status(countryLoad(event('/progress/countries/ke', { iso2: 'ke' })))).toBe(308);
		expect(await status(reportLoad(event('/progress/report?scope=mars')))).toBe(400);
		expect(await status(legalLoad(event('/progress/legal?protection=nope')))).toBe(400);
		expect(await status(legalLoad(event('/progress/legal?country=K%3CE')))).toBe(400);
	});

	it('legal tracker compares chosen countries side by side and maps one protection', async () => {
		await seed();
		const data = (await legalLoad(event('/progress/legal?country=KE&country=SN&protection=legal.csam.in_law'))) as {
			tracker: { chosen: { code: string }[]; rows: { id: string; cells: { answer: string; citation: string | null }[] }[]; map: string; mapRows: { code: string }[]; demo: boolean };
		};
		const t = data.tracker;
		expect(t.chosen.map((c) => c.code)).toEqual(['KE', 'SN']);
		const csam = t.rows.find((r) => r.id === 'legal.csam.in_law')!;
		expect(csam.cells.map((c) => [c.answer, c.citation])).toEqual([
			['Yes', 'Kenya Children Act'],
			['No', 'SN Children Act']
		]);
		// Kenya's grooming answer is private: shown as not published
		const grooming = t.rows.find((r) => r.id === 'legal.grooming.in_law')!;
		expect(grooming.cells[0]).toMatchObject({ answer: 'Not published', citation: null });
		expect(t.mapRows.map((r) => r.code).sort()).toEqual(['GH', 'KE', 'SN']);
		expect(t.map).toContain('class="law-yes"');
		expect(t.map).toContain('class="law-no"');
		expect(t.demo).toBe(true);
		expect(JSON.stringify(data)).not.toContain('SECRET-CITATION');
		// more than six countries: the first six are shown and the page says so
		const many = (await legalLoad(event('/progress/legal?' + ['KE', 'GH', 'SN', 'FR', 'DE', 'IT', 'ES'].map((c) => `country=${c}`).join('&')))) as { tracker: { chosen: unknown[]; tooMany: boolean } };
		expect(many.tracker.chosen).toHaveLength(6);
		expect(many.tracker.tooMany).toBe(true);
	});

	it('report page and PDF follow the scope and period, and refuse unknown ones', async () => {
		await seed();
		const report = (await reportLoad(event('/progress/report?scope=KE&period=2025'))) as { doc: { title: string; sections: { id: string }[] }; scopes: { options: { value: string }[] }[] };
		expect(report.doc.title).toBe('Child online protection status report: Kenya, 2025');
		expect(report.doc.sections.map((s) => s.id)).toContain('method');
		expect(report.scopes[2].options.map((o) => o.value)).toEqual(['GH', 'KE', 'SN']);
		expect(await status(reportLoad(event('/progress/report?scope=world&period=1999')))).toBe(400);

		const res = await pdfGet(event('/progress/report.pdf?scope=africa&period=2025'));
		expect(res.status).toBe(200);
		expect(res.headers.get('content-type')).toBe('application/pdf');
		const bytes = Buffer.from(await res.arrayBuffer());
		expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(bytes.length).toBeGreaterThan(10_000);
		const bad = await pdfGet(event('/progress/report.pdf?scope=mars'));
		expect(bad.status).toBe(400);
		expect(await bad.text()).toContain('Unknown scope');
	});

	it('method page takes its tier bands from the model', async () => {
		const data = (await methodLoad(event('/progress/method'))) as { tiers: { tier: number; min: string }[] };
		expect(data.tiers.map((t) => [t.tier, t.min])).toEqual([
			[1, '80'],
			[2, '60'],
			[3, '40'],
			[4, '20'],
			[5, '0']
		]);
	});

	it('the demo banner reflects exactly the figures on the page', async () => {
		// last in the file: the real countries it adds would show up in the tests above
		// three demo countries in Africa, and two real ones: Uruguay (its first validated assessment) and South Africa
		await seed();
		await seedPublishedAssessment(db(), { country: 'UY', period: 2025, level: 0.6 });
		await seedPublishedAssessment(db(), { country: 'ZA', period: 2025, level: 0.7 });
		type Doc = { doc: { demo: string | null; sections: { id: string; blocks: { kind: string; text?: string }[] }[] } };
		const notes = (d: Doc) => d.doc.sections.flatMap((s) => s.blocks).flatMap((b) => (b.kind === 'text' && b.text ? [b.text] : []));

		// every figure about Uruguay is real: no banner; the world average beside it is not, and says so there
		const uruguay = (await countryLoad(event('/progress/countries/UY', { iso2: 'UY' }))) as Doc;
		expect(uruguay.doc.demo).toBeNull();
		expect(notes(uruguay)).toContain('The averages in this comparison include demonstration assessments.');
		const uyReport = (await reportLoad(event('/progress/report?scope=UY'))) as Doc;
		expect(uyReport.doc.demo).toBeNull();

		// a demo country's own figures are demo
		const kenya = (await countryLoad(event('/progress/countries/KE', { iso2: 'KE' }))) as Doc;
		expect(kenya.doc.demo).toBe("Demo data: these figures come from demonstration assessments, not from countries' real submissions.");

		// region and world pages say how many of the countries shown are demo
		const africa = (await regionLoad(event('/progress/regions/africa', { region: 'africa' }))) as Doc;
		expect(africa.doc.demo).toBe('Demo data: 3 of the 4 countries shown come from demonstration assessments, not from real submissions; averages that include them are demo too.');
		const world = (await worldLoad(event('/progress'))) as Doc;
		expect(world.doc.demo).toBe('Demo data: 3 of the 5 countries shown come from demonstration assessments, not from real submissions; averages that include them are demo too.');
		const americas = (await regionLoad(event('/progress/regions/americas', { region: 'americas' }))) as Doc;
		expect(americas.doc.demo).toBeNull();
	});
});
