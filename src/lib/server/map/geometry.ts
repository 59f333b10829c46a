// Map geometry: the world-atlas topology read once, projected with Equal Earth per viewBox width,
// simplified on shared arcs, rounded and cached as path strings; positions for places too small
// for the 1:110m data. How and why: the comment at the top of index.ts.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoContext, type GeoProjection } from 'd3-geo';
import countries from 'i18n-iso-countries';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';


export const DEFAULT_WIDTH = 960;
export const MIN_WIDTH = 200;
export const MAX_WIDTH = 4000;
/** Simplification tolerance, in viewBox units at width 960 (scaled with the width). */
const TOLERANCE_960 = 0.8;
/** Islands (exterior rings) smaller than this, in square units at width 960, are dropped. */
const MIN_RING_AREA_960 = 1.5;
/** A country whose whole drawn area is below this (square units at 960) also gets a circle. */
const TINY_COUNTRY_AREA_960 = 5;
/** Circle radius in viewBox units (not scaled with the width, like the legend and the page CSS). */
const MARKER_RADIUS = 3;

const ANTARCTICA_ID = '010';

/**
 * Positions [longitude, latitude] of places that have an ISO code but no feature of their own in
 * either world-atlas countries-110m or countries-50m (Natural Earth folds them into another
 * country or leaves them out). Only used to place a circle when such a code is in the data.
 * US Minor Outlying Islands (UM) are too scattered for one point and are left out.
 */
const EXTRA_POSITIONS: Readonly<Record<string, readonly [number, number]>> = {
	BQ: [-68.26, 12.18], // Caribbean Netherlands (Bonaire)
	BV: [3.36, -54.42], // Bouvet Island
	CC: [96.87, -12.16], // Cocos (Keeling) Islands
	CX: [105.69, -10.45], // Christmas Island
	GF: [-53.13, 3.93], // French Guiana
	GI: [-5.35, 36.14], // Gibraltar
	GP: [-61.55, 16.25], // Guadeloupe
	MQ: [-61.02, 14.64], // Martinique
	RE: [55.54, -21.12], // Réunion
	SJ: [16.5, 78.6], // Svalbard and Jan Mayen (Spitsbergen)
	TK: [-171.85, -9.2], // Tokelau
	TV: [179.19, -8.52], // Tuvalu (Funafuti)
	XK: [20.9, 42.6], // Kosovo (its world-atlas feature has no ISO id)
	YT: [45.15, -12.83] // Mayotte
};

// ---------------------------------------------------------------------------------------------
// Data loading (fs, at first use, cached)

const requireHere = createRequire(import.meta.url);

