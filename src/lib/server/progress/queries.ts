// The read API the public pages, the status report and the open data read. Published data only:
// scores come from progress_scores (validated answers, private ones left out, aggregate-only ones
// counted but hidden); regional and world figures suppress groups of fewer than three countries.
import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Tx } from '../db';
import { isRegionId, REGION_OF, REGIONS, regionOf, type RegionId } from '../../geo';
import {
	MIN_GROUP,
	PILLARS,
	TIERS,
	emptyPillars,
	tierOf,
	type AggregateResult,
	type CountryResult,
	type Framework,
	type LegalMeasure,
	type PillarId,
	type RoadmapCompletion,
	type Tier
} from '../../progress/model';
import { meanOf } from '../../progress/scoring';
import { findFramework, latestPublishedVersion } from './framework';
import { answers, assessments, frameworkVersions, roadmapActions, scores } from './schema';
import { NotFound } from '../platform/errors';

export { listFrameworkVersions } from './framework';

/** A framework by version, or the latest published one. Throws NotFound when there is none. */
export async function getFramework(d: Db | Tx, version?: number): Promise<Framework> {
	const fw = await findFramework(d, version);
	if (!fw) throw new NotFound('framework_not_found');
	return fw;
}

/** The version public figures use: the one asked for if it is not a draft, else the latest published. */
async function publicVersion(d: Db | Tx, version?: number): Promise<number | null> {
	if (version === undefined) return latestPublishedVersion(d);
	const [row] = await d
		.select({ version: frameworkVersions.version })
		.from(frameworkVersions)
		.where(and(eq(frameworkVersions.version, version), ne(frameworkVersions.status, 'draft')));
	return row?.version ?? null;
}

/**
 * Every published score: this instance's own, and on a hub the scores federated from its members
 * (federation module), marked with their source. A country's local demo rows give way once real
 * data for it is federated; a country with local validated data is never federated (the hub
 * refuses such a snapshot), so no country is counted twice. Aliased as progress_scores, so the
 * column references of the `scores` table work on it.
 */
const allScores = sql`(
	select s.framework_version, s.country, s.region, s.period, s.overall, s.tier, s.pillars, s.indicators, s.is_demo,
		null::text as source_name, null::text as source_url, null::timestamptz as source_snapshot_at,
		null::timestamptz as source_checked_at, 0 as source_failures
	from progress_scores s
	where not (s.is_demo and exists (select 1 from federation_scores f where f.country = s.country))
	union all
	select f.framework_version, f.country, f.region, f.period, f.overall, f.tier, f.pillars, f.indicators, f.is_demo,
		m.name, m.origin, f.snapshot_at, m.last_success_at, m.failures
	from federation_scores f join federation_members m on m.id = f.member_id and m.active
) as progress_scores`;

/**
 * Where a federated figure comes from: the member, the date of its snapshot, when the hub last
 * heard from it, and whether the last pull failed (the figure may then be out of date).
 */
function sourceOf(name: unknown, url: unknown, snapshotAt: unknown, checkedAt: unknown, failures: unknown): NonNullable<CountryResult['source']> {
	return {
		name: String(name ?? ''),
		url: String(url),
		snapshotAt: new Date(snapshotAt as string).toISOString(),
		checkedAt: checkedAt == null ? null : new Date(checkedAt as string).toISOString(),
		unreachable: Number(failures) > 0
	};
}

/** Periods (years) with at least one published score, newest first. */
export async function publishedPeriods(d: Db | Tx, version?: number): Promise<number[]> {
	const v = await publicVersion(d, version);
	if (v === null) return [];
	const rows = rowsOf(await d.execute(sql`select distinct period from ${allScores} where framework_version = ${v} order by period desc`));
	return rows.map((r) => Number(r.period));
}

export interface CountryQuery {
	period?: number;
	country?: string;
	region?: RegionId;
	version?: number;
}

