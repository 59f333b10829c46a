// The report's sections, in order. Each reads the shared context and appends its section(s) to
// the document; a section that does not apply to the scope (world, region, country) adds nothing.
import { countryName, regionName, regionOf, REGIONS, type RegionId } from '$lib/geo';
import { href, localized } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { PILLARS, TIER_BANDS, type AggregateResult, type CountryResult, type PillarId, type Tier } from '$lib/progress/model';
import { type Series } from '$lib/progress/charts';
import { classifyValue, renderWorldMap } from '../../map';
import { formats } from '../format';
import type { ScopeData } from '../data';
import { MIN_LEARNERS, type Cell, type Row, type Table, type Chart, type Block, type ReportDoc, type BuildOptions } from './model';
import { TIER_CLASSES, TIER_BUCKETS, tierName, tierLabel, scopeName, pillarTitles, link, rateCells, legalTableRows, chartBlock } from './parts';

/** Everything the sections share: the data, the reader's formats and the figures of the period. */
export function reportContext(data: ScopeData, options: BuildOptions, doc: ReportDoc, period: number) {
	const { locale, mode } = options;
	const o = { locale };
	const f = formats(locale);
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const name = scopeName(data.scope, locale);
	const periodText = f.year(period);
	const pillarsT = pillarTitles(data.framework, locale);
	const scoreText = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? f.score(v) : m.progress_pub_no_score({}, o));
	const scoreCell = (v: number | null | undefined): Cell => (typeof v === 'number' && Number.isFinite(v) ? { text: f.score(v), numeric: true } : { text: m.progress_pub_no_score({}, o), muted: true });
	const tierCell = (t: Tier | null): Cell => (t ? { text: tierLabel(t, locale), swatch: TIER_CLASSES[t] } : { text: '—', muted: true });
	const chartBase = { dir: dir as 'ltr' | 'rtl', format: f.score };

	const agg = (scope: AggregateResult['scope'], p: number = period) =>
		data.aggregates.find((a) => a.period === p && a.scope.kind === scope.kind && (scope.kind === 'world' || (a.scope.kind === 'region' && a.scope.region === (scope as { region: RegionId }).region))) ?? null;
	const world = agg({ kind: 'world' });
	const own: AggregateResult | null = data.scope.kind === 'world' ? world : data.scope.kind === 'region' ? agg({ kind: 'region', region: data.scope.region }) : null;
	const countryNow: CountryResult | null = data.scope.kind === 'country' ? (data.countries.find((c) => c.period === period) ?? null) : null;
	const scoreSet = data.scope.kind === 'country' ? countryNow : own;
	const suppressed = data.scope.kind !== 'country' && (own?.suppressed ?? true);
	return { data, options, mode, locale, o, f, dir, name, period, periodText, pillarsT, scoreText, scoreCell, tierCell, chartBase, doc, agg, world, own, countryNow, scoreSet, suppressed };
}

export type ReportContext = ReturnType<typeof reportContext>;

/** Summary: one sentence and the key facts. */
export function summarySection(c: ReportContext): void {
	const { data, locale, o, f, name, periodText, scoreText, doc, own, countryNow, scoreSet, suppressed } = c;
	{
		const blocks: Block[] = [];
		let sentence: string;
		if (data.scope.kind === 'country') {
			sentence =
				countryNow && countryNow.overall !== null && countryNow.tier
					? m.progress_pub_report_summary_country({ country: name, score: f.score(countryNow.overall), period: periodText, tier: f.count(countryNow.tier), name: tierName(countryNow.tier, locale) }, o)
					: m.progress_pub_report_summary_none({ period: periodText }, o);
		} else if (!own || own.countries === 0) {
			sentence = m.progress_pub_report_summary_none({ period: periodText }, o);
		} else if (own.suppressed || own.overall === null || !own.tier) {
			sentence = m.progress_pub_report_summary_suppressed({ period: periodText }, o);
		} else {
			sentence = m.progress_pub_report_summary_aggregate({ count: f.count(own.countries), period: periodText, score: f.score(own.overall), tier: f.count(own.tier), name: tierName(own.tier, locale) }, o);
		}
		blocks.push({ kind: 'text', text: sentence });
		const items: { term: string; value: string }[] = [];
		items.push({ term: m.progress_pub_period({}, o), value: periodText });
		if (data.scope.kind !== 'country') items.push({ term: m.progress_pub_countries_scored({}, o), value: own ? (own.suppressed && own.countries > 0 ? m.progress_pub_suppressed({}, o) : f.count(own.countries)) : f.count(0) });
		items.push({ term: m.progress_pub_overall({}, o), value: suppressed ? m.progress_pub_suppressed({}, o) : scoreText(scoreSet?.overall) });
		items.push({ term: m.progress_pub_tier({}, o), value: scoreSet?.tier ? tierLabel(scoreSet.tier, locale) : '—' });
		blocks.push({ kind: 'facts', items });
		doc.sections.push({ id: 'summary', title: m.progress_pub_report_summary({}, o), blocks });
	}
}

