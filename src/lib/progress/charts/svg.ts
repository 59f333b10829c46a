/**
 * Shared pieces of the progress charts: escaping, the accessible <svg> shell, fill patterns and
 * number formatting. Pure functions, no DOM: the charts are strings rendered on the server.
 *
 * Layout trick used by every chart: horizontal positions are percentages of the chart's width
 * and vertical ones are pixels. The svg has width="100%" and a fixed pixel height, no viewBox,
 * so text stays at its real size (14 px) on a 320 px phone and on a wide screen alike, and only
 * the bars stretch. Each label sits on its own line above its bar, so nothing overlaps at any
 * width. Right-to-left pages mirror the x axis (bars grow from the right).
 *
 * Colours are presentation attributes (fill="#..."), not style attributes: they are allowed by
 * our CSP (style-src 'self'), and the same SVG reads correctly when embedded in the PDF report.
 * No meaning is carried by colour alone: every bar has its value written beside its label, and
 * series are told apart by patterns and by name.
 */
import { escapeXml } from '../../markup';

export type Dir = 'ltr' | 'rtl';

export interface ChartBase {
	/** Short accessible name (<title>). */
	title: string;
	/** Longer accessible description (<desc>): what the chart shows, in a sentence or two. */
	desc: string;
	/** Text direction of the page; 'rtl' mirrors the x axis and anchors text on the right. */
	dir?: Dir;
	/** Formats numbers for the reader's locale (default: Intl in English, no decimals). */
	format?: (n: number) => string;
	/** Unique prefix for ids inside the svg (title, desc, patterns). Required when a page has several charts. */
	id: string;
}

/** Escapes text for SVG text content and attribute values (and drops characters XML forbids). */
export const esc = escapeXml;

/** Keeps ids to a safe alphabet so they can be referenced in url(#...) and aria-labelledby. */
export function safeId(id: string): string {
	const s = String(id ?? '').replace(/[^A-Za-z0-9_-]/g, '-');
	return /^[A-Za-z]/.test(s) ? s : `c-${s}`;
}

/** A number formatter for a locale: whole numbers (scores are shown 0-100 without decimals). */
export function numberFormat(locale: string, digits = 0): (n: number) => string {
	const f = new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
	return (n: number) => f.format(n);
}

/** Formats a year (period) without grouping separators: 2025, not 2,025. */
export function yearFormat(locale: string): (n: number) => string {
	const f = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
	return (n: number) => f.format(n);
}

export const defaultFormat = numberFormat('en');

/** Rounds to 2 decimals and prints without trailing zeros (for percentages in attributes). */
export function pct(v: number): string {
	const r = Math.round(Math.min(100, Math.max(0, v)) * 100) / 100;
	return `${r}%`;
}

/** x position (percentage of width) of a point at `v` percent from the start edge. */
export function xAt(v: number, dir: Dir): string {
	return pct(dir === 'rtl' ? 100 - v : v);
}

/** A bar from the start edge covering `v` percent (0-100) of the width, mirrored in RTL. */
export function bar(v: number, y: number, h: number, fill: string, dir: Dir, stroke?: string): string {
	const w = Math.min(100, Math.max(0, v));
	const x = dir === 'rtl' ? 100 - w : 0;
	const line = stroke ? ` stroke="${stroke}" stroke-width="1"` : '';
	return `<rect x="${pct(x)}" y="${y}" width="${pct(w)}" height="${h}" fill="${fill}"${line}/>`;
}

/** The light full-width track behind a bar (shows where 100 lies). */
export function track(y: number, h: number): string {
	return `<rect x="0" y="${y}" width="100%" height="${h}" fill="${COLOURS.track}"/>`;
}

export const COLOURS = {
	text: '#1a1a1a',
	muted: '#575757',
	track: '#e3e8ef',
	grid: '#b8c0c8',
	/** Series fills: dark enough for 3:1 against white and against the track (WCAG 1.4.11). */
	series: ['#0b5cad', '#8a3b00', '#1e6b34', '#6b2c91', '#7a5d00', '#00676b', '#9c1d4d', '#404040']
} as const;

export const FONT = 14;
export const SMALL = 12;

