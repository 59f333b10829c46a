// Map rendering: data -> the SVG string (country paths in bucket classes, links, titles, markers
// for small places, the legend). Only class names carry colour: the page CSS styles them.
import countries from 'i18n-iso-countries';
import { DEFAULT_WIDTH, MAX_WIDTH, MIN_WIDTH, fmt, getGeometry, markerFor } from './geometry';
import { escapeXml } from '../../markup';

export { escapeXml };

export interface MapDatum {
	/** ISO 3166-1 alpha-2 code (case-insensitive; invalid codes are ignored). */
	code: string;
	/** Value to classify; null means "in the data but no value" (noDataClass). */
	value: number | null;
	/** Accessible name, e.g. "Kenya: 4 services" (used for <title> and the link's aria-label). */
	label: string;
	/** Link target; the country becomes an <a> element, keyboard-focusable. */
	href?: string;
	/** A class that replaces the bucket (e.g. demonstration data, which is not a real value); list it in `extraLegend`. */
	className?: string;
}

export interface MapOptions {
	/**
	 * Class buckets: a value goes to the bucket with the greatest `min` <= value (list them
	 * ascending by min). A value below every `min`, or not finite, is treated as no data.
	 */
	buckets: { min: number; className: string; legend: string }[];
	/** Class for countries in the data whose value is null (default 'map-none'). */
	noDataClass?: string;
	/** Legend text for noDataClass. */
	noDataLegend: string;
	/** Optional legend entry for countries not in the data (class 'map-bg'); none if omitted. */
	backgroundLegend?: string;
	/** Further legend entries, after the buckets (e.g. a class given through `MapDatum.className`). */
	extraLegend?: { className: string; legend: string }[];
	/**
	 * 'svg' (default): the legend is drawn under the map, inside the SVG, so it scales with it;
	 * 'html': no legend in the SVG: the page shows `renderLegendList(options)` (readable on a phone,
	 * where a 960-unit-wide map shrinks 12-unit legend text to a few pixels).
	 */
	legend?: 'svg' | 'html';
	/** <title> of the svg (its accessible name). */
	title: string;
	/** id of the <title> element, referenced by aria-labelledby (default 'map-title'). Must be unique on the page. */
	titleId?: string;
	/** viewBox width (default 960); the height follows from the projection plus the legend. */
	width?: number;
	/** alpha-2 code to outline: its element gets the extra class 'map-highlight' and is drawn last. */
	highlight?: string;
}

/** Class of countries that are not in the data (and of features without an ISO code). */
export const BACKGROUND_CLASS = 'map-bg';
export const DEFAULT_NO_DATA_CLASS = 'map-none';
export const HIGHLIGHT_CLASS = 'map-highlight';

// ---------------------------------------------------------------------------------------------
// Rendering

/** Link targets are escaped; script-running schemes are dropped (the country is then not a link). */
function safeHref(href: string | undefined): string | null {
	if (typeof href !== 'string' || href === '') return null;
	const squashed = href.replace(/[\u0000-\u0020]/g, '').toLowerCase();
	if (/^(javascript|vbscript|data):/.test(squashed)) return null;
	return href;
}

function bucketClass(value: number | null, options: MapOptions, noDataClass: string): string {
	return classifyValue(value, options.buckets, noDataClass);
}

/**
 * The class a value gets on the map: the bucket with the greatest `min` <= value, or `noDataClass`
 * for null, non-finite values and values below every bucket. Exported so a page can colour its
 * data table or legend exactly as the map does (progress dashboards use it for tiers).
 */
export function classifyValue(value: number | null | undefined, buckets: readonly { min: number; className: string }[], noDataClass: string = DEFAULT_NO_DATA_CLASS): string {
	if (value === null || value === undefined || typeof value !== 'number' || !Number.isFinite(value)) return noDataClass;
	let best: { min: number; className: string } | null = null;
	for (const b of buckets) if (value >= b.min && (!best || b.min >= best.min)) best = b;
	return best ? best.className : noDataClass;
}

interface Entry {
	code: string;
	className: string;
	label: string;
	href: string | null;
}

/** The element(s) of one country, with its <title>, wrapped in a link when it has an href. */
function countryElement(entry: Entry, parts: string[]): string {
	const title = `<title>${escapeXml(entry.label)}</title>`;
	if (entry.href !== null) return `<a href="${escapeXml(entry.href)}" aria-label="${escapeXml(entry.label)}">${title}${parts.join('')}</a>`;
	if (parts.length === 1) return parts[0].replace(/\/>$/, `>${title}</${parts[0].startsWith('<path') ? 'path' : 'circle'}>`);
	return `<g>${title}${parts.join('')}</g>`;
}

function classOf(entry: Entry, highlight: string | null): string {
	return escapeXml(entry.code === highlight ? `${entry.className} ${HIGHLIGHT_CLASS}` : entry.className);
}

/** Rough text width for legend layout (the page CSS sets legend text to 12px). */
function textWidth(text: string, fontSize: number): number {
	let w = 0;
	for (const ch of text) {
		const c = ch.codePointAt(0)!;
		w += c >= 0x1100 ? fontSize : c === 32 ? fontSize * 0.3 : fontSize * 0.58;
	}
	return w;
}

/**
 * Legend below the map. Sizes are in viewBox units, not scaled with the width, to match the page
 * CSS (`.world-map text { font-size: 12px }` is 12 units): a narrower viewBox gives relatively
 * larger text.
 */
