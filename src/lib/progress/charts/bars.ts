/**
 * Horizontal bar charts: pillar scores (0-100), tier distribution (counts), roadmap completion.
 * Each row is a label line ("Legal: 62") above its bar; null values say so in words.
 */
import { bar, COLOURS, defaultFormat, esc, FONT, shell, textLine, track, type ChartBase } from './svg';

export interface BarItem {
	label: string;
	/** null: no value (not enough data, or suppressed); the row then shows `missingText`. */
	value: number | null;
	/** Optional words after the value, e.g. "tier 2". */
	note?: string;
}

export interface BarChartOptions extends ChartBase {
	/** Scale maximum (default 100: scores). */
	max?: number;
	/** Text for a null value, e.g. "no published data". */
	missingText: string;
	/** Optional suffix after every value, e.g. " %". Not used when format already includes a unit. */
	unit?: string;
	/** Reference lines (e.g. tier thresholds 20, 40, 60, 80), drawn as dotted verticals. */
	marks?: number[];
}

const ROW_LABEL = 18; // baseline of the label within the row
const BAR_Y = 24; // top of the bar within the row
const BAR_H = 14;
const ROW = 46;
const PAD = 4;

/** One horizontal bar per item, scaled to `max`. */
export function barChart(items: BarItem[], options: BarChartOptions): string {
	const dir = options.dir ?? 'ltr';
	const format = options.format ?? defaultFormat;
	const max = options.max && options.max > 0 ? options.max : 100;
	let body = '';
	items.forEach((item, i) => {
		const top = PAD + i * ROW;
		const has = typeof item.value === 'number' && Number.isFinite(item.value);
		const valueText = has ? `${format(item.value as number)}${options.unit ?? ''}` : options.missingText;
		const label = `${item.label}: ${valueText}${item.note ? ` (${item.note})` : ''}`;
		body += textLine(label, top + ROW_LABEL, { dir });
		body += track(top + BAR_Y, BAR_H);
		if (has) body += bar(((item.value as number) / max) * 100, top + BAR_Y, BAR_H, COLOURS.series[0], dir);
	});
	items.forEach((_, i) => (body += marks(options.marks ?? [], max, dir, PAD + i * ROW)));
	return shell(options, PAD * 2 + items.length * ROW, body, 'chart-bars');
}

/** Short dotted reference marks across one row's bar (not through the label above it). */
function marks(values: number[], max: number, dir: 'ltr' | 'rtl', top: number): string {
	let out = '';
	for (const v of values) {
		if (!(v > 0 && v < max)) continue;
		const x = (dir === 'rtl' ? 100 - (v / max) * 100 : (v / max) * 100).toFixed(2);
		out += `<line x1="${x}%" x2="${x}%" y1="${top + BAR_Y - 3}" y2="${top + BAR_Y + BAR_H + 3}" stroke="${COLOURS.muted}" stroke-width="1" stroke-dasharray="2 2"/>`;
	}
	return out;
}

export interface TierDistributionOptions extends ChartBase {
	/** Name of each tier, e.g. { 1: 'Tier 1 — leading', ... }. */
	tierLabels: Record<1 | 2 | 3 | 4 | 5, string>;
	/** Words for a count, e.g. (n) => `${n} countries`. */
	countText: (n: number) => string;
	/** Shown instead of the bars when the group is suppressed (counts null). */
	suppressedText: string;
}

/** Countries per tier, as bars scaled to the largest count, tier 1 first. */
export function tierDistribution(counts: Record<1 | 2 | 3 | 4 | 5, number> | null, options: TierDistributionOptions): string {
	const dir = options.dir ?? 'ltr';
	if (!counts) {
		return shell(options, PAD * 2 + ROW_LABEL + 6, textLine(options.suppressedText, PAD + ROW_LABEL, { dir, fill: COLOURS.muted }), 'chart-tiers');
	}
	const tiers = [1, 2, 3, 4, 5] as const;
	const largest = Math.max(1, ...tiers.map((t) => counts[t] ?? 0));
	let body = '';
	tiers.forEach((t, i) => {
		const top = PAD + i * ROW;
		const n = counts[t] ?? 0;
		body += textLine(`${options.tierLabels[t]}: ${options.countText(n)}`, top + ROW_LABEL, { dir });
		body += track(top + BAR_Y, BAR_H);
		if (n > 0) body += bar((n / largest) * 100, top + BAR_Y, BAR_H, TIER_FILLS[t], dir);
	});
	return shell(options, PAD * 2 + tiers.length * ROW, body, 'chart-tiers');
}

/** Tier fills, darkest for tier 1; each also differs from its neighbours in lightness (and the label names it), and stands out 3:1 from white, the bar track and the map (contrast.test.ts). */
export const TIER_FILLS: Record<1 | 2 | 3 | 4 | 5, string> = {
	1: '#08306b',
	2: '#1a5fa3',
	3: '#347dba',
	4: '#b35806',
	5: '#7f2704'
};

export interface CompletionOptions extends ChartBase {
	/** The sentence written above the bar, e.g. "12 of 20 actions done (60 %)". */
	summary: string;
	/** Shown when there are no actions at all. */
	emptyText: string;
}

/** One bar: done / total actions. */
export function completionBar(done: number, total: number, options: CompletionOptions): string {
	const dir = options.dir ?? 'ltr';
	if (!(total > 0)) {
		return shell(options, PAD * 2 + ROW_LABEL + 6, textLine(options.emptyText, PAD + ROW_LABEL, { dir, fill: COLOURS.muted }), 'chart-completion');
	}
	const share = Math.min(1, Math.max(0, done / total)) * 100;
	let body = textLine(options.summary, PAD + ROW_LABEL, { dir });
	// A taller bar with a dark outline, so the empty part is visible as well as the done part.
	body += `<rect x="0" y="${PAD + BAR_Y}" width="100%" height="${BAR_H + 6}" fill="${COLOURS.track}" stroke="${COLOURS.muted}" stroke-width="1"/>`;
	if (share > 0) body += bar(share, PAD + BAR_Y, BAR_H + 6, COLOURS.series[2], dir);
	return shell(options, PAD * 2 + BAR_Y + BAR_H + 8, body, 'chart-completion');
}