/** Scores by area, and the comparison with the region and the world. */
export function pillarsSection(c: ReportContext): void {
	const { data, locale, o, name, periodText, pillarsT, scoreCell, chartBase, doc, agg, world, own, countryNow, scoreSet, suppressed } = c;
	{
		const blocks: Block[] = [];
		if (suppressed) blocks.push({ kind: 'text', text: m.progress_pub_suppressed({}, o), tone: 'note' });
		else if (scoreSet) {
			const chart: Chart = {
				type: 'bars',
				id: 'chart-pillars',
				title: m.progress_pub_pillar_scores({}, o),
				desc: m.progress_pub_pillar_scores_desc({ scope: name, period: periodText }, o),
				items: PILLARS.map((p) => ({ label: pillarsT[p], value: scoreSet.pillars[p] })),
				max: 100,
				marks: TIER_BANDS.map((b) => b.min),
				missingText: m.progress_pub_no_score({}, o)
			};
			const table: Table = {
				caption: m.progress_pub_pillar_scores_desc({ scope: name, period: periodText }, o),
				head: [m.progress_pub_area({}, o), m.progress_pub_score({}, o)],
				rows: [...PILLARS.map((p) => ({ head: { text: pillarsT[p] }, cells: [scoreCell(scoreSet.pillars[p])] })), { head: { text: m.progress_pub_overall({}, o) }, cells: [scoreCell(scoreSet.overall)] }]
			};
			blocks.push(chartBlock(chart, table, chartBase));
		} else blocks.push({ kind: 'text', text: m.progress_pub_report_summary_none({ period: periodText }, o), tone: 'note' });

		// Comparison: country vs its region vs world; region vs world.
		const series: Series[] = [];
		if (data.scope.kind === 'country' && countryNow) {
			series.push({ name, values: PILLARS.map((p) => countryNow.pillars[p]) });
			const r = regionOf(data.scope.country);
			const ra = r ? agg({ kind: 'region', region: r }) : null;
			if (r) series.push({ name: regionName(r, locale), values: PILLARS.map((p) => (ra && !ra.suppressed ? ra.pillars[p] : null)) });
			series.push({ name: m.progress_pub_world({}, o), values: PILLARS.map((p) => (world && !world.suppressed ? world.pillars[p] : null)) });
		} else if (data.scope.kind === 'region' && own && !own.suppressed) {
			series.push({ name, values: PILLARS.map((p) => own.pillars[p]) });
			series.push({ name: m.progress_pub_world({}, o), values: PILLARS.map((p) => (world && !world.suppressed ? world.pillars[p] : null)) });
		}
		if (series.length > 1) {
			const names = series.map((s) => s.name).join(', ');
			const chart: Chart = {
				type: 'grouped',
				id: 'chart-compare',
				title: m.progress_pub_compare({}, o),
				desc: m.progress_pub_compare_desc({ names }, o),
				categories: PILLARS.map((p) => pillarsT[p]),
				series,
				missingText: m.progress_pub_suppressed({}, o)
			};
			const table: Table = {
				caption: m.progress_pub_compare_desc({ names }, o),
				head: [m.progress_pub_area({}, o), ...series.map((s) => s.name)],
				rows: PILLARS.map((p, i) => ({
					head: { text: pillarsT[p] },
					cells: series.map((s, k) => (s.values[i] === null && k > 0 ? { text: m.progress_pub_suppressed({}, o), muted: true } : scoreCell(s.values[i])))
				}))
			};
			blocks.push({ kind: 'text', text: m.progress_pub_compare({}, o), tone: 'note' });
			// real figures compared with averages that are not: said here, not in a page-wide banner
			if (data.demo.compared && !data.demo.own && data.demo.demoCountries === 0) blocks.push({ kind: 'text', text: m.progress_pub_demo_compared({}, o), tone: 'note' });
			blocks.push(chartBlock(chart, table, chartBase));
		}
		doc.sections.push({ id: 'pillars', title: m.progress_pub_pillar_scores({}, o), blocks });
	}
}

