// Report building blocks: tier and scope names, legal protection labels and answers, table cells,
// links that keep the period, and chart blocks (the spec plus its SVG for HTML pages).
import { countryName, regionName } from '$lib/geo';
import { href, localized, type Locale } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { PILLARS, TIER_BANDS, type Framework, type PillarId, type Tier } from '$lib/progress/model';
import { barChart, completionBar, groupedBarChart, tierDistribution, trendChart } from '$lib/progress/charts';
import { formats, safeUrl, type Formats } from '../format';
import type { Scope, ScopeData } from '../data';
import { type Cell, type Row, type Table, type Chart, type Block } from './model';

export const TIER_CLASSES: Record<Tier, string> = { 1: 'tier-1', 2: 'tier-2', 3: 'tier-3', 4: 'tier-4', 5: 'tier-5' };
/** Map buckets by overall score, from the tier bands (the map colours by tier). */
export const TIER_BUCKETS = TIER_BANDS.map((b) => ({ min: b.min, className: TIER_CLASSES[b.tier] }));

export function tierName(tier: Tier, locale: Locale): string {
	const key = TIER_BANDS.find((b) => b.tier === tier)?.key ?? 'starting';
	const o = { locale };
	switch (key) {
		case 'leading':
			return m.progress_pub_tier_leading({}, o);
		case 'advancing':
			return m.progress_pub_tier_advancing({}, o);
		case 'establishing':
			return m.progress_pub_tier_establishing({}, o);
		case 'developing':
			return m.progress_pub_tier_developing({}, o);
		default:
			return m.progress_pub_tier_starting({}, o);
	}
}

export function tierLabel(tier: Tier, locale: Locale): string {
	return m.progress_pub_tier_label({ tier: formats(locale).count(tier), name: tierName(tier, locale) }, { locale });
}

export function scopeName(scope: Scope, locale: Locale): string {
	if (scope.kind === 'world') return m.progress_pub_world({}, { locale });
	if (scope.kind === 'region') return regionName(scope.region, locale);
	return countryName(scope.country, locale) ?? scope.country;
}

/** Pillar titles from the framework in the reader's language (id when no framework is published). */
export function pillarTitles(fw: Framework | null, locale: Locale): Record<PillarId, string> {
	const out = {} as Record<PillarId, string>;
	for (const p of PILLARS) {
		const found = fw?.pillars.find((x) => x.id === p);
		out[p] = found ? localized(found.title, locale).text : p;
	}
	return out;
}

export function link(path: string, locale: Locale, period: number | null): string {
	return href(path, locale) + (period !== null ? `?period=${period}` : '');
}


export function rateCells(r: { actions: number; done: number; rate: number | null }, f: Formats): Cell[] {
	return [
		{ text: f.count(r.actions), numeric: true },
		{ text: f.count(r.done), numeric: true },
		r.rate !== null ? { text: f.percent(r.rate), numeric: true } : { text: '—', muted: true }
	];
}

/** Legal measures of the period as table rows: protection, answer, citation (with link), date. */
export function legalTableRows(data: ScopeData, locale: Locale): Row[] {
	const f = formats(locale);
	const labels = protectionLabels(data.framework, locale);
	return data.legal
		.filter((l) => l.period === data.period)
		.map((l) => {
			const label = labels.get(l.questionId) ?? { text: l.questionId, fallback: false, lang: locale };
			return {
				head: { text: label.text, fallback: label.fallback, lang: label.fallback ? label.lang : undefined },
				cells: [{ text: answerText(l.answer, locale) }, l.citation ? { text: l.citation, href: safeUrl(l.url) ?? undefined } : { text: '—', muted: true }, l.adoptedOn ? { text: f.date(l.adoptedOn) } : { text: '—', muted: true }]
			};
		});
}

export function answerText(answer: 'yes' | 'partial' | 'no' | 'not_applicable' | null, locale: Locale): string {
	const o = { locale };
	switch (answer) {
		case 'yes':
			return m.progress_pub_answer_yes({}, o);
		case 'partial':
			return m.progress_pub_answer_partial({}, o);
		case 'no':
			return m.progress_pub_answer_no({}, o);
		case 'not_applicable':
			return m.progress_pub_answer_not_applicable({}, o);
		default:
			return m.progress_pub_answer_none({}, o);
	}
}

/**
 * The name of each legal protection (question id -> text): the indicator's title, plus the
 * question when an indicator has more than one yes/partial/no question in law.
 */
export function protectionLabels(fw: Framework | null, locale: Locale): Map<string, { text: string; fallback: boolean; lang: string }> {
	const out = new Map<string, { text: string; fallback: boolean; lang: string }>();
	for (const p of fw?.pillars ?? []) {
		for (const ind of p.indicators) {
			if (!ind.legal) continue;
			const qs = ind.questions.filter((q) => q.type === 'yes_partial_no');
			const title = localized(ind.title, locale);
			for (const q of qs) {
				if (qs.length === 1) out.set(q.id, { text: title.text, fallback: title.fallback, lang: title.lang });
				else {
					const qt = localized(q.text, locale);
					out.set(q.id, { text: `${title.text}: ${qt.text}`, fallback: title.fallback || qt.fallback, lang: qt.fallback ? qt.lang : title.lang });
				}
			}
		}
	}
	return out;
}

export type ChartFormat = { dir: 'ltr' | 'rtl'; format: (n: number) => string; formatPeriod?: (n: number) => string };

/** Renders a chart spec to SVG (HTML pages); the PDF draws the same spec itself. */
export function renderChart(chart: Chart, fmt: ChartFormat): string {
	switch (chart.type) {
		case 'bars':
			return barChart(chart.items, { ...chart, ...fmt });
		case 'tiers':
			return tierDistribution(chart.counts, { ...chart, ...fmt, tierLabels: chart.labels, countText: fmt.format });
		case 'grouped':
			return groupedBarChart(chart.categories, chart.series, { ...chart, ...fmt });
		case 'trend':
			return trendChart(chart.periods, chart.series, { ...chart, ...fmt });
		case 'completion':
			return completionBar(chart.done, chart.total, { ...chart, ...fmt });
	}
}

export function chartBlock(chart: Chart, table: Table | null, fmt: ChartFormat): Block {
	return { kind: 'chart', chart, svg: renderChart(chart, fmt), table };
}
