// Open data: published progress values as observations keyed by where, what and when, written as
// SDMX-CSV 2.0, plain CSV and JSON. Only published (validated) values; a hidden (aggregate-only)
// indicator never appears for its country, only inside regional and world aggregates; suppressed
// aggregates (fewer than three countries) are left out. Demo rows carry OBS_STATUS "DEMO". On a
// federation hub a member's figures carry their source (the member's address) in a column of their own.
import type { Db, Tx } from '../db';
import { isCountryCode, isRegionId, REGIONS, type RegionId } from '../../geo';
import { PILLARS } from '../../progress/model';
import { ValidationError } from '../platform/errors';
import * as cache from '../platform/cache';
import { publishedAggregates, publishedCountryResults } from './queries';
import { latestPublishedVersion } from './framework';

export const SDMX = { agency: 'COP', dataflow: 'DF_COP_PROGRESS', version: '1.0' } as const;
export const STRUCTURE_ID = `${SDMX.agency}:${SDMX.dataflow}(${SDMX.version})`;
export const WORLD_CODE = 'WLD';
export const regionCode = (r: RegionId) => `ITU_${r.toUpperCase()}`;
const REGION_BY_CODE = new Map(REGIONS.map((r) => [regionCode(r), r]));

/** SDMX ids allow letters, digits, _ @ $ -: framework ids (legal.csam_offences) become LEGAL_CSAM_OFFENCES. */
export const indicatorCode = (id: string) => id.toUpperCase().replace(/[^A-Z0-9_]/g, '_');

export interface Observation {
	refArea: string;
	refAreaType: 'country' | 'region' | 'world';
	indicator: string;
	/** the framework id behind the code (indicator id, pillar id, "overall", "tier", "countries") */
	measure: string;
	timePeriod: number;
	value: number;
	unit: 'SCORE' | 'TIER' | 'COUNT';
	obsStatus: 'A' | 'DEMO';
	validationStatus: 'validated';
	frameworkVersion: number;
	demo: boolean;
	/** the address of the national instance a federated figure comes from; null for this instance's own and for aggregates */
	source: string | null;
}

export interface ObservationQuery {
	period?: number;
	refArea?: string;
	version?: number;
}

/** Reads ?period, ?ref_area (ISO2, ITU_<REGION> or WLD) and ?version; anything else is a 400. */
export function readObservationQuery(url: URL): ObservationQuery {
	const q: ObservationQuery = {};
	const period = url.searchParams.get('period');
	if (period !== null) {
		if (!/^\d{4}$/.test(period)) throw new ValidationError({ period: 'progress_period_invalid' });
		q.period = Number(period);
	}
	const area = url.searchParams.get('ref_area');
	if (area !== null) {
		const a = area.toUpperCase();
		if (a !== WORLD_CODE && !REGION_BY_CODE.has(a) && !isCountryCode(a)) throw new ValidationError({ ref_area: 'progress_ref_area_invalid' });
		q.refArea = a;
	}
	const version = url.searchParams.get('version');
	if (version !== null) {
		if (!/^\d{1,6}$/.test(version)) throw new ValidationError({ version: 'progress_version_invalid' });
		q.version = Number(version);
	}
	return q;
}

/** Every published observation matching the query, countries first, then regions, then the world. */
export async function observations(d: Db | Tx, q: ObservationQuery = {}): Promise<Observation[]> {
	const version = q.version ?? (await latestPublishedVersion(d));
	if (version === null) return [];
	const out: Observation[] = [];
	const base = (demo: boolean, source: string | null = null) => ({ obsStatus: demo ? ('DEMO' as const) : ('A' as const), validationStatus: 'validated' as const, frameworkVersion: version, demo, source });
	const area = q.refArea;
	const wantCountry = !area || isCountryCode(area);
	if (wantCountry) {
		const results = await publishedCountryResults(d, { period: q.period, country: area, version });
		for (const r of results) {
			const push = (measure: string, indicator: string, value: number | null, unit: Observation['unit']) => {
				if (value === null) return;
				out.push({ refArea: r.country, refAreaType: 'country', indicator, measure, timePeriod: r.period, value, unit, ...base(r.demo, r.source?.url ?? null) });
			};
			push('overall', 'OVERALL', r.overall, 'SCORE');
			push('tier', 'TIER', r.tier, 'TIER');
			for (const p of PILLARS) push(p, `PILLAR_${p.toUpperCase()}`, r.pillars[p], 'SCORE');
			for (const i of r.indicators) if (!i.hidden) push(i.id, indicatorCode(i.id), i.score, 'SCORE');
		}
	}
	if (!area || !wantCountry) {
		const aggs = await publishedAggregates(d, { period: q.period, version });
		for (const a of aggs) {
			if (a.suppressed) continue;
			const code = a.scope.kind === 'world' ? WORLD_CODE : regionCode(a.scope.region);
			if (area && area !== code) continue;
			const refAreaType = a.scope.kind === 'world' ? 'world' : 'region';
			const push = (measure: string, indicator: string, value: number | null, unit: Observation['unit']) => {
				if (value === null) return;
				out.push({ refArea: code, refAreaType, indicator, measure, timePeriod: a.period, value, unit, ...base(a.demo) });
			};
			push('countries', 'COUNTRIES', a.countries, 'COUNT');
			push('overall', 'OVERALL', a.overall, 'SCORE');
			for (const p of PILLARS) push(p, `PILLAR_${p.toUpperCase()}`, a.pillars[p], 'SCORE');
		}
	}
	return out;
}