/** Tiers (world and region): how many countries in each. */
export function tiersSection(c: ReportContext): void {
	const { data, locale, o, f, name, periodText, chartBase, doc, own } = c;
	if (data.scope.kind !== 'country') {
		const labels = { 1: tierLabel(1, locale), 2: tierLabel(2, locale), 3: tierLabel(3, locale), 4: tierLabel(4, locale), 5: tierLabel(5, locale) };
		const counts = own && !own.suppressed ? own.tierCounts : null;
		const chart: Chart = {
			type: 'tiers',
			id: 'chart-tiers',
			title: m.progress_pub_tiers({}, o),
			desc: m.progress_pub_tiers_desc({ scope: name, period: periodText }, o),
			counts,
			labels,
			suppressedText: m.progress_pub_suppressed({}, o)
		};
		const table: Table | null = counts
			? {
					caption: m.progress_pub_tiers_desc({ scope: name, period: periodText }, o),
					head: [m.progress_pub_tier({}, o), m.progress_pub_count({}, o)],
					rows: ([1, 2, 3, 4, 5] as Tier[]).map((t) => ({ head: { text: labels[t], swatch: TIER_CLASSES[t] }, cells: [{ text: f.count(counts[t] ?? 0), numeric: true }] }))
				}
			: null;
		doc.sections.push({ id: 'tiers', title: m.progress_pub_tiers({}, o), blocks: [chartBlock(chart, table, chartBase)] });
	}
}

/** Regions (world): one row per region. */
export function regionsSection(c: ReportContext): void {
	const { data, locale, o, f, period, periodText, scoreCell, tierCell, doc, agg, world } = c;
	if (data.scope.kind === 'world') {
		const rows: Row[] = [world, ...REGIONS.map((r) => agg({ kind: 'region', region: r }))].map((a, i) => {
			const region = i === 0 ? null : REGIONS[i - 1];
			const label = region ? regionName(region, locale) : m.progress_pub_world({}, o);
			const head: Cell = region ? { text: label, href: link(`/progress/regions/${region}`, locale, period) } : { text: label };
			if (!a || a.suppressed)
				return { head, cells: [{ text: f.count(a?.countries ?? 0), numeric: true }, { text: m.progress_pub_suppressed({}, o), muted: true }, { text: '—', muted: true }] };
			return { head, cells: [{ text: f.count(a.countries), numeric: true }, scoreCell(a.overall), tierCell(a.tier)] };
		});
		doc.sections.push({
			id: 'regions',
			title: m.progress_pub_regions({}, o),
			blocks: [{ kind: 'table', table: { caption: m.progress_pub_regions_caption({ period: periodText }, o), head: [m.progress_pub_scope({}, o), m.progress_pub_countries_scored({}, o), m.progress_pub_overall({}, o), m.progress_pub_tier({}, o)], rows } }]
		});
	}
}

