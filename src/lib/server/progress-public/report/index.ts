// The status report as data: sections of text, tables and charts built from published figures in
// the reader's language. One model, three renderers: the dashboards and the report page (Svelte,
// charts as server-side SVG) and the PDF (pdf.ts draws the same charts and tables).
// model.ts holds the shapes, parts.ts the labels and cells, sections.ts one function per section.
import { regionName, regionOf } from '$lib/geo';
import * as m from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';
import { formats } from '../format';
import type { ScopeData } from '../data';
import { type ReportDoc, type BuildOptions } from './model';
import { scopeName } from './parts';
import { countriesSection, countrySections, pillarsSection, regionsSection, reportContext, reportOnlySections, roadmapSection, sourcesSection, summarySection, tiersSection, trendsSection } from './sections';

export * from './model';
export { tierName, tierLabel, scopeName, pillarTitles, answerText, protectionLabels, renderChart } from './parts';

const SECTIONS = [summarySection, pillarsSection, tiersSection, regionsSection, countriesSection, countrySections, trendsSection, roadmapSection, sourcesSection, reportOnlySections];

/** The banner for the demo figures a page shows: the country's own, or how many of the countries shown. */
function demoBanner(data: ScopeData, locale: Locale): string | null {
	const o = { locale };
	const d = data.demo;
	if (d.own) return m.progress_pub_demo_banner({}, o);
	if (d.demoCountries > 0) return m.progress_pub_demo_banner_count({ demo: formats(locale).count(d.demoCountries), total: formats(locale).count(d.countries) }, o);
	if (d.trends) return m.progress_pub_demo_banner_trends({}, o);
	return null;
}

/** Builds the report (or the dashboard body) for the gathered data. */
export function buildReport(data: ScopeData, options: BuildOptions): ReportDoc {
	const { locale, mode } = options;
	const o = { locale };
	const f = formats(locale);
	const dir = locale === 'ar' ? 'rtl' : 'ltr';
	const name = scopeName(data.scope, locale);
	const period = data.period;
	const periodText = period !== null ? f.year(period) : '';

	const title =
		mode === 'report'
			? m.progress_pub_report_title({ scope: name, period: periodText || '—' }, o)
			: data.scope.kind === 'world'
				? m.progress_pub_world_title({}, o)
				: data.scope.kind === 'region'
					? m.progress_pub_region_title({ region: name }, o)
					: m.progress_pub_country_title({ country: name }, o);
	const meta: string[] = [];
	if (data.scope.kind === 'country') {
		const r = regionOf(data.scope.country);
		if (r) meta.push(m.progress_pub_region_of({ region: regionName(r, locale) }, o));
	}
	if (data.framework) meta.push(m.progress_pub_framework_version({ version: f.count(data.framework.version) }, o));
	if (mode === 'report') meta.push(m.progress_pub_report_generated({ date: f.date(options.now ?? new Date()) }, o));

	const doc: ReportDoc = { title, meta, lang: locale, dir, demo: demoBanner(data, locale), empty: period === null, sections: [] };
	if (period === null) return doc;
	const c = reportContext(data, options, doc, period);
	for (const section of SECTIONS) section(c);
	return doc;
}