function readAtlas(file: 'countries-110m.json' | 'countries-50m.json'): Topology {
	const path = requireHere.resolve(`world-atlas/${file}`);
	return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

/** ISO numeric id ("404") -> alpha-2 ("KE"), or null for features without a usable id. */
function alpha2Of(id: unknown): string | null {
	if (typeof id !== 'string' && typeof id !== 'number') return null;
	const numeric = String(id);
	if (!/^\d{1,3}$/.test(numeric)) return null;
	const code = countries.numericToAlpha2(numeric.padStart(3, '0'));
	return typeof code === 'string' && /^[A-Z]{2}$/.test(code) ? code : null;
}

let topology110: Topology | undefined;
function countries110(): Topology {
	return (topology110 ??= readAtlas('countries-110m.json'));
}

/** [lon, lat] of codes absent from countries-110m, from countries-50m and EXTRA_POSITIONS. Computed once. */
let fallbackPositions: Map<string, readonly [number, number]> | undefined;
function positionsOfMissing(present: ReadonlySet<string>): Map<string, readonly [number, number]> {
	if (fallbackPositions) return fallbackPositions;
	const out = new Map<string, readonly [number, number]>();
	try {
		const t50 = readAtlas('countries-50m.json');
		const collection = t50.objects.countries as GeometryCollection;
		for (const g of collection.geometries) {
			const code = alpha2Of(g.id);
			if (!code || present.has(code) || out.has(code)) continue;
			const f = feature(t50, g as GeometryObject) as Feature<Geometry>;
			const c = centroidOfLargestPart(f.geometry);
			if (c) out.set(code, c);
		}
	} catch {
		// No 50m file (or unreadable): fall back to the table only; affected codes are skipped.
	}
	for (const [code, pos] of Object.entries(EXTRA_POSITIONS)) {
		if (!present.has(code) && !out.has(code)) out.set(code, pos);
	}
	fallbackPositions = out;
	return out;
}

/** Spherical centroid of the largest polygon (so an archipelago's marker sits on land). */
function centroidOfLargestPart(geometry: Geometry | null): [number, number] | null {
	if (!geometry) return null;
	let parts: Polygon[] = [];
	if (geometry.type === 'Polygon') parts = [geometry];
	else if (geometry.type === 'MultiPolygon')
		parts = (geometry as MultiPolygon).coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
	else return null;
	let best: Polygon | null = null;
	let bestArea = -1;
	for (const p of parts) {
		const a = geoArea(p);
		if (a > bestArea) {
			bestArea = a;
			best = p;
		}
	}
	if (!best) return null;
	const c = geoCentroid(best);
	return Number.isFinite(c[0]) && Number.isFinite(c[1]) ? [c[0], c[1]] : null;
}

// ---------------------------------------------------------------------------------------------
// Geometry, computed once per width

interface Shape {
	/** alpha-2 code, or null for features without an ISO id (always background). */
	code: string | null;
	/** SVG path data. */
	d: string;
	/** Set for countries too small to see or click: centre of the circle drawn on top. */
	marker?: { cx: string; cy: string };
}

interface MapGeometry {
	width: number;
	/** Height of the map area (the legend goes below). */
	mapHeight: number;
	shapes: Shape[];
	byCode: Map<string, Shape>;
	projection: GeoProjection;
	/** Marker positions (formatted cx, cy) of codes without a shape, filled lazily. */
	markers: Map<string, { cx: string; cy: string } | null>;
	radius: string;
}

const geometryCache = new Map<number, MapGeometry>();

export function getGeometry(width: number): MapGeometry {
	let g = geometryCache.get(width);
	if (!g) {
		g = buildGeometry(width);
		if (geometryCache.size >= 8) geometryCache.clear(); // only a handful of widths are ever used
		geometryCache.set(width, g);
	}
	return g;
}

/** Decodes (possibly quantized, delta-encoded) TopoJSON arcs to absolute [lon, lat] positions. */
function decodeArcs(t: Topology): [number, number][][] {
	const tr = t.transform;
	return t.arcs.map((arc) => {
		if (!tr) return arc.map((p) => [p[0], p[1]] as [number, number]);
		const [sx, sy] = tr.scale;
		const [tx, ty] = tr.translate;
		let x = 0;
		let y = 0;
		return arc.map((p) => {
			x += p[0];
			y += p[1];
			return [x * sx + tx, y * sy + ty] as [number, number];
		});
	});
}

/** Douglas–Peucker on the projected points of one arc; returns the kept [lon, lat] positions. */
function simplifyArc(points: [number, number][], projection: GeoProjection, tolerance: number): [number, number][] {
	const n = points.length;
	if (n <= 2) return points;
	const xy = points.map((p) => projection(p) ?? [NaN, NaN]);
	const keep = new Uint8Array(n);
	keep[0] = 1;
	keep[n - 1] = 1;
	const stack: number[] = [0, n - 1];
	while (stack.length) {
		const b = stack.pop()!;
		const a = stack.pop()!;
		if (b <= a + 1) continue;
		const [ax, ay] = xy[a];
		const [bx, by] = xy[b];
		const dx = bx - ax;
		const dy = by - ay;
		const len = Math.hypot(dx, dy);
		let maxD = -1;
		let maxI = -1;
		for (let i = a + 1; i < b; i++) {
			const [px, py] = xy[i];
			const d = len === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * px - dx * py + bx * ay - by * ax) / len;
			// NaN (unprojectable point) is kept to be safe
			if (!(d <= maxD)) {
				maxD = Number.isNaN(d) ? Infinity : d;
				maxI = i;
			}
		}
		// Closed arcs (a ring on its own: a === b in space) always keep their farthest point.
		if (maxD > tolerance || (len === 0 && a === 0 && b === n - 1)) {
			keep[maxI] = 1;
			stack.push(a, maxI, maxI, b);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}

type Ring = number[]; // flat [x0, y0, x1, y1, ...] in tenths of a unit

function signedArea(r: Ring): number {
	let s = 0;
	const n = r.length;
	for (let i = 0; i < n; i += 2) {
		const j = (i + 2) % n;
		s += r[i] * r[j + 1] - r[j] * r[i + 1];
	}
	return s / 200; // tenths² -> units², halved
}

/** Collects projected rings (rounded to tenths) through a d3 path context. */
function projectRings(f: Feature, path: ReturnType<typeof geoPath>): Ring[] {
	const rings: Ring[] = [];
	let cur: Ring = [];
	const push = (x: number, y: number) => {
		const rx = Math.round(x * 10);
		const ry = Math.round(y * 10);
		const n = cur.length;
		if (n >= 2 && cur[n - 2] === rx && cur[n - 1] === ry) return;
		cur.push(rx, ry);
	};
	const context: GeoContext = {
		moveTo(x: number, y: number) {
			cur = [];
			rings.push(cur);
			push(x, y);
		},
		lineTo: push,
		beginPath() {},
		closePath() {},
		arc() {}
	};
	path.context(context)(f);
	path.context(null);
	const out: Ring[] = [];
	for (const r of rings) {
		const n = r.length;
		if (n >= 4 && r[0] === r[n - 2] && r[1] === r[n - 1]) r.length = n - 2; // drop the closing point
		if (r.length >= 6) out.push(r);
	}
	return out;
}

/** Number in tenths -> shortest decimal text ("12", "1.5", ".5", "-.5"). */
export function fmt(tenths: number): string {
	if (tenths === 0) return '0';
	const neg = tenths < 0;
	const a = neg ? -tenths : tenths;
	const whole = Math.floor(a / 10);
	const frac = a % 10;
	const s = frac === 0 ? String(whole) : (whole === 0 ? '' : String(whole)) + '.' + frac;
	return neg ? '-' + s : s;
}

/** Joins numbers of path data, with a separator only where the grammar needs one. */
function joinNumbers(nums: string[]): string {
	let d = '';
	let prevHasDot = false;
	for (let i = 0; i < nums.length; i++) {
		const n = nums[i];
		// "-" always starts a new number; ".5" may follow a number that already has a point ("1.2.5").
		if (i > 0 && n[0] !== '-' && !(n[0] === '.' && prevHasDot)) d += ' ';
		d += n;
		prevHasDot = n.includes('.');
	}
	return d;
}

/** Rings -> compact path data: absolute first move, relative moves and lines, one decimal. */
function ringsToPath(rings: Ring[]): string {
	let d = '';
	let startX = 0;
	let startY = 0;
	rings.forEach((r, k) => {
		const x0 = r[0];
		const y0 = r[1];
		d += k === 0 ? 'M' + joinNumbers([fmt(x0), fmt(y0)]) : 'm' + joinNumbers([fmt(x0 - startX), fmt(y0 - startY)]);
		startX = x0;
		startY = y0;
		const deltas: string[] = [];
		for (let i = 2; i < r.length; i += 2) deltas.push(fmt(r[i] - r[i - 2]), fmt(r[i + 1] - r[i - 1]));
		d += 'l' + joinNumbers(deltas) + 'z';
	});
	return d;
}

function buildGeometry(width: number): MapGeometry {
	const source = countries110();
	const collection = source.objects.countries as GeometryCollection;
	const geometries = collection.geometries.filter((g) => String(g.id) !== ANTARCTICA_ID);
	const scale = width / DEFAULT_WIDTH;

	// Fit the projection on the original (unsimplified) shapes.
	const original = feature(source, { type: 'GeometryCollection', geometries } as GeometryCollection) as FeatureCollection;
	const projection = geoEqualEarth().fitWidth(width, original);
	projection.precision(TOLERANCE_960 * scale);

	// Simplify the shared arcs once, so neighbours keep identical borders.
	const tolerance = TOLERANCE_960 * scale;
	const arcs = decodeArcs(source).map((a) => simplifyArc(a, projection, tolerance));
	const simplified: Topology = { type: 'Topology', arcs, objects: {} } as unknown as Topology;

	const path = geoPath(projection);
	const minRing = MIN_RING_AREA_960 * scale * scale;
	const tinyCountry = TINY_COUNTRY_AREA_960 * scale * scale;
	const shapes: Shape[] = [];
	const byCode = new Map<string, Shape>();
	let maxY = 0;

	for (const g of geometries) {
		const f = feature(simplified, g as GeometryObject) as Feature;
		let rings = projectRings(f, path);
		if (!rings.length) continue;
		// Exterior rings share the orientation of the largest ring; holes have the other one.
		const areas = rings.map(signedArea);
		let largest = 0;
		for (let i = 1; i < areas.length; i++) if (Math.abs(areas[i]) > Math.abs(areas[largest])) largest = i;
		const outerSign = Math.sign(areas[largest]);
		rings = rings.filter((_, i) => i === largest || Math.sign(areas[i]) !== outerSign || Math.abs(areas[i]) >= minRing);
		for (const r of rings) for (let i = 1; i < r.length; i += 2) if (r[i] > maxY) maxY = r[i];

		const code = alpha2Of(g.id);
		const shape: Shape = { code: code && !byCode.has(code) ? code : null, d: ringsToPath(rings) };
		let drawnArea = 0;
		for (const r of rings) {
			const a = signedArea(r);
			if (Math.sign(a) === outerSign) drawnArea += Math.abs(a);
		}
		if (shape.code && drawnArea < tinyCountry) {
			const c = path.centroid(f);
			if (Number.isFinite(c[0]) && Number.isFinite(c[1])) shape.marker = { cx: fmt(Math.round(c[0] * 10)), cy: fmt(Math.round(c[1] * 10)) };
		}
		shapes.push(shape);
		if (shape.code) byCode.set(shape.code, shape);
	}

	return {
		width,
		mapHeight: Math.ceil(maxY / 10 + 1),
		shapes,
		byCode,
		projection,
		markers: new Map(),
		radius: fmt(MARKER_RADIUS * 10)
	};
}

/** Circle centre for a code that has no shape in the 110m data, or null if unknown. */
export function markerFor(geo: MapGeometry, code: string): { cx: string; cy: string } | null {
	let m = geo.markers.get(code);
	if (m !== undefined) return m;
	const pos = positionsOfMissing(new Set(geo.byCode.keys())).get(code);
	const xy = pos ? geo.projection([pos[0], pos[1]]) : null;
	// Kept inside the viewBox (Tuvalu and Tokelau sit right at the antimeridian).
	const clamp = (v: number, max: number) => Math.round(Math.min(max - MARKER_RADIUS, Math.max(MARKER_RADIUS, v)) * 10);
	m = xy && Number.isFinite(xy[0]) && Number.isFinite(xy[1]) ? { cx: fmt(clamp(xy[0], geo.width)), cy: fmt(clamp(xy[1], geo.mapHeight)) } : null;
	geo.markers.set(code, m);
	return m;
}