/** Countries (world and region): map (dashboards and the HTML report) and table. */
export function countriesSection(c: ReportContext): void {
	const { data, locale, o, f, period, periodText, pillarsT, scoreCell, tierCell, doc } = c;
	if (data.scope.kind !== 'country') {
		const results = data.countries
			.filter((c) => c.period === period)
			.map((c) => ({ c, name: countryName(c.country, locale) ?? c.country }))
			.sort((a, b) => a.name.localeCompare(b.name, locale));
		const blocks: Block[] = [];
		if (!results.length) blocks.push({ kind: 'text', text: m.progress_pub_no_data_period({ period: periodText }, o), tone: 'note' });
		else {
			const tierLegend = (t: Tier) => tierLabel(t, locale);
			const svg = renderWorldMap(
				results.map(({ c, name: n }) => ({
					code: c.country,
					value: c.overall,
					label: c.overall !== null && c.tier ? m.progress_pub_map_label({ country: n, score: f.score(c.overall), tier: f.count(c.tier) }, o) : m.progress_pub_map_partial({ country: n }, o),
					href: link(`/progress/countries/${c.country}`, locale, period)
				})),
				{
					title: m.progress_pub_map_title({ period: periodText }, o),
					titleId: 'progress-map-title',
					buckets: TIER_BANDS.slice()
						.reverse()
						.map((b) => ({ min: b.min, className: TIER_CLASSES[b.tier], legend: tierLegend(b.tier) })),
					noDataClass: 'map-none',
					noDataLegend: m.progress_pub_map_no_overall({}, o),
					backgroundLegend: m.progress_pub_map_not_assessed({}, o)
				}
			);
			blocks.push({ kind: 'map', svg });
			blocks.push({
				kind: 'table',
				table: {
					caption: m.progress_pub_countries_caption({ period: periodText }, o),
					head: [m.progress_pub_country({}, o), m.progress_pub_overall({}, o), m.progress_pub_tier({}, o), ...PILLARS.map((p) => pillarsT[p])],
					rows: results.map(({ c, name: n }) => ({
						head: { text: n, href: link(`/progress/countries/${c.country}`, locale, period), swatch: classifyValue(c.overall, TIER_BUCKETS, 'map-none') },
						cells: [scoreCell(c.overall), tierCell(c.tier), ...PILLARS.map((p) => scoreCell(c.pillars[p]))]
					}))
				}
			});
		}
		doc.sections.push({ id: 'countries', title: m.progress_pub_countries_caption({ period: periodText }, o), blocks });
	}
}

/** Indicators and legal measures (country). */
export function countrySections(c: ReportContext): void {
	const { data, locale, o, name, periodText, pillarsT, scoreCell, doc, countryNow } = c;
	if (data.scope.kind === 'country') {
		const blocks: Block[] = [];
		if (!countryNow) blocks.push({ kind: 'text', text: m.progress_pub_report_summary_none({ period: periodText }, o), tone: 'note' });
		else {
			const byId = new Map(countryNow.indicators.map((i) => [i.id, i]));
			const rows: Row[] = [];
			for (const p of data.framework?.pillars ?? []) {
				for (const ind of p.indicators) {
					const r = byId.get(ind.id);
					const t = localized(ind.title, locale);
					const head: Cell = { text: t.text, fallback: t.fallback, lang: t.fallback ? t.lang : undefined };
					const cell: Cell = !r ? { text: m.progress_pub_no_score({}, o), muted: true } : r.hidden ? { text: m.progress_pub_not_public({}, o), muted: true } : scoreCell(r.score);
					rows.push({ head, cells: [{ text: pillarsT[p.id] }, cell] });
				}
			}
			blocks.push({ kind: 'table', table: { caption: m.progress_pub_indicators_caption({ country: name, period: periodText }, o), head: [m.progress_pub_indicator({}, o), m.progress_pub_area({}, o), m.progress_pub_score({}, o)], rows } });
		}
		doc.sections.push({ id: 'indicators', title: m.progress_pub_indicators({}, o), blocks });

		// 7. Legal measures (country)
		const legalRows = legalTableRows(data, locale);
		doc.sections.push({
			id: 'legal',
			title: m.progress_pub_legal({}, o),
			blocks: legalRows.length
				? [{ kind: 'table', table: { caption: m.progress_pub_legal_caption({ period: periodText }, o), head: [m.progress_pub_protection({}, o), m.progress_pub_in_law({}, o), m.progress_pub_citation({}, o), m.progress_pub_adopted({}, o)], rows: legalRows } }]
				: [{ kind: 'text', text: m.progress_pub_legal_none({}, o), tone: 'note' }]
		});
	}
}

