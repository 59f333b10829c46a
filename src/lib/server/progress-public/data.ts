// Gathers what a dashboard or a status report shows, from the progress module's read API only
// (published data), for one scope (world, region, country) and one period.
import { log } from '../platform/log';
import { isCountryCode, isRegionId, REGION_OF, regionOf, REGIONS, type RegionId } from '$lib/geo';
import type { Db, Tx } from '../db';
import * as progress from '../progress';
import type { AggregateResult, CountryResult, Framework, LegalMeasure, RoadmapCompletion } from '$lib/progress/model';
import { courseCompletion, type CourseCompletion } from './courses';

export type Scope = { kind: 'world' } | { kind: 'region'; region: RegionId } | { kind: 'country'; country: string };

/** Parses a scope parameter: "world", a region id ("africa") or an ISO alpha-2 code ("KE", any case). */
export function parseScope(value: string | null | undefined): Scope | null {
	const v = (value ?? 'world').trim();
	if (v === '' || v === 'world') return { kind: 'world' };
	if (isRegionId(v)) return { kind: 'region', region: v };
	const code = v.toUpperCase();
	if (/^[A-Z]{2}$/.test(code) && isCountryCode(code)) return { kind: 'country', country: code };
	return null;
}

export function scopeParam(scope: Scope): string {
	return scope.kind === 'world' ? 'world' : scope.kind === 'region' ? scope.region : scope.country;
}

/**
 * Parses a period parameter: absent means "the latest published"; otherwise a four-digit year.
 * Returns undefined for absent, null for malformed.
 */
export function parsePeriod(value: string | null | undefined): number | undefined | null {
	if (value === null || value === undefined || value.trim() === '') return undefined;
	const v = value.trim();
	if (!/^\d{4}$/.test(v)) return null;
	return Number(v);
}

export interface ScopeData {
	scope: Scope;
	/** periods with published data, newest first */
	periods: number[];
	/** the period shown (null: nothing published at all) */
	period: number | null;
	framework: Framework | null;
	/** world + six regions for every period (trends and comparisons) */
	aggregates: AggregateResult[];
	/** published country results in scope for the period (country scope: every period of that country) */
	countries: CountryResult[];
	/** roadmap completion of the scope, and (world) of each region, (region) of each country with a roadmap */
	roadmap: RoadmapCompletion;
	roadmapParts: RoadmapCompletion[];
	/** country scope: the legal measures of the period */
	legal: LegalMeasure[];
	/** null: the learning module is not wired in */
	courses: CourseCompletion[] | null;
	/** which of the figures shown come from demonstration assessments */
	demo: DemoShown;
}

/** What a page shows that is demo data, so its banner says exactly that and no more. */
export interface DemoShown {
	/** country scope: the country's own results (any period shown) or legal measures are demo */
	own: boolean;
	/** region and world scopes: the countries shown for the period, and how many of them are demo */
	countries: number;
	demoCountries: number;
	/** the averages compared beside the scope's own figures (a country's region and the world; a region's world) include demo countries */
	compared: boolean;
	/** region and world scopes: the scope's own averages for other periods (trends) include demo countries */
	trends: boolean;
}

/** Everything a dashboard or report for `scope` needs. `period` undefined = latest published. */
export async function loadScope(d: Db | Tx, scope: Scope, period?: number): Promise<ScopeData> {
	const periods = await progress.publishedPeriods(d);
	const shown = period ?? periods[0] ?? null;
	let framework: Framework | null = null;
	try {
		framework = await progress.getFramework(d);
	} catch {
		framework = null; // nothing published yet
	}
	const aggregates = periods.length ? await progress.publishedAggregates(d) : [];
	let countries: CountryResult[] = [];
	let legal: LegalMeasure[] = [];
	let roadmapParts: RoadmapCompletion[] = [];
	let courseCountries: string[] | undefined;
	if (scope.kind === 'country') {
		countries = await progress.publishedCountryResults(d, { country: scope.country });
		if (shown !== null) legal = await progress.legalMeasures(d, { period: shown, countries: [scope.country] });
		courseCountries = [scope.country];
	} else if (shown !== null) {
		countries = await progress.publishedCountryResults(d, scope.kind === 'region' ? { period: shown, region: scope.region } : { period: shown });
	}
	const roadmap = await progress.roadmapCompletion(d, { scope: scopeParam(scope) });
	if (scope.kind === 'world') {
		roadmapParts = await Promise.all(REGIONS.map((r) => progress.roadmapCompletion(d, { scope: r })));
	} else if (scope.kind === 'region') {
		courseCountries = Object.keys(REGION_OF).filter((c) => REGION_OF[c] === scope.region);
		const withScores = [...new Set(countries.map((c) => c.country))];
		roadmapParts = (await Promise.all(withScores.map((c) => progress.roadmapCompletion(d, { scope: c })))).filter((r) => r.actions > 0);
	}
	let courses: CourseCompletion[] | null = null;
	if (shown !== null) {
		try {
			courses = await courseCompletion(d, { period: shown, countries: courseCountries });
		} catch (e) {
			// the report stays available when the learning module fails; the failure is logged
			log.error('progress.report.courses_failed', { error: e instanceof Error ? e.message : String(e) });
			courses = null;
		}
	}
	const inScope = (a: AggregateResult) => (scope.kind === 'region' ? a.scope.kind === 'region' && a.scope.region === scope.region : a.scope.kind === 'world');
	const shownCountries = scope.kind === 'country' ? [] : countries.filter((c) => c.period === shown);
	const shownDemo = (a: AggregateResult) => a.demo && a.period === shown;
	const demo: DemoShown =
		scope.kind === 'country'
			? {
					own: countries.some((c) => c.demo) || legal.some((l) => l.demo),
					countries: 0,
					demoCountries: 0,
					compared: aggregates.some((a) => shownDemo(a) && (a.scope.kind === 'world' || (a.scope.kind === 'region' && a.scope.region === regionOf(scope.country)))),
					trends: false
				}
			: {
					own: false,
					countries: new Set(shownCountries.map((c) => c.country)).size,
					demoCountries: new Set(shownCountries.filter((c) => c.demo).map((c) => c.country)).size,
					compared: scope.kind === 'region' && aggregates.some((a) => shownDemo(a) && a.scope.kind === 'world'),
					trends: aggregates.some((a) => a.demo && a.period !== shown && inScope(a))
				};
	return { scope, periods, period: shown, framework, aggregates, countries, roadmap, roadmapParts, legal, courses, demo };
}
