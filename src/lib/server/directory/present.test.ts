// The help map presenter (issue 10 item 6): demo-only countries show as demo, not zero, and the
// legend is an HTML list under the map instead of 12-unit text in a 960-unit SVG.
import { describe, expect, it } from 'vitest';
import { DEMO_CLASS, presentHelpMap } from './present';

describe('presentHelpMap', () => {
	const coverage = [
		{ country: 'KE', verified: 0, total: 3, demo: 3 },
		{ country: 'FR', verified: 2, total: 2, demo: 0 },
		{ country: 'GH', verified: 0, total: 1, demo: 0 },
		{ country: 'ZZ', verified: 0, total: 1, demo: 1 }
	];

	it('shows countries whose services are all demonstration data as demo, clearly labelled, not as zero', () => {
		const page = presentHelpMap(coverage, 'en', '/help');
		expect(page.svg).toMatch(new RegExp(`aria-label="Kenya: 3 demonstration services \\(demo data, not real\\)"><title>[^<]*</title><path class="${DEMO_CLASS}"`));
		expect(page.svg).toMatch(/aria-label="France: 2 verified of 2 services"><title>[^<]*<\/title><path class="bucket-2"/);
		expect(page.svg).toMatch(/aria-label="Ghana: 0 verified of 1 services"><title>[^<]*<\/title><path class="bucket-0"/);
		expect(page.rows.find((r) => r.code === 'KE')?.verifiedText).toBe('3 demo');
		expect(page.rows.find((r) => r.code === 'GH')?.verifiedText).toBe('0');
		expect(page.legend).toContain(`<rect class="${DEMO_CLASS}" width="12" height="12"/></svg>Demo data only (not real services)</li>`);
		expect(page.worldwide).toEqual({ verified: 0, total: 1 });
	});

	it('puts the legend in an HTML list, not in the SVG, in the reader’s language', () => {
		const page = presentHelpMap(coverage, 'fr', '/fr/help');
		expect(page.svg).not.toContain('map-legend');
		expect(page.legend).toMatch(/^<ul class="map-legend-list">(<li>.*?<\/li>){7}<\/ul>$/);
		expect(page.legend).toContain('Données de démonstration uniquement');
		expect(page.svg).toContain('href="/fr/help?country=KE"');
	});

	it('has no demo entry when no country is demo-only', () => {
		const page = presentHelpMap([{ country: 'FR', verified: 1, total: 2, demo: 1 }], 'en', '/help');
		expect(page.legend).not.toContain(DEMO_CLASS);
		expect(page.svg).not.toContain(DEMO_CLASS);
	});

	it('counts the verified services national platforms share (federation) with the verified ones, in a column of their own', () => {
		const page = presentHelpMap(coverage, 'en', '/help', [
			{ country: 'FR', services: 3 },
			{ country: 'SN', services: 2 },
			{ country: 'ZZ', services: 1 }
		]);
		expect(page.hasFederated).toBe(true);
		expect(page.rows.find((r) => r.code === 'FR')).toMatchObject({ verified: 5, total: 5, federated: 3 });
		// a country only members speak for is on the map too
		expect(page.rows.find((r) => r.code === 'SN')).toMatchObject({ verified: 2, total: 2, federated: 2 });
		expect(page.svg).toMatch(/aria-label="Senegal: 2 verified of 2 services, 2 of them shared by a national platform"><title>[^<]*<\/title><path class="bucket-2"/);
		expect(page.svg).toContain('href="/help?country=SN"');
		expect(page.worldwide).toEqual({ verified: 1, total: 2 });
		expect(presentHelpMap(coverage, 'en', '/help').hasFederated).toBe(false);
	});
});
