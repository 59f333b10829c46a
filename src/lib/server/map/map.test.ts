import countries from 'i18n-iso-countries';
import { describe, expect, it } from 'vitest';
import { classifyValue, escapeXml, renderLegendList, renderWorldMap, type MapDatum, type MapOptions } from '.';

const options: MapOptions = {
	buckets: [
		{ min: 1, className: 'bucket-0', legend: '1 service' },
		{ min: 2, className: 'bucket-1', legend: '2–4 services' },
		{ min: 5, className: 'bucket-2', legend: '5–9 services' },
		{ min: 10, className: 'bucket-3', legend: '10 or more' }
	],
	noDataLegend: 'No services yet',
	title: 'Services per country'
};

/** The whole element of one linked country (from <a to </a>), found by its href. */
function linkOf(svg: string, href: string): string {
	const start = svg.lastIndexOf('<a ', svg.indexOf(`href="${href}"`));
	expect(start).toBeGreaterThanOrEqual(0);
	return svg.slice(start, svg.indexOf('</a>', start) + 4);
}

const allCodes = Object.keys(countries.getAlpha2Codes());
const everyCountry: MapDatum[] = allCodes.map((code, i) => ({
	code,
	value: i % 9 === 0 ? null : i % 12,
	label: `${countries.getName(code, 'en')}: ${i % 12} services`,
	href: `/help?country=${code}`
}));