/** Trends over the published periods. */
export function trendsSection(c: ReportContext): void {
	const { data, o, f, name, pillarsT, scoreCell, chartBase, doc, agg } = c;
	{
		const periods = [...data.periods].sort((a, b) => a - b);
		const valuesFor = (pick: (s: { overall: number | null; pillars: Record<PillarId, number | null> }) => number | null): (number | null)[] =>
			periods.map((p) => {
				if (data.scope.kind === 'country') {
					const r = data.countries.find((c) => c.period === p);
					return r ? pick(r) : null;
				}
				const a = agg(data.scope.kind === 'world' ? { kind: 'world' } : { kind: 'region', region: data.scope.region }, p);
				return a && !a.suppressed ? pick(a) : null;
			});
		const series: Series[] = [{ name: m.progress_pub_overall({}, o), values: valuesFor((s) => s.overall) }, ...PILLARS.map((p) => ({ name: pillarsT[p], values: valuesFor((s) => s.pillars[p]) }))];
		const chart: Chart = {
			type: 'trend',
			id: 'chart-trend',
			title: m.progress_pub_trends({}, o),
			desc: m.progress_pub_trends_desc({ scope: name }, o),
			periods,
			series,
			emptyText: m.progress_pub_trends_empty({}, o)
		};
		const table: Table = {
			caption: m.progress_pub_trends_desc({ scope: name }, o),
			head: [m.progress_pub_period({}, o), ...series.map((s) => s.name)],
			rows: periods.map((p, i) => ({
				head: { text: f.year(p) },
				cells: series.map((s) => (s.values[i] === null && data.scope.kind !== 'country' ? { text: m.progress_pub_suppressed({}, o), muted: true } : scoreCell(s.values[i])))
			}))
		};
		doc.sections.push({ id: 'trends', title: m.progress_pub_trends({}, o), blocks: [chartBlock(chart, table, { ...chartBase, formatPeriod: f.year })] });
	}
}

/** Roadmap completion. */
export function roadmapSection(c: ReportContext): void {
	const { data, locale, o, f, name, chartBase, doc } = c;
	{
		const r = data.roadmap;
		const summary = m.progress_pub_roadmap_summary({ done: f.count(r.done), actions: f.count(r.actions), rate: r.rate !== null ? f.percent(r.rate) : '—' }, o);
		const chart: Chart = { type: 'completion', id: 'chart-roadmap', title: m.progress_pub_roadmap({}, o), desc: m.progress_pub_roadmap_desc({ scope: name }, o), done: r.done, total: r.actions, summary, emptyText: m.progress_pub_roadmap_none({}, o) };
		const parts = data.roadmapParts.map((p) => {
			const label = REGIONS.includes(p.scope as RegionId) ? regionName(p.scope as RegionId, locale) : (countryName(p.scope, locale) ?? p.scope);
			return { label, p };
		});
		const rows: Row[] = [{ head: { text: name }, cells: rateCells(r, f) }, ...parts.map(({ label, p }) => ({ head: { text: label }, cells: rateCells(p, f) }))];
		const table: Table | null = r.actions > 0 || parts.some((x) => x.p.actions > 0) ? { caption: m.progress_pub_roadmap_desc({ scope: name }, o), head: [m.progress_pub_scope({}, o), m.progress_pub_actions({}, o), m.progress_pub_done({}, o), m.progress_pub_rate({}, o)], rows } : null;
		doc.sections.push({ id: 'roadmap', title: m.progress_pub_roadmap({}, o), blocks: [chartBlock(chart, table, chartBase)] });
	}
}