/** Published country results (one per country and period), sorted by period then country; federated ones carry their source. */
export async function publishedCountryResults(d: Db | Tx, q: CountryQuery = {}): Promise<CountryResult[]> {
	const v = await publicVersion(d, q.version);
	if (v === null) return [];
	const where: SQL[] = [sql`framework_version = ${v}`];
	if (q.period !== undefined) where.push(sql`period = ${q.period}`);
	if (q.country) where.push(sql`country = ${q.country.toUpperCase()}`);
	if (q.region) where.push(sql`region = ${q.region}`);
	const rows = rowsOf(await d.execute(sql`select * from ${allScores} where ${sql.join(where, sql` and `)} order by period asc, country asc`));
	const json = <T>(x: unknown): T => (typeof x === 'string' ? JSON.parse(x) : x) as T;
	return rows.map((r) => ({
		country: String(r.country),
		period: Number(r.period),
		frameworkVersion: Number(r.framework_version),
		overall: r.overall === null ? null : Number(r.overall),
		tier: r.tier === null ? null : (Number(r.tier) as Tier),
		pillars: json<Record<PillarId, number | null>>(r.pillars),
		indicators: json<CountryResult['indicators']>(r.indicators),
		demo: r.is_demo === true || r.is_demo === 't',
		...(r.source_url ? { source: sourceOf(r.source_name, r.source_url, r.source_snapshot_at, r.source_checked_at, r.source_failures) } : {})
	}));
}

/**
 * World and the six regions for each period (or the one asked for). Countries count when their
 * overall score exists (all five pillars validated). One grouped query over progress_scores
 * (grouping sets: period x region, and period alone for the world); suppression in code.
 */
export async function publishedAggregates(d: Db | Tx, q: { period?: number; version?: number } = {}): Promise<AggregateResult[]> {
	const v = await publicVersion(d, q.version);
	if (v === null) return [];
	const periodFilter = q.period !== undefined ? sql`and ${scores.period} = ${q.period}` : sql``;
	const pillarAvgs = sql.join(
		PILLARS.map((p) => sql`avg((${scores.pillars}->>${p})::float8) as ${sql.identifier(`p_${p}`)}`),
		sql`, `
	);
	const tierCounts = sql.join(
		TIERS.map((t) => sql`count(*) filter (where ${scores.tier} = ${t})::int as ${sql.identifier(`t_${t}`)}`),
		sql`, `
	);
	const result = await d.execute(sql`
		select ${scores.period} as period, ${scores.region} as region, grouping(${scores.region}) as is_world,
			count(*)::int as n, avg(${scores.overall}) as overall, ${pillarAvgs}, ${tierCounts}, bool_or(${scores.isDemo}) as demo
		from ${allScores}
		where ${scores.frameworkVersion} = ${v} and ${scores.overall} is not null ${periodFilter}
		group by grouping sets ((${scores.period}, ${scores.region}), (${scores.period}))`);
	const rows = rowsOf(result);
	const num = (x: unknown) => (x === null || x === undefined ? null : Math.round(Number(x) * 10) / 10);
	const periods = q.period !== undefined ? [q.period] : [...new Set(rows.map((r) => Number(r.period)))].sort((a, b) => a - b);
	const out: AggregateResult[] = [];
	for (const period of periods) {
		const inPeriod = rows.filter((r) => Number(r.period) === period);
		const make = (scope: AggregateResult['scope'], r: Record<string, unknown> | undefined): AggregateResult => {
			const countries = r ? Number(r.n) : 0;
			if (!r || countries < MIN_GROUP) {
				return { scope, period, countries, suppressed: true, overall: null, tier: null, pillars: emptyPillars(), tierCounts: null, demo: !!r?.demo };
			}
			const pillars = emptyPillars();
			for (const p of PILLARS) pillars[p] = num(r[`p_${p}`]);
			const overall = num(r.overall);
			const tierCounts = Object.fromEntries(TIERS.map((t) => [t, Number(r[`t_${t}`])])) as Record<Tier, number>;
			return { scope, period, countries, suppressed: false, overall, tier: tierOf(overall), pillars, tierCounts, demo: !!r.demo };
		};
		out.push(make({ kind: 'world' }, inPeriod.find((r) => Number(r.is_world) === 1)));
		for (const region of REGIONS) out.push(make({ kind: 'region', region }, inPeriod.find((r) => Number(r.is_world) === 0 && r.region === region)));
	}
	return out;
}

/** Share of roadmap actions done (cancelled ones left out) for the world, a region or a country. */
export async function roadmapCompletion(d: Db | Tx, q: { scope: 'world' | RegionId | string }): Promise<RoadmapCompletion> {
	const where: SQL[] = [ne(roadmapActions.status, 'cancelled')];
	if (q.scope !== 'world') {
		const countries = isRegionId(q.scope) ? Object.keys(REGION_OF).filter((c) => REGION_OF[c] === q.scope) : [q.scope.toUpperCase()];
		if (!countries.length) return { scope: q.scope, actions: 0, done: 0, rate: null };
		where.push(inArray(roadmapActions.country, countries));
	}
	const [row] = await d
		.select({
			actions: sql<number>`count(*)::int`,
			done: sql<number>`count(*) filter (where ${roadmapActions.status} = 'done')::int`
		})
		.from(roadmapActions)
		.where(and(...where));
	const actions = Number(row?.actions ?? 0);
	const done = Number(row?.done ?? 0);
	return { scope: q.scope, actions, done, rate: actions ? Math.round((done / actions) * 1000) / 10 : null };
}

