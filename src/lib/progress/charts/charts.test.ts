import { describe, expect, it } from 'vitest';
import { barChart, completionBar, groupedBarChart, numberFormat, tierDistribution, trendChart, yearFormat } from './index';

/** Minimal XML well-formedness check: every tag closes in order, attributes are quoted, entities are known. */
function assertWellFormed(svg: string): void {
	const stack: string[] = [];
	const tag = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/g;
	let last = 0;
	let m: RegExpExecArray | null;
	while ((m = tag.exec(svg))) {
		const between = svg.slice(last, m.index);
		expect(between, 'stray markup between tags').not.toMatch(/[<>]/);
		expect(between.replace(/&(amp|lt|gt|quot|#39);/g, ''), 'unknown entity').not.toMatch(/&/);
		last = tag.lastIndex;
		const [, closing, name, , self] = m;
		if (closing) expect(stack.pop(), `closing </${name}>`).toBe(name);
		else if (!self) stack.push(name);
	}
	expect(svg.slice(last)).toBe('');
	expect(stack).toEqual([]);
}

const base = { title: 'Pillar scores, Kenya, 2025', desc: 'Five pillars on a 0 to 100 scale.', id: 'pillars' };

/** Every <rect> with a fill of the first series colour (the value bars, not the tracks). */
function valueBars(svg: string): { x: number; width: number }[] {
	return [...svg.matchAll(/<rect x="([\d.]+)%" y="[\d.]+" width="([\d.]+)%" height="\d+" fill="#0b5cad"/g)].map((m) => ({ x: Number(m[1]), width: Number(m[2]) }));
}

describe('barChart', () => {
	const items = [
		{ label: 'Legal', value: 62 },
		{ label: 'Technical', value: null },
		{ label: 'Capacity', value: 100, note: 'tier 1' }
	];

	it('is an accessible image with a title and a description', () => {
		const svg = barChart(items, { ...base, missingText: 'no data' });
		assertWellFormed(svg);
		expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="pillars-title" aria-describedby="pillars-desc"/);
		expect(svg).toContain('<title id="pillars-title">Pillar scores, Kenya, 2025</title>');
		expect(svg).toContain('<desc id="pillars-desc">Five pillars on a 0 to 100 scale.</desc>');
		// width follows the page (fits 320 px), height is fixed per row
		expect(svg).toMatch(/width="100%" height="\d+"/);
	});

	it('writes every value in words beside its label and draws bars to scale', () => {
		const svg = barChart(items, { ...base, missingText: 'no data' });
		expect(svg).toContain('>Legal: 62<');
		expect(svg).toContain('>Technical: no data<');
		expect(svg).toContain('>Capacity: 100 (tier 1)<');
		expect(valueBars(svg)).toEqual([
			{ x: 0, width: 62 },
			{ x: 0, width: 100 }
		]);
	});

	it('mirrors bars and anchors text on the right in RTL', () => {
		const svg = barChart([{ label: 'قانوني', value: 25 }], { ...base, dir: 'rtl', missingText: '-' });
		expect(valueBars(svg)).toEqual([{ x: 75, width: 25 }]);
		expect(svg).toMatch(/<text x="100%" y="\d+" direction="rtl" text-anchor="start"/);
		expect(svg).toContain('direction="rtl"');
	});

	it('formats numbers for the locale', () => {
		const svg = barChart([{ label: 'قانوني', value: 62.4 }], { ...base, dir: 'rtl', format: numberFormat('ar'), missingText: '-' });
		expect(svg).toContain(`قانوني: ${new Intl.NumberFormat('ar', { maximumFractionDigits: 0 }).format(62)}`);
		expect(numberFormat('fr', 1)(1234.56)).toBe(new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(1234.56));
		expect(yearFormat('en')(2025)).toBe('2025');
	});

	it('clamps values outside the scale and honours a custom maximum', () => {
		const svg = barChart(
			[
				{ label: 'a', value: 150 },
				{ label: 'b', value: -5 },
				{ label: 'c', value: 5 }
			],
			{ ...base, max: 10, missingText: '-' }
		);
		expect(valueBars(svg).map((b) => b.width)).toEqual([100, 0, 50]);
	});

	it('escapes labels and ids', () => {
		const svg = barChart([{ label: '<script>alert("x")</script> & co', value: 1 }], { ...base, id: '1 "bad" id', title: 'a < b', missingText: '-' });
		assertWellFormed(svg);
		expect(svg).not.toContain('<script>');
		expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co: 1');
		expect(svg).toContain('aria-labelledby="c-1--bad--id-title"');
	});

	it('draws reference marks only inside the scale', () => {
		const svg = barChart(items, { ...base, missingText: '-', marks: [0, 20, 40, 60, 80, 100] });
		// four marks (20-80) on each of the three rows
		expect(svg.match(/stroke-dasharray="2 2"/g)).toHaveLength(12);
	});
});

describe('groupedBarChart', () => {
	it('labels every bar with its series and value and tells series apart by pattern', () => {
		const svg = groupedBarChart(
			['Legal', 'Technical'],
			[
				{ name: 'Kenya', values: [62, 40] },
				{ name: 'Africa', values: [50, null] },
				{ name: 'World', values: [55, 45] }
			],
			{ ...base, id: 'cmp', missingText: 'not shown' }
		);
		assertWellFormed(svg);
		for (const t of ['Kenya: 62', 'Africa: 50', 'World: 55', 'Kenya: 40', 'Africa: not shown', 'World: 45']) expect(svg).toContain(`>${t}<`);
		// series 2 and 3 are patterned (series 1 is solid), and the patterns are defined
		expect(svg).toContain('<pattern id="cmp-p1"');
		expect(svg).toContain('<pattern id="cmp-p2"');
		expect(svg.match(/fill="url\(#cmp-p1\)"/g)).toHaveLength(1); // Africa has no Technical value
		expect(svg.match(/fill="url\(#cmp-p2\)"/g)).toHaveLength(2);
		// every value bar has an outline, so patterned bars have a visible edge
		expect(svg.match(/stroke-width="1"\/>/g)).toHaveLength(5);
		// headings are bold
		expect(svg).toMatch(/font-weight="bold">Legal</);
	});
});

describe('trendChart', () => {
	const periods = [2023, 2024, 2025];
	it('draws lines between known values only, with a marker per value and a legend', () => {
		const svg = trendChart(
			periods,
			[
				{ name: 'Overall', values: [30, null, 50] },
				{ name: 'Legal', values: [20, 40, 60] }
			],
			{ ...base, id: 'trend', emptyText: 'no data' }
		);
		assertWellFormed(svg);
		expect(svg.match(/<use href="#trend-m0"/g)).toHaveLength(2 + 1); // two points + legend
		expect(svg.match(/<use href="#trend-m1"/g)).toHaveLength(3 + 1);
		// Overall has a gap: no segment; Legal has two segments
		expect(svg.match(/stroke-width="2.5"( stroke-dasharray="[^"]+")?\/>/g)?.length).toBe(0 + 2 + 2 /* legend samples */);
		for (const y of ['2023', '2024', '2025']) expect(svg).toContain(`>${y}</text>`);
		expect(svg).toContain('>Overall</text>');
		expect(svg).toContain('>Legal</text>');
	});

	it('puts the earliest period on the right in RTL', () => {
		const ltr = trendChart(periods, [{ name: 'x', values: [10, 20, 30] }], { ...base, emptyText: '-' });
		const rtl = trendChart(periods, [{ name: 'x', values: [10, 20, 30] }], { ...base, dir: 'rtl', emptyText: '-' });
		const firstX = (svg: string) => Number(/<text x="([\d.]+)%" y="\d+" text-anchor="middle"[^>]*>2023</.exec(svg)![1]);
		expect(firstX(ltr)).toBeLessThan(50);
		expect(firstX(rtl)).toBeGreaterThan(50);
	});

	it('says so in words when there is nothing to draw', () => {
		const svg = trendChart(periods, [{ name: 'x', values: [null, null, null] }], { ...base, emptyText: 'No published scores yet' });
		assertWellFormed(svg);
		expect(svg).toContain('No published scores yet');
		expect(svg).not.toContain('<line');
	});
});

describe('tierDistribution and completionBar', () => {
	const tierLabels = { 1: 'Tier 1 leading', 2: 'Tier 2 advancing', 3: 'Tier 3 establishing', 4: 'Tier 4 developing', 5: 'Tier 5 starting' } as const;
	it('names each tier with its count', () => {
		const svg = tierDistribution({ 1: 2, 2: 0, 3: 4, 4: 1, 5: 0 }, { ...base, id: 't', tierLabels, countText: (n) => `${n} countries`, suppressedText: 'hidden' });
		assertWellFormed(svg);
		expect(svg).toContain('>Tier 1 leading: 2 countries<');
		expect(svg).toContain('>Tier 2 advancing: 0 countries<');
		// the largest count fills the width
		expect(svg).toMatch(/width="100%" height="14" fill="#347dba"/);
	});

	it('shows the suppression sentence instead of counts', () => {
		const svg = tierDistribution(null, { ...base, id: 't', tierLabels, countText: String, suppressedText: 'Fewer than 3 countries: not shown' });
		expect(svg).toContain('Fewer than 3 countries: not shown');
		expect(svg).not.toContain('Tier 1');
	});

	it('draws done over total, and says when there are no actions', () => {
		const svg = completionBar(3, 4, { ...base, id: 'c', summary: '3 of 4 actions done (75%)', emptyText: 'No actions' });
		assertWellFormed(svg);
		expect(svg).toContain('>3 of 4 actions done (75%)<');
		expect(svg).toMatch(/width="75%" height="20" fill="#1e6b34"/);
		const rtl = completionBar(1, 4, { ...base, id: 'c', dir: 'rtl', summary: 's', emptyText: 'No actions' });
		expect(rtl).toMatch(/x="75%" y="\d+" width="25%"/);
		const none = completionBar(0, 0, { ...base, id: 'c', summary: 's', emptyText: 'No actions' });
		expect(none).toContain('No actions');
		expect(none).not.toContain('<rect');
	});
});