/** Course completion and method (report only; courses are fed by the learning module). */
export function reportOnlySections(c: ReportContext): void {
	const { data, mode, locale, o, f, name, doc } = c;
	if (mode === 'report') {
		const blocks: Block[] = [];
		if (!data.courses || !data.courses.length) blocks.push({ kind: 'text', text: m.progress_pub_courses_none({}, o), tone: 'note' });
		else {
			const byCourse = new Map<string, { title: ReturnType<typeof localized>; enrolled: number; completed: number }>();
			for (const c of data.courses) {
				const cur = byCourse.get(c.courseId) ?? { title: localized(c.title, locale), enrolled: 0, completed: 0 };
				cur.enrolled += Math.max(0, c.enrolled);
				cur.completed += Math.max(0, c.completed);
				byCourse.set(c.courseId, cur);
			}
			const rows: Row[] = [...byCourse.values()]
				.sort((a, b) => a.title.text.localeCompare(b.title.text, locale))
				.map((c) => ({
					head: { text: c.title.text, fallback: c.title.fallback, lang: c.title.fallback ? c.title.lang : undefined },
					// one or two learners could be recognised by their colleagues: such counts are not published
					cells:
						c.enrolled > 0 && c.enrolled < MIN_LEARNERS
							? [{ text: m.progress_pub_courses_small({}, o), muted: true }, { text: '—', muted: true }, { text: '—', muted: true }]
							: [
									{ text: f.count(c.enrolled), numeric: true },
									{ text: f.count(c.completed), numeric: true },
									c.enrolled > 0 ? { text: f.percent((c.completed / c.enrolled) * 100), numeric: true } : { text: '—', muted: true }
								]
				}));
			blocks.push({ kind: 'table', table: { caption: m.progress_pub_courses_caption({ scope: name }, o), head: [m.progress_pub_course({}, o), m.progress_pub_enrolled({}, o), m.progress_pub_completed({}, o), m.progress_pub_rate({}, o)], rows } });
		}
		doc.sections.push({ id: 'courses', title: m.progress_pub_courses({}, o), blocks });

		// 11. Method
		doc.sections.push({
			id: 'method',
			title: m.progress_pub_method({}, o),
			blocks: [
				{ kind: 'text', text: m.progress_pub_method_scoring({}, o) },
				{ kind: 'text', text: m.progress_pub_method_tiers({}, o) },
				{ kind: 'text', text: m.progress_pub_method_confidentiality({}, o) },
				{ kind: 'text', text: m.progress_pub_method_suppression({}, o) }
			]
		});
	}
}

/**
 * On a hub: which countries shown come from a member instance (federation), from which one and
 * the date of its snapshot, so no federated figure is shown without its source.
 */
export function sourcesSection(c: ReportContext): void {
	const { data, locale, o, f, period, doc } = c;
	const shown = data.countries.filter((r) => r.source && (data.scope.kind === 'country' || r.period === period));
	if (!shown.length) return;
	const byCountry = new Map<string, NonNullable<CountryResult['source']>>();
	for (const r of shown) byCountry.set(r.country, r.source!);
	const rows: Row[] = [...byCountry.entries()]
		.map(([code, s]) => ({ code, s, name: countryName(code, locale) ?? code }))
		.sort((a, b) => a.name.localeCompare(b.name, locale))
		.map(({ s, name: n }) => ({
			head: { text: n },
			cells: [
				{ text: s.name || s.url, href: s.url },
				{ text: f.date(new Date(s.snapshotAt)) },
				// how old the data may be: when the hub last heard from the member, and whether it failed since
				{ text: [s.checkedAt ? f.date(new Date(s.checkedAt)) : '', s.unreachable ? m.federation_pub_unreachable({}, o) : ''].filter(Boolean).join(' ') || '-' }
			]
		}));
	doc.sections.push({
		id: 'sources',
		title: m.federation_pub_sources_title({}, o),
		blocks: [
			{ kind: 'text', text: m.federation_pub_sources_intro({}, o), tone: 'note' },
			{ kind: 'table', table: { caption: m.federation_pub_sources_title({}, o), head: [m.progress_pub_country({}, o), m.federation_pub_source({}, o), m.federation_pub_snapshot({}, o), m.federation_pub_checked({}, o)], rows } }
		]
	});
}