describe('renderWorldMap', () => {
	// Runs first on purpose: it measures the one-off cost (reading and projecting the atlas).
	it('is fast after the first call', () => {
		let t = performance.now();
		renderWorldMap(everyCountry, options);
		const first = performance.now() - t;
		const runs = 20;
		t = performance.now();
		for (let i = 0; i < runs; i++) renderWorldMap(everyCountry, options);
		const warm = (performance.now() - t) / runs;
		console.info(`world map: first render ${first.toFixed(1)} ms, then ${warm.toFixed(2)} ms for ${everyCountry.length} countries`);
		expect(warm).toBeLessThan(first / 5);
		expect(warm).toBeLessThan(25);
	});

	it('renders a valid-looking svg root with one title', () => {
		const svg = renderWorldMap([{ code: 'KE', value: 3, label: 'Kenya: 3' }], options);
		expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 960 ')).toBe(true);
		expect(svg.endsWith('</svg>')).toBe(true);
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 960 \d+"[^>]*role="img" aria-labelledby="map-title" class="world-map" focusable="false">/);
		expect(svg.match(/<title id="map-title">/g)).toHaveLength(1);
		expect(svg).toContain('<title id="map-title">Services per country</title>');
		expect(svg).not.toContain('style=');
		expect(svg).not.toContain('<style');
		expect(svg).not.toContain('fill=');
		expect(svg).not.toContain('NaN');
		expect(svg).not.toContain('undefined');
		// tags balance (a cheap well-formedness check)
		for (const tag of ['svg', 'g', 'a', 'path', 'circle', 'title', 'text']) {
			const open = (svg.match(new RegExp(`<${tag}[ >]`, 'g')) ?? []).length;
			const selfClosed = (svg.match(new RegExp(`<${tag} [^>]*/>`, 'g')) ?? []).length;
			const close = (svg.match(new RegExp(`</${tag}>`, 'g')) ?? []).length;
			expect(open - selfClosed, tag).toBe(close);
		}
	});

	it('gives a country its bucket class, link, aria-label and escaped title', () => {
		const label = `Kenya <3 & "friends" 'n' more > less`;
		const svg = renderWorldMap([{ code: 'KE', value: 4, label, href: '/help?country=KE&x=<1>' }], options);
		const escaped = 'Kenya &lt;3 &amp; &quot;friends&quot; &#39;n&#39; more &gt; less';
		expect(escapeXml(label)).toBe(escaped);
		const link = linkOf(svg, '/help?country=KE&amp;x=&lt;1&gt;');
		expect(link).toContain(`aria-label="${escaped}"`);
		expect(link).toContain(`<title>${escaped}</title>`);
		expect(link).toMatch(/<path class="bucket-1" d="M[-\d. ]+l[-\d. ]+z[^"]*"\/>/);
		expect(svg).not.toContain('<3');
		// links make the root a group, so that assistive technology can reach them
		expect(svg).toMatch(/^<svg [^>]*role="group"/);
	});

	it('puts values in buckets by min, and null (or below every min) in the no-data class', () => {
		const svg = renderWorldMap(
			[
				{ code: 'KE', value: 1, label: 'KE', href: '/KE' },
				{ code: 'FR', value: 9.5, label: 'FR', href: '/FR' },
				{ code: 'BR', value: 10, label: 'BR', href: '/BR' },
				{ code: 'US', value: null, label: 'US', href: '/US' },
				{ code: 'CN', value: 0, label: 'CN', href: '/CN' }
			],
			{ ...options, noDataClass: 'nodata' }
		);
		expect(linkOf(svg, '/KE')).toContain('class="bucket-0"');
		expect(linkOf(svg, '/FR')).toContain('class="bucket-2"');
		expect(linkOf(svg, '/BR')).toContain('class="bucket-3"');
		expect(linkOf(svg, '/US')).toContain('class="nodata"');
		expect(linkOf(svg, '/CN')).toContain('class="nodata"');
		expect(svg).toMatch(/<rect class="nodata" [^>]*\/><text [^>]*>No services yet<\/text>/);
	});

	it('draws small island states missing from the 1:110m data as circles', () => {
		const svg = renderWorldMap(
			[
				{ code: 'TV', value: 2, label: 'Tuvalu: 2', href: '/help?country=TV' },
				{ code: 'MT', value: 1, label: 'Malta: 1', href: '/help?country=MT' },
				{ code: 'SG', value: null, label: 'Singapore: none', href: '/help?country=SG' },
				{ code: 'MC', value: 5, label: 'Monaco: 5' }
			],
			options
		);
		expect(linkOf(svg, '/help?country=TV')).toMatch(/<circle class="bucket-1" cx="[\d.]+" cy="[\d.]+" r="3"\/>/);
		expect(linkOf(svg, '/help?country=MT')).toMatch(/<circle class="bucket-0" /);
		expect(linkOf(svg, '/help?country=SG')).toMatch(/<circle class="map-none" /);
		expect(svg).toMatch(/<circle class="bucket-2" [^>]*><title>Monaco: 5<\/title><\/circle>/);
		// Tuvalu sits near the right edge of the map, Malta in the middle of the Mediterranean
		const cx = (href: string) => Number(/cx="([\d.]+)"/.exec(linkOf(svg, href))![1]);
		expect(cx('/help?country=TV')).toBeGreaterThan(900);
		expect(cx('/help?country=MT')).toBeGreaterThan(450);
		expect(cx('/help?country=MT')).toBeLessThan(560);
	});

	it('draws every code that has a position, and skips unknown ones without error', () => {
		const svg = renderWorldMap([...everyCountry, { code: 'ZZ', value: 1, label: 'nowhere', href: '/ZZ' }, { code: 'not a code', value: 1, label: 'x' }], options);
		const drawn = new Set([...svg.matchAll(/href="\/help\?country=([A-Z]{2})"/g)].map((m) => m[1]));
		const missing = allCodes.filter((c) => !drawn.has(c));
		expect(missing).toEqual(['UM']); // US Minor Outlying Islands: too scattered for one point
		expect(svg).not.toContain('/ZZ');
	});

	it('draws countries not in the data, and features without an ISO code, as background', () => {
		const svg = renderWorldMap([{ code: 'KE', value: 3, label: 'Kenya: 3', href: '/KE' }], options);
		const paths = svg.match(/<path [^>]*>/g)!;
		const background = paths.filter((p) => p.startsWith('<path class="map-bg" d="'));
		// 177 features in countries-110m minus Antarctica; one of them is Kenya
		expect(paths).toHaveLength(176);
		expect(background).toHaveLength(175);
		expect(svg.match(/<a /g)).toHaveLength(1);
		// Kosovo has no ISO id in world-atlas: it stays background; XK data gets a circle instead
		const withKosovo = renderWorldMap([{ code: 'XK', value: 3, label: 'Kosovo: 3', href: '/XK' }], options);
		expect(withKosovo.match(/<path class="map-bg" /g)).toHaveLength(176);
		expect(linkOf(withKosovo, '/XK')).toMatch(/<circle class="bucket-1" /);
	});

	it('outlines the highlighted country and draws it last', () => {
		const svg = renderWorldMap(
			[
				{ code: 'KE', value: 3, label: 'Kenya: 3', href: '/KE' },
				{ code: 'FR', value: 3, label: 'France: 3', href: '/FR' }
			],
			{ ...options, highlight: 'ke' }
		);
		expect(linkOf(svg, '/KE')).toContain('class="bucket-1 map-highlight"');
		expect(svg.indexOf('href="/KE"')).toBeGreaterThan(svg.indexOf('href="/FR"'));
		const notInData = renderWorldMap([], { ...options, highlight: 'KE' });
		expect(notInData.match(/class="map-bg map-highlight"/g)).toHaveLength(1);
	});

	it('never links to script URLs', () => {
		const svg = renderWorldMap([{ code: 'KE', value: 3, label: 'Kenya', href: ' JavaScript:alert(1)' }], options);
		expect(svg.toLowerCase()).not.toContain('javascript');
		expect(svg).not.toContain('<a ');
	});

	it('wraps the legend and includes the optional background entry', () => {
		const svg = renderWorldMap([], { ...options, backgroundLegend: 'Not covered', width: 480 });
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 480 \d+"/);
		const legend = svg.slice(svg.indexOf('<g class="map-legend">'));
		expect(legend.match(/<rect /g)).toHaveLength(6);
		expect(legend).toContain('<rect class="map-bg" ');
		const ys = new Set([...legend.matchAll(/<rect [^>]*y="([\d.]+)"/g)].map((m) => m[1]));
		expect(ys.size).toBeGreaterThan(1);
	});

	it('stays small', () => {
		const empty = renderWorldMap([], options);
		const full = renderWorldMap(everyCountry, options);
		const size = (s: string) => Buffer.byteLength(s, 'utf8');
		console.info(`world map: ${size(empty)} bytes without data, ${size(full)} bytes with all ${everyCountry.length} codes linked`);
		// Geometry and legend: under 40 KB. Every code with a link and a label (each written twice,
		// as <title> and aria-label) adds about 125 bytes, so a full map stays under 72 KB.
		expect(size(empty)).toBeLessThan(40_000);
		expect(size(full)).toBeLessThan(72_000);
		expect(full).not.toContain('style=');
	});
});