function renderLegend(items: { className: string; text: string }[], width: number, top: number): { svg: string; height: number } {
	const font = 12;
	const pad = 8;
	const swatch = 12;
	const gap = 4;
	const itemGap = 16;
	const row = 20;
	let x = pad;
	let y = top + pad;
	let svg = '<g class="map-legend">';
	for (const item of items) {
		const w = swatch + gap + textWidth(item.text, font);
		if (x > pad && x + w > width - pad) {
			x = pad;
			y += row;
		}
		const n = (v: number) => fmt(Math.round(v * 10));
		svg += `<rect class="${escapeXml(item.className)}" x="${n(x)}" y="${n(y + (row - swatch) / 2 - 2)}" width="${n(swatch)}" height="${n(swatch)}"/>`;
		svg += `<text x="${n(x + swatch + gap)}" y="${n(y + row / 2 + 2)}">${escapeXml(item.text)}</text>`;
		x += w + itemGap;
	}
	svg += '</g>';
	return { svg, height: Math.ceil(y + row + pad - top) };
}

/**
 * Renders the world map as one SVG string.
 *
 * - Countries in `data` get their bucket class (or noDataClass for null), a <title> with the label,
 *   and, with `href`, an <a href aria-label> around them.
 * - Every other country, and map features without an ISO code, get class 'map-bg'.
 * - Codes too small for the 1:110m map are drawn as circles (when in `data`).
 * - The root has role="img" when nothing is a link; with links it has role="group" instead,
 *   because role="img" would hide the links from assistive technology.
 */
export function renderWorldMap(data: MapDatum[], options: MapOptions): string {
	const width = normaliseWidth(options.width);
	const geo = getGeometry(width);
	const noDataClass = options.noDataClass || DEFAULT_NO_DATA_CLASS;
	const highlight = typeof options.highlight === 'string' ? options.highlight.toUpperCase() : null;
	const titleId = options.titleId || 'map-title';

	// First entry per valid code wins; order of `data` is the keyboard order.
	const entries = new Map<string, Entry>();
	for (const datum of data ?? []) {
		if (!datum || typeof datum.code !== 'string') continue;
		const code = datum.code.toUpperCase();
		if (!/^[A-Z]{2}$/.test(code) || entries.has(code)) continue;
		entries.set(code, {
			code,
			className: typeof datum.className === 'string' && datum.className ? datum.className : bucketClass(datum.value, options, noDataClass),
			label: String(datum.label ?? ''),
			href: safeHref(datum.href)
		});
	}

	const background: string[] = [];
	const filled: string[] = [];
	const onTop: string[] = [];
	let highlighted = '';
	let anyLink = false;

	for (const shape of geo.shapes) {
		if (shape.code && entries.has(shape.code)) continue;
		if (shape.code !== null && shape.code === highlight) highlighted = `<path class="${BACKGROUND_CLASS} ${HIGHLIGHT_CLASS}" d="${shape.d}"/>`;
		else background.push(`<path class="${BACKGROUND_CLASS}" d="${shape.d}"/>`);
	}
	for (const entry of entries.values()) {
		const shape = geo.byCode.get(entry.code);
		const cls = classOf(entry, highlight);
		const circle = (m: { cx: string; cy: string }) => `<circle class="${cls}" cx="${m.cx}" cy="${m.cy}" r="${geo.radius}"/>`;
		let parts: string[];
		let top = true;
		if (shape && !shape.marker) {
			parts = [`<path class="${cls}" d="${shape.d}"/>`];
			top = false;
		} else if (shape && shape.marker) {
			// Tiny country: its outline plus a circle, both drawn on top so neither is covered.
			parts = [`<path class="${cls}" d="${shape.d}"/>`, circle(shape.marker)];
		} else {
			const m = markerFor(geo, entry.code);
			if (!m) continue; // no known position: skipped
			parts = [circle(m)];
		}
		const svg = countryElement(entry, parts);
		if (entry.href !== null) anyLink = true;
		if (entry.code === highlight) highlighted = svg;
		else (top ? onTop : filled).push(svg);
	}

	const legend = options.legend === 'html' ? { svg: '', height: 0 } : renderLegend(legendItems(options), width, geo.mapHeight);
	const height = geo.mapHeight + legend.height;

	return (
		`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="${anyLink ? 'group' : 'img'}" aria-labelledby="${escapeXml(titleId)}" class="world-map" focusable="false">` +
		`<title id="${escapeXml(titleId)}">${escapeXml(options.title)}</title>` +
		`<g class="map-countries">${background.join('')}${filled.join('')}${onTop.join('')}${highlighted}</g>` +
		legend.svg +
		'</svg>'
	);
}

/** The legend's entries in order: buckets, extra classes, no data, then background when named. */
export function legendItems(options: MapOptions): { className: string; text: string }[] {
	const items = options.buckets.map((b) => ({ className: b.className, text: b.legend }));
	for (const x of options.extraLegend ?? []) items.push({ className: x.className, text: x.legend });
	items.push({ className: options.noDataClass || DEFAULT_NO_DATA_CLASS, text: options.noDataLegend });
	if (options.backgroundLegend) items.push({ className: BACKGROUND_CLASS, text: options.backgroundLegend });
	return items;
}

/**
 * The legend as an HTML list for under the map (with `legend: 'html'`): text at the page's own
 * size on any screen, each entry with a swatch in the map's class (styled by `.map-swatch .cls`).
 */
export function renderLegendList(options: MapOptions): string {
	const items = legendItems(options).map(
		(i) => `<li><svg class="map-swatch" viewBox="0 0 12 12" aria-hidden="true" focusable="false"><rect class="${escapeXml(i.className)}" width="12" height="12"/></svg>${escapeXml(i.text)}</li>`
	);
	return `<ul class="map-legend-list">${items.join('')}</ul>`;
}

function normaliseWidth(width: number | undefined): number {
	if (typeof width !== 'number' || !Number.isFinite(width)) return DEFAULT_WIDTH;
	return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width)));
}