/**
 * The legal pillar's published answers (accepted and public) to yes/partial/no questions of
 * indicators marked `legal`, with the citation, adoption date and link the focal point gave.
 */
export async function legalMeasures(d: Db | Tx, q: { period?: number; countries?: string[]; version?: number } = {}): Promise<LegalMeasure[]> {
	const v = await publicVersion(d, q.version);
	if (v === null) return [];
	const fw = await findFramework(d, v);
	if (!fw) return [];
	const legalQuestions = new Map<string, string>();
	for (const p of fw.pillars)
		for (const i of p.indicators) if (i.legal) for (const qu of i.questions) if (qu.type === 'yes_partial_no') legalQuestions.set(qu.id, i.id);
	if (!legalQuestions.size) return [];
	const where: SQL[] = [eq(answers.status, 'accepted'), eq(answers.confidentiality, 'public'), inArray(answers.questionId, [...legalQuestions.keys()])];
	if (q.period !== undefined) where.push(eq(assessments.period, q.period));
	if (q.countries?.length) where.push(inArray(assessments.country, q.countries.map((c) => c.toUpperCase())));
	const rows = await d
		.select({
			country: assessments.country,
			period: assessments.period,
			isDemo: assessments.isDemo,
			questionId: answers.questionId,
			value: answers.value,
			notApplicable: answers.notApplicable,
			citation: answers.citation,
			adoptedOn: answers.adoptedOn,
			url: answers.lawUrl
		})
		.from(answers)
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(and(...where))
		.orderBy(asc(assessments.period), asc(assessments.country), asc(answers.questionId));
	// on a hub: measures members share (federation_legal_measures), for the same framework version's
	// legal questions; the hub's own demo answers for a country give way to federated ones, as its
	// demo scores do. Raw SQL, as allScores reads federation_scores.
	const fedWhere: SQL[] = [sql`f.framework_version = ${v}`, sql`f.question_id in (${sql.join([...legalQuestions.keys()].map((id) => sql`${id}`), sql`, `)})`];
	if (q.period !== undefined) fedWhere.push(sql`f.period = ${q.period}`);
	if (q.countries?.length) fedWhere.push(sql`f.country in (${sql.join(q.countries.map((c) => sql`${c.toUpperCase()}`), sql`, `)})`);
	const federated = rowsOf(
		await d.execute(sql`select f.country, f.period, f.question_id, f.answer, f.citation, f.adopted_on, f.url, f.is_demo, m.name as source_name, m.origin as source_url, f.snapshot_at, m.last_success_at, m.failures
			from federation_legal_measures f join federation_members m on m.id = f.member_id and m.active
			where ${sql.join(fedWhere, sql` and `)}`)
	);
	const shared = new Set(federated.map((r) => String(r.country)));
	const local: LegalMeasure[] = rows
		.filter((r) => !(r.isDemo && shared.has(r.country)))
		.map((r) => ({
			country: r.country,
			period: r.period,
			indicatorId: legalQuestions.get(r.questionId)!,
			questionId: r.questionId,
			answer: r.notApplicable ? 'not_applicable' : (r.value as 'yes' | 'partial' | 'no'),
			citation: r.citation,
			adoptedOn: r.adoptedOn,
			url: r.url,
			demo: r.isDemo
		}));
	const fromMembers: LegalMeasure[] = federated.map((r) => ({
		country: String(r.country),
		period: Number(r.period),
		indicatorId: legalQuestions.get(String(r.question_id))!,
		questionId: String(r.question_id),
		answer: String(r.answer) as LegalMeasure['answer'],
		citation: r.citation == null ? null : String(r.citation),
		adoptedOn: r.adopted_on == null ? null : String(r.adopted_on),
		url: r.url == null ? null : String(r.url),
		demo: r.is_demo === true || r.is_demo === 't',
		source: sourceOf(r.source_name, r.source_url, r.snapshot_at, r.last_success_at, r.failures)
	}));
	return [...local, ...fromMembers].sort((a, b) => a.period - b.period || a.country.localeCompare(b.country) || a.questionId.localeCompare(b.questionId));
}

/** Does `country` belong to a region (helper for pages filtering results)? */
export function inRegion(country: string, region: RegionId): boolean {
	return regionOf(country) === region;
}