/** A CSV field: quoted when it holds a comma, quote or line break (RFC 4180). */
function field(v: string | number): string {
	const s = String(v);
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
const line = (xs: (string | number)[]) => xs.map(field).join(',') + '\r\n';

/**
 * The columns before SOURCE_INSTANCE: what every version of this export wrote (a federation hub
 * still accepts a member's snapshot in this shape).
 */
export const SDMX_HEADER_V1 = ['STRUCTURE', 'STRUCTURE_ID', 'ACTION', 'FREQ', 'REF_AREA', 'INDICATOR', 'TIME_PERIOD', 'OBS_VALUE', 'UNIT_MEASURE', 'OBS_STATUS', 'VALIDATION_STATUS'];
/**
 * SOURCE_INSTANCE is an observation-level attribute of the dataflow, so it follows the measure and
 * the other attributes; an empty cell is an attribute not reported (SDMX-CSV), here a figure of this
 * instance's own or an aggregate.
 */
export const SDMX_HEADER = [...SDMX_HEADER_V1, 'SOURCE_INSTANCE'];

/** SDMX-CSV 2.0: one row per observation, dataflow structure, action I (information). */
export function toSdmxCsv(obs: Observation[]): string {
	let s = line(SDMX_HEADER);
	for (const o of obs) s += line(['dataflow', STRUCTURE_ID, 'I', 'A', o.refArea, o.indicator, o.timePeriod, o.value, o.unit, o.obsStatus, o.validationStatus.toUpperCase(), o.source ?? '']);
	return s;
}

export const PLAIN_HEADER = ['ref_area', 'ref_area_type', 'indicator', 'measure', 'time_period', 'value', 'unit', 'validation_status', 'demo', 'framework_version', 'source'];

export function toPlainCsv(obs: Observation[]): string {
	let s = line(PLAIN_HEADER);
	for (const o of obs) s += line([o.refArea, o.refAreaType, o.indicator, o.measure, o.timePeriod, o.value, o.unit, o.validationStatus, o.demo ? 'true' : 'false', o.frameworkVersion, o.source ?? '']);
	return s;
}

/** The JSON export's body: the observations with the structure id and a note on demo data. */
export function toJson(obs: Observation[]): string {
	return JSON.stringify({
		structure: STRUCTURE_ID,
		note: "Published (validated) values only. Rows with demo=true (OBS_STATUS DEMO in SDMX) are demonstration data, not a real country's status.",
		demo: obs.some((o) => o.demo),
		data: obs
	});
}

export type ExportFormat = 'sdmx' | 'csv' | 'json';
const WRITERS: Record<ExportFormat, (obs: Observation[]) => string> = { sdmx: toSdmxCsv, csv: toPlainCsv, json: toJson };

/**
 * Made once per change of the published figures (the 'progress' counter, bumped by every
 * accept, reopen, publication and federated pull), per query and format, on each app instance;
 * a repeated download costs one read of the counter. At most 16 bodies are kept (the whole
 * export at 194 countries x 10 periods is a few MB).
 */
const exportsMemo = new cache.TagMemo<string>('progress', 16);

/** The body of an open-data export, from the memo while the published figures have not changed. */
export function exportBody(d: Db | Tx, format: ExportFormat, q: ObservationQuery = {}): Promise<string> {
	return exportsMemo.get(`${format}\u0000${JSON.stringify(q)}`, async () => WRITERS[format](await observations(d, q)));
}

export { isRegionId };