describe('classifyValue', () => {
	const buckets = [
		{ min: 0, className: 'tier-5' },
		{ min: 80, className: 'tier-1' },
		{ min: 20, className: 'tier-4' }
	];
	it('picks the bucket with the greatest min not above the value, in any listed order', () => {
		expect(classifyValue(0, buckets)).toBe('tier-5');
		expect(classifyValue(19.9, buckets)).toBe('tier-5');
		expect(classifyValue(20, buckets)).toBe('tier-4');
		expect(classifyValue(79.99, buckets)).toBe('tier-4');
		expect(classifyValue(100, buckets)).toBe('tier-1');
	});
	it('gives the no-data class to null, NaN and values below every bucket', () => {
		expect(classifyValue(null, buckets)).toBe('map-none');
		expect(classifyValue(Number.NaN, buckets, 'x')).toBe('x');
		expect(classifyValue(-1, buckets, 'x')).toBe('x');
	});
});

describe('legend under the map (issue 10 item 6: about 4 px tall at 390 px)', () => {
	const opts: MapOptions = { ...options, extraLegend: [{ className: 'map-demo', legend: 'Demo data only' }], legend: 'html' };
	it("leaves the legend out of the SVG, so it is not shrunk with the map, and lists it as HTML text", () => {
		const svg = renderWorldMap([{ code: 'KE', value: 0, label: 'Kenya', className: 'map-demo' }], opts);
		expect(svg).not.toContain('map-legend');
		// the viewBox is only the map: no legend rows under it
		const withSvgLegend = renderWorldMap([{ code: 'KE', value: 0, label: 'Kenya' }], options);
		const h = (s: string) => Number(/viewBox="0 0 \d+ (\d+)"/.exec(s)![1]);
		expect(h(svg)).toBeLessThan(h(withSvgLegend));
		const list = renderLegendList(opts);
		expect(list).toMatch(/^<ul class="map-legend-list">/);
		expect(list).toContain('<rect class="map-demo" width="12" height="12"/></svg>Demo data only</li>');
		for (const b of options.buckets) expect(list).toContain(`>${escapeXml(b.legend)}</li>`);
	});
	it('gives a datum its own class when it says so (demo data is not a value)', () => {
		const svg = renderWorldMap([{ code: 'KE', value: 0, label: 'Kenya', className: 'map-demo' }], opts);
		expect(svg).toMatch(/<path class="map-demo" d="[^"]+"><title>Kenya<\/title><\/path>/);
	});
});
