/**
 * Trend lines across periods (years) on a 0-100 scale, e.g. the overall score and each pillar.
 * Series differ by marker shape and dash pattern as well as colour, and a legend names them.
 * Gaps (null values) break the line instead of being bridged.
 */
import { COLOURS, defaultFormat, esc, safeId, seriesStroke, shell, SMALL, textLine, type ChartBase, type Dir } from './svg';
import type { Series } from './grouped';

export interface TrendOptions extends ChartBase {
	/** Formats a period for the axis (default: the year as is). */
	formatPeriod?: (period: number) => string;
	/** Text when there is nothing to draw. */
	emptyText: string;
	/** Horizontal reference lines with labels (default 0, 20, 40, 60, 80, 100). */
	gridlines?: number[];
}

const PLOT_TOP = 12;
const PLOT_H = 180;
const AXIS = 22;
const LEGEND_ROW = 22;

/** Marker shapes centred on 0,0: circle, square, triangle, diamond, cross, then repeat. */
const MARKERS = [
	(c: string) => `<circle r="4.5" fill="${c}"/>`,
	(c: string) => `<rect x="-4" y="-4" width="8" height="8" fill="${c}"/>`,
	(c: string) => `<path d="M0 -5.5L5 4H-5Z" fill="${c}"/>`,
	(c: string) => `<path d="M0 -5.5L5.5 0L0 5.5L-5.5 0Z" fill="${c}"/>`,
	(c: string) => `<path d="M-4 -4L4 4M-4 4L4 -4" stroke="${c}" stroke-width="2.5"/>`,
	(c: string) => `<circle r="4" fill="#fff" stroke="${c}" stroke-width="2"/>`
];
const DASHES = ['', '6 4', '2 3', '8 3 2 3', '1 4', '10 4'];

/** x position in percent of the width for point i of n (mirrored in RTL). */
function xOf(i: number, n: number, dir: Dir): number {
	const from = n <= 1 ? 55 : 12 + (i / (n - 1)) * 82;
	return dir === 'rtl' ? 100 - from : from;
}

function yOf(v: number): number {
	const c = Math.min(100, Math.max(0, v));
	return PLOT_TOP + (1 - c / 100) * PLOT_H;
}

const p = (v: number) => `${Math.round(v * 100) / 100}%`;

/** One line per series across the given periods. `series[k].values[i]` belongs to `periods[i]`. */
export function trendChart(periods: number[], series: Series[], options: TrendOptions): string {
	const dir = options.dir ?? 'ltr';
	const prefix = safeId(options.id);
	const fmtPeriod = options.formatPeriod ?? ((n: number) => String(n));
	const format = options.format ?? defaultFormat;
	const anyValue = series.some((s) => s.values.some((v) => typeof v === 'number' && Number.isFinite(v)));
	if (!periods.length || !anyValue) {
		return shell(options, 30, textLine(options.emptyText, 20, { dir, fill: COLOURS.muted }), 'chart-trend');
	}
	const n = periods.length;
	let defs = '<defs>';
	series.forEach((_, k) => {
		defs += `<g id="${prefix}-m${k}">${MARKERS[k % MARKERS.length](seriesStroke(k))}</g>`;
	});
	defs += '</defs>';

	let body = defs;
	// Gridlines with their values at the start edge, just above the line.
	for (const g of options.gridlines ?? [0, 20, 40, 60, 80, 100]) {
		const y = yOf(g);
		body += `<line x1="0" x2="100%" y1="${y}" y2="${y}" stroke="${COLOURS.grid}" stroke-width="1"${g === 0 ? '' : ' stroke-dasharray="2 3"'}/>`;
		body += textLine(format(g), y - 3, { dir, size: SMALL, fill: COLOURS.muted });
	}
	// Period labels under the plot.
	periods.forEach((period, i) => {
		body += `<text x="${p(xOf(i, n, dir))}" y="${PLOT_TOP + PLOT_H + 17}" text-anchor="middle" font-size="${SMALL}" fill="${COLOURS.muted}">${esc(fmtPeriod(period))}</text>`;
	});
	// Lines, then markers on top.
	series.forEach((s, k) => {
		const colour = seriesStroke(k);
		const dash = DASHES[k % DASHES.length];
		for (let i = 1; i < n; i++) {
			const a = s.values[i - 1];
			const b = s.values[i];
			if (typeof a !== 'number' || typeof b !== 'number' || !Number.isFinite(a) || !Number.isFinite(b)) continue;
			body += `<line x1="${p(xOf(i - 1, n, dir))}" y1="${yOf(a).toFixed(1)}" x2="${p(xOf(i, n, dir))}" y2="${yOf(b).toFixed(1)}" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
		}
	});
	series.forEach((s, k) => {
		s.values.forEach((v, i) => {
			if (typeof v !== 'number' || !Number.isFinite(v)) return;
			body += `<use href="#${prefix}-m${k}" x="${p(xOf(i, n, dir))}" y="${yOf(v).toFixed(1)}"/>`;
		});
	});
	// Legend: marker, line sample and name for each series, one per row, at the start edge.
	let y = PLOT_TOP + PLOT_H + AXIS + 8;
	series.forEach((s, k) => {
		const colour = seriesStroke(k);
		const dash = DASHES[k % DASHES.length];
		// A nested svg pinned to the start edge holds the 28-pixel sample (percentages cannot be offset by pixels).
		const edge = dir === 'rtl' ? '100%' : '0';
		const sign = dir === 'rtl' ? -1 : 1;
		body += `<svg x="${edge}" y="${y}" width="1" height="1" overflow="visible">` +
			`<line x1="${2 * sign}" x2="${30 * sign}" y1="6" y2="6" stroke="${colour}" stroke-width="2.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>` +
			`<use href="#${prefix}-m${k}" x="${16 * sign}" y="6"/>` +
			`<text x="${38 * sign}" y="11" direction="${dir}" text-anchor="start" fill="${COLOURS.text}">${esc(s.name)}</text></svg>`;
		y += LEGEND_ROW;
	});
	return shell(options, y + 4, body, 'chart-trend');
}
