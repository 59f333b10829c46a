// The HSDS API: list parameters, the page envelope, and a page of services (SQL filters first,
// then terms the SQL cannot filter by).
import { TOPICS } from '../../../directory/taxonomy';
import { ValidationError } from '../../platform/errors';
import { listForExport } from '../queries';
import type { HsdsPage, HsdsService, HsdsTaxonomyTerm } from './types';
import { findTerm, isUuid, term } from './terms';
import { toHsdsService, type ExportRow } from './export';
import { countFederated, listFederated } from './federated';

// ---------------------------------------------------------------- the HSDS API: parameters and pages

export interface HsdsListParams {
	page: number;
	perPage: number;
	search?: string;
	term?: HsdsTaxonomyTerm;
	modifiedAfter?: Date;
}

const INT = /^\d{1,9}$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** `page` (>= 1) and `per_page` (1..max) from the query; anything else is a 400. */
export function readPaging(url: URL, defaults: { perPage: number; maxPerPage: number }): { page: number; perPage: number } {
	const fields: Record<string, string> = {};
	const p = url.searchParams.get('page');
	const pp = url.searchParams.get('per_page');
	const page = p === null ? 1 : INT.test(p) ? Number(p) : NaN;
	const perPage = pp === null ? defaults.perPage : INT.test(pp) ? Number(pp) : NaN;
	if (!(page >= 1)) fields.page = 'page_invalid';
	if (!(perPage >= 1 && perPage <= defaults.maxPerPage)) fields.per_page = 'per_page_invalid';
	const format = url.searchParams.get('format');
	if (format !== null && format !== 'json') fields.format = 'format_unsupported';
	if (Object.keys(fields).length) throw new ValidationError(fields);
	return { page, perPage };
}

/** Reads `GET /hsds/services` parameters: search, page, per_page, taxonomy_term_id, modified_after. */
export function readHsdsListParams(url: URL): HsdsListParams {
	const fields: Record<string, string> = {};
	let paging = { page: 1, perPage: 50 };
	try {
		paging = readPaging(url, { perPage: 50, maxPerPage: 100 });
	} catch (e) {
		if (!(e instanceof ValidationError)) throw e;
		Object.assign(fields, e.fields);
	}
	const search = (url.searchParams.get('search') ?? '').trim();
	if (search.length > 100) fields.search = 'search_too_long';
	let term: HsdsTaxonomyTerm | undefined;
	const termParam = url.searchParams.get('taxonomy_term_id');
	if (termParam !== null) {
		if (!isUuid(termParam)) fields.taxonomy_term_id = 'taxonomy_term_invalid';
		else {
			term = findTerm(termParam);
			if (!term) fields.taxonomy_term_id = 'taxonomy_term_unknown';
			else if (term.taxonomy === 'cop:field') fields.taxonomy_term_id = 'taxonomy_term_not_filterable';
		}
	}
	let modifiedAfter: Date | undefined;
	const ma = url.searchParams.get('modified_after');
	if (ma !== null) {
		// an unencoded '+' in a query string arrives as a space: 2026-03-01T12:00:00 03:00
		const m = DATE_TIME.exec(ma.trim().replace(/^(.*T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$/, '$1+$2'));
		const zone = m?.[7] ? (/^z$/i.test(m[7]) ? 'Z' : m[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')) : 'Z';
		const iso = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4] ?? '00'}:${m[5] ?? '00'}:${m[6] ?? '00'}${zone}` : '';
		const d = new Date(iso);
		// a real calendar date and time (no 2026-02-30, no 25:00)
		const real = m && !Number.isNaN(d.getTime()) && new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])).getUTCDate() === +m[3] && +(m[4] ?? 0) < 24 && +(m[5] ?? 0) < 60 && +(m[6] ?? 0) < 60;
		if (!real) fields.modified_after = 'date_time_invalid';
		else modifiedAfter = d;
	}
	if (Object.keys(fields).length) throw new ValidationError(fields);
	return { ...paging, search: search || undefined, term, modifiedAfter };
}

/** The HSDS page envelope around `contents`. */
export function hsdsPage<T>(contents: T[], total: number, page: number, perPage: number): HsdsPage<T> {
	const totalPages = Math.ceil(total / perPage);
	return {
		total_items: total,
		total_pages: totalPages,
		page_number: page,
		size: contents.length,
		first_page: page === 1,
		last_page: page >= totalPages,
		empty: contents.length === 0,
		contents
	};
}

/** Whether a service row carries `term` (for terms the SQL query cannot filter by). */
function rowHasTerm(row: ExportRow, t: HsdsTaxonomyTerm): boolean {
	const s = row.service;
	switch (t.taxonomy) {
		case 'cop:topic':
			return s.topics.includes(t.code);
		case 'cop:four_c':
			return s.topics.some((topic) => (TOPICS as Record<string, string>)[topic] === t.code);
		case 'cop:action':
			return s.actions.includes(t.code);
		case 'cop:kind':
			return s.kind === t.code;
		case 'cop:cost':
			return s.cost === t.code;
		case 'cop:channel':
			return row.channels.some((c) => c.type === t.code);
		default:
			return false;
	}
}

const SCAN_PAGE = 500;

/**
 * One page of services as HSDS. Topic terms are filtered in SQL; other terms (4C, action, kind,
 * cost, channel type) by scanning the export in pages until `listForExport` can filter by them.
 * On a federation hub the members' services follow this instance's own, each marked with its
 * source (federated.ts); the name search applies to them, a taxonomy term or modified_after does
 * not select them (a member's record carries its own terms and dates, not checked on the hub).
 */
export async function hsdsServicePage(params: HsdsListParams, options: { now?: Date } = {}): Promise<HsdsPage<HsdsService>> {
	const base = { search: params.search, modifiedAfter: params.modifiedAfter };
	const t = params.term;
	if (!t && !params.modifiedAfter) {
		const { total, rows } = await listForExport({ ...base, page: params.page, perPage: params.perPage });
		const federatedTotal = await countFederated({ search: params.search });
		const start = (params.page - 1) * params.perPage;
		const more = await listFederated({ search: params.search }, Math.max(0, start - total), params.perPage - rows.length);
		return hsdsPage([...rows.map((r) => toHsdsService(r, options)), ...more], total + federatedTotal, params.page, params.perPage);
	}
	if (!t || t.taxonomy === 'cop:topic') {
		const { total, rows } = await listForExport({ ...base, topic: t?.code, page: params.page, perPage: params.perPage });
		return hsdsPage(rows.map((r) => toHsdsService(r, options)), total, params.page, params.perPage);
	}
	const matches: ExportRow[] = [];
	for (let page = 1; ; page++) {
		const { rows } = await listForExport({ ...base, page, perPage: SCAN_PAGE });
		for (const r of rows) if (rowHasTerm(r, t)) matches.push(r);
		if (rows.length < SCAN_PAGE) break;
	}
	const start = (params.page - 1) * params.perPage;
	const slice = matches.slice(start, start + params.perPage);
	return hsdsPage(slice.map((r) => toHsdsService(r, options)), matches.length, params.page, params.perPage);
}
