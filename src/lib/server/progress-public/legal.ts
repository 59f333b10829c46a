// The legal-measures tracker: which protections are in law per country (published, public answers
// of the legal pillar), compared side by side for chosen countries, and one protection on the map.
import { countryName } from '$lib/geo';
import { href, type Locale } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import type { LegalMeasure } from '$lib/progress/model';
import type { Db, Tx } from '../db';
import * as progress from '../progress';
import { renderWorldMap } from '../map';
import { formats, safeUrl } from './format';
import { answerText, protectionLabels } from './report';

export const MAX_COMPARE = 6;

export interface LegalCell {
	answer: string;
	/** 'yes' | 'partial' | 'no' | 'not_applicable' | null (not published) */
	value: LegalMeasure['answer'] | null;
	citation: string | null;
	url: string | null;
	adopted: string | null;
}

export interface LegalTracker {
	periods: { value: number; label: string }[];
	period: number | null;
	/** countries with at least one published legal measure in the period, by name */
	countries: { code: string; name: string; checked: boolean }[];
	protections: { id: string; label: string; fallback: boolean; lang: string }[];
	protection: string | null;
	/** chosen countries (at most MAX_COMPARE) */
	chosen: { code: string; name: string; href: string }[];
	tooMany: boolean;
	rows: { id: string; label: string; fallback: boolean; lang: string; cells: LegalCell[] }[];
	map: string | null;
	mapRows: { code: string; name: string; href: string; cell: LegalCell; swatch: string }[];
	demo: boolean;
	/** on a hub: where the shown countries' federated measures come from, with the date of the snapshot */
	sources: { code: string; name: string; source: string; url: string; date: string; checked: string | null; unreachable: boolean }[];
}

const CLASS: Record<LegalMeasure['answer'], string> = { yes: 'law-yes', partial: 'law-partial', no: 'law-no', not_applicable: 'law-na' };
const VALUE: Record<LegalMeasure['answer'], number> = { yes: 3, partial: 2, no: 1, not_applicable: 0 };

export class LegalInputError extends Error {}

/** Builds the tracker for the chosen countries and protection; throws LegalInputError on a malformed choice. */
export async function legalTracker(d: Db | Tx, q: { locale: Locale; period?: number; countries: string[]; protection?: string | null }): Promise<LegalTracker> {
	const { locale } = q;
	const f = formats(locale);
	const periods = await progress.publishedPeriods(d);
	const period = q.period ?? periods[0] ?? null;
	let framework = null;
	try {
		framework = await progress.getFramework(d);
	} catch {
		framework = null;
	}
	const labels = protectionLabels(framework, locale);
	const protections = [...labels.entries()].map(([id, l]) => ({ id, label: l.text, fallback: l.fallback, lang: l.lang }));
	if (q.protection && !labels.has(q.protection)) throw new LegalInputError('protection');
	for (const c of q.countries) if (!/^[A-Za-z]{2}$/.test(c)) throw new LegalInputError('country');

	const measures = period !== null ? await progress.legalMeasures(d, { period }) : [];
	const byCountry = new Map<string, Map<string, LegalMeasure>>();
	for (const x of measures) {
		let row = byCountry.get(x.country);
		if (!row) byCountry.set(x.country, (row = new Map()));
		row.set(x.questionId, x);
	}
	const nameOf = (code: string) => countryName(code, locale) ?? code;
	const withData = [...byCountry.keys()].map((code) => ({ code, name: nameOf(code) })).sort((a, b) => a.name.localeCompare(b.name, locale));

	let wanted = [...new Set(q.countries.map((c) => c.toUpperCase()))];
	// Nothing chosen yet: start with the first few countries that have published measures.
	if (!wanted.length) wanted = withData.slice(0, 3).map((c) => c.code);
	const tooMany = wanted.length > MAX_COMPARE;
	const chosenCodes = wanted.slice(0, MAX_COMPARE);
	const link = (code: string) => href(`/progress/countries/${code}`, locale) + (period !== null ? `?period=${period}` : '');
	const cellOf = (x: LegalMeasure | undefined): LegalCell =>
		x
			? { answer: answerText(x.answer, locale), value: x.answer, citation: x.citation, url: safeUrl(x.url), adopted: x.adoptedOn ? f.date(x.adoptedOn) : null }
			: { answer: answerText(null, locale), value: null, citation: null, url: null, adopted: null };

	const rows = protections.map((p) => ({ ...p, cells: chosenCodes.map((code) => cellOf(byCountry.get(code)?.get(p.id))) }));
	const protection = q.protection ?? protections[0]?.id ?? null;
	let map: string | null = null;
	const mapRows: LegalTracker['mapRows'] = [];
	if (protection && period !== null) {
		const label = labels.get(protection)!.text;
		for (const c of withData) {
			const x = byCountry.get(c.code)?.get(protection);
			if (x) mapRows.push({ code: c.code, name: c.name, href: link(c.code), cell: cellOf(x), swatch: CLASS[x.answer] });
		}
		map = renderWorldMap(
			mapRows.map((r) => ({ code: r.code, value: VALUE[r.cell.value!], label: `${r.name}: ${r.cell.answer}`, href: r.href })),
			{
				title: m.progress_pub_legal_map_title({ protection: label, period: f.year(period) }, { locale }),
				titleId: 'legal-map-title',
				buckets: [
					{ min: 3, className: 'law-yes', legend: m.progress_pub_answer_yes({}, { locale }) },
					{ min: 2, className: 'law-partial', legend: m.progress_pub_answer_partial({}, { locale }) },
					{ min: 1, className: 'law-no', legend: m.progress_pub_answer_no({}, { locale }) },
					{ min: 0, className: 'law-na', legend: m.progress_pub_answer_not_applicable({}, { locale }) }
				],
				noDataLegend: m.progress_pub_answer_none({}, { locale }),
				backgroundLegend: m.progress_pub_map_not_assessed({}, { locale })
			}
		);
	}
	// every country on the page (compared, or on the map) whose measures a member shared
	const shownSources = new Map<string, NonNullable<LegalMeasure['source']>>();
	const shown = new Set([...chosenCodes, ...mapRows.map((r) => r.code)]);
	for (const x of measures) if (x.source && shown.has(x.country)) shownSources.set(x.country, x.source);
	return {
		periods: periods.map((p) => ({ value: p, label: f.year(p) })),
		period,
		countries: withData.map((c) => ({ ...c, checked: chosenCodes.includes(c.code) })),
		protections,
		protection,
		chosen: chosenCodes.map((code) => ({ code, name: nameOf(code), href: link(code) })),
		tooMany,
		rows,
		map,
		mapRows,
		demo: measures.some((x) => x.demo),
		sources: [...shownSources.entries()].map(([code, src]) => ({ code, name: nameOf(code), source: src.name || src.url, url: src.url, date: f.date(src.snapshotAt.slice(0, 10)), checked: src.checkedAt ? f.date(src.checkedAt.slice(0, 10)) : null, unreachable: !!src.unreachable })).sort((a, b) => a.name.localeCompare(b.name, locale))
	};
}