/**
 * Fill patterns for series, so bars can be told apart without colour: solid, diagonal hatch,
 * dots, horizontal lines, cross-hatch, vertical lines, back-diagonal, checks (then they repeat).
 */
export function patternDefs(prefix: string, count: number): string {
	let out = '';
	for (let i = 0; i < count; i++) {
		const c = COLOURS.series[i % COLOURS.series.length];
		const kind = i % 8;
		const id = `${prefix}-p${i}`;
		if (kind === 0) continue; // solid: no pattern
		let body = '';
		switch (kind) {
			case 1:
				body = `<path d="M0 8L8 0M-2 2L2 -2M6 10L10 6" stroke="${c}" stroke-width="2.5"/>`;
				break;
			case 2:
				body = `<circle cx="4" cy="4" r="2.2" fill="${c}"/>`;
				break;
			case 3:
				body = `<path d="M0 2H8M0 6H8" stroke="${c}" stroke-width="2"/>`;
				break;
			case 4:
				body = `<path d="M0 8L8 0M0 0L8 8" stroke="${c}" stroke-width="1.8"/>`;
				break;
			case 5:
				body = `<path d="M2 0V8M6 0V8" stroke="${c}" stroke-width="2"/>`;
				break;
			case 6:
				body = `<path d="M0 0L8 8M-2 6L2 10M6 -2L10 2" stroke="${c}" stroke-width="2.5"/>`;
				break;
			default:
				body = `<rect width="4" height="4" fill="${c}"/><rect x="4" y="4" width="4" height="4" fill="${c}"/>`;
		}
		out += `<pattern id="${id}" width="8" height="8" patternUnits="userSpaceOnUse"><rect width="8" height="8" fill="#fff"/>${body}</pattern>`;
	}
	return out ? `<defs>${out}</defs>` : '';
}

/** Fill for series i: solid colour for the first, a pattern for the others. */
export function seriesFill(prefix: string, i: number): string {
	return i % 8 === 0 ? COLOURS.series[i % COLOURS.series.length] : `url(#${prefix}-p${i})`;
}

/** Stroke colour of series i (outline of patterned bars, lines of the trend chart). */
export function seriesStroke(i: number): string {
	return COLOURS.series[i % COLOURS.series.length];
}

/**
 * The accessible shell: role="img" with <title> and <desc> referenced by aria-labelledby /
 * aria-describedby. The text inside is for sighted readers; the page gives the same numbers in a
 * data table beside the chart.
 */
export function shell(base: ChartBase, height: number, body: string, className: string): string {
	const id = safeId(base.id);
	const dir = base.dir === 'rtl' ? 'rtl' : 'ltr';
	return (
		`<svg xmlns="http://www.w3.org/2000/svg" class="chart ${esc(className)}" width="100%" height="${Math.ceil(height)}" role="img" ` +
		`aria-labelledby="${id}-title" aria-describedby="${id}-desc" direction="${dir}" font-size="${FONT}" focusable="false">` +
		`<title id="${id}-title">${esc(base.title)}</title><desc id="${id}-desc">${esc(base.desc)}</desc>` +
		body +
		'</svg>'
	);
}

/**
 * A text line anchored at the start edge (left in LTR, right in RTL), or at the end edge.
 * `direction` is set on the element so the bidi algorithm orders mixed text correctly.
 */
export function textLine(text: string, y: number, opts: { dir: Dir; edge?: 'start' | 'end'; at?: number; size?: number; weight?: 'bold'; fill?: string } ): string {
	const edge = opts.edge ?? 'start';
	// Position measured from the start edge in percent.
	const from = opts.at ?? (edge === 'start' ? 0 : 100);
	const x = xAt(from, opts.dir);
	// With direction set, text-anchor start/end follow the writing direction.
	const anchor = edge === 'start' ? 'start' : 'end';
	const size = opts.size && opts.size !== FONT ? ` font-size="${opts.size}"` : '';
	const weight = opts.weight ? ` font-weight="${opts.weight}"` : '';
	return `<text x="${x}" y="${y}" direction="${opts.dir}" text-anchor="${anchor}" fill="${opts.fill ?? COLOURS.text}"${size}${weight}>${esc(text)}</text>`;
}
