// WCAG contrast of the progress pages' chart and map colours, computed: every fill that carries
// data stands out 3:1 from what it is drawn on (WCAG 1.4.11), every label 4.5:1 (WCAG 1.4.3).
// axe only marks SVG fills "needs review", so the numbers are checked here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COLOURS, TIER_FILLS } from '.';

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
	const h = hex.replace('#', '');
	const full = h.length === 3 ? [...h].map((c) => c + c).join('') : h;
	const [r, g, b] = [0, 2, 4].map((i) => parseInt(full.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

const css = (file: string) => readFileSync(path.resolve('static', file), 'utf8');
/** The colour a CSS rule gives a property, e.g. rule('.world-map .law-yes', 'fill'); later rules win, as in the browser. */
function rule(sheets: string[], selector: string, property: string): string {
	let found: string | undefined;
	for (const sheet of sheets) {
		for (const m of sheet.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
			const selectors = m[1].split(',').map((s) => s.trim());
			if (!selectors.includes(selector)) continue;
			const value = new RegExp(`(?:^|;)\\s*${property}:\\s*(#[0-9a-fA-F]{3,6})`).exec(m[2]);
			if (value) found = value[1];
		}
	}
	if (!found) throw new Error(`no ${property} for ${selector}`);
	return found;
}

const WHITE = '#ffffff';
const APP = css('app.css');
const PROGRESS = css('progress.css');
// progress.css is linked after app.css on progress pages
const SHEETS = [APP, PROGRESS];
const MAP_SEA = /\.world-map \{[^}]*background: (#[0-9a-fA-F]{6})/.exec(APP)![1];
const MAP_LAND = rule(SHEETS, '.world-map .map-bg', 'fill');
const FG = /--fg: (#[0-9a-fA-F]{6})/.exec(APP)![1];

function failures(fills: Record<string, string>, backgrounds: Record<string, string>, min: number): string[] {
	const out: string[] = [];
	for (const [name, fill] of Object.entries(fills))
		for (const [bg, colour] of Object.entries(backgrounds)) {
			const ratio = contrast(fill, colour);
			if (ratio < min) out.push(`${name} ${fill} on ${bg} ${colour}: ${ratio.toFixed(2)}:1`);
		}
	return out;
}

describe('chart and map colours meet WCAG contrast', () => {
	it('computes contrast the WCAG way', () => {
		expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
	});

	it('chart bars and lines: 3:1 against the white chart and the bar track', () => {
		const fills = { ...Object.fromEntries(COLOURS.series.map((c, i) => [`series ${i + 1}`, c])), ...Object.fromEntries(Object.entries(TIER_FILLS).map(([t, c]) => [`tier ${t}`, c])) };
		expect(failures(fills, { white: WHITE, track: COLOURS.track }, 3)).toEqual([]);
	});

	it('chart labels: 4.5:1 against the white chart and the bar track', () => {
		expect(failures({ text: COLOURS.text, muted: COLOURS.muted }, { white: WHITE, track: COLOURS.track }, 4.5)).toEqual([]);
	});

	it('map fills and table swatches: 3:1 against the sea, the land of countries not assessed, and the page', () => {
		const fills: Record<string, string> = {};
		for (const t of [1, 2, 3, 4, 5]) {
			fills[`map tier-${t}`] = rule(SHEETS, `.world-map .tier-${t}`, 'fill');
			fills[`swatch tier-${t}`] = rule(SHEETS, `.swatch.tier-${t}`, 'background');
			// the map, its swatches and the charts use one colour per tier
			expect(fills[`map tier-${t}`].toLowerCase()).toBe(TIER_FILLS[t as 1].toLowerCase());
		}
		fills['map no overall score'] = rule(SHEETS, '.world-map .map-none', 'fill');
		fills['swatch no overall score'] = rule(SHEETS, '.swatch.map-none', 'background');
		for (const law of ['yes', 'partial', 'no', 'na']) {
			fills[`map law-${law}`] = rule(SHEETS, `.world-map .law-${law}`, 'fill');
			fills[`swatch law-${law}`] = rule(SHEETS, `.swatch.law-${law}`, 'background');
		}
		expect(failures(fills, { sea: MAP_SEA, 'land not assessed': MAP_LAND, page: WHITE }, 3)).toEqual([]);
	});

	it('map labels: 4.5:1 against the sea', () => {
		expect(failures({ 'map text': FG }, { sea: MAP_SEA }, 4.5)).toEqual([]);
	});
});
