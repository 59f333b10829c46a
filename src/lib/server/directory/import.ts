// Bulk import of services from HSDS 3.0 JSON or CSV. Parsing reports every bad record by its
// line (CSV: the physical line the record starts on, header = line 1; JSON: the record's
// position, 1-based) with field and error code; importing writes all records in one
// transaction, or nothing at all when any record is bad. Formats: docs/hsds.md.
import { parse as parseCsvText } from 'csv-parse/sync';
import * as v from 'valibot';
import { db } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { isValidTimeZone, validateHours } from '../../directory/hours';
import type { Hours, HoursException, Weekday, WeeklyRule } from '../../directory/hours-types';
import type { ChannelType } from '../../directory/taxonomy';
import { insertServiceAsSystem } from './commands';
import { ANALYZE_AFTER_ROWS, scheduleAnalyze } from './maintenance';
import { fromHsdsService, type FieldError } from './hsds';
import { parseHoursSpec } from '../../directory/hours-text';
import { ServiceInput } from './input';
import { canForCountries } from './policy';
import { locales } from '../../paraglide/runtime';

export type { FieldError };

export interface ImportRow {
	/** CSV: physical line the record starts on (header = 1); HSDS JSON: record number (1-based); 0 = the file as a whole */
	line: number;
	input?: ServiceInput;
	errors: FieldError[];
}

export interface ParsedImport {
	rows: ImportRow[];
}

export interface ImportReport {
	valid: number;
	invalid: number;
	rows: ImportRow[];
	written: number;
	/** ids of the services written, in row order */
	ids: string[];
}

/** More records than this in one file is refused (split the file). */
export const IMPORT_MAX_ROWS = 5000;

const fileError = (line: number, code: string): ParsedImport => ({ rows: [{ line, errors: [{ field: '_', code }] }] });

/** Validates a raw service with ServiceInput; `field` renames valibot paths for the reader. */
function validateRow(line: number, raw: unknown, preErrors: FieldError[], field: (path: (string | number)[]) => string, explained: Set<string> = new Set()): ImportRow {
	const errors: FieldError[] = [...preErrors];
	const seen = new Set(errors.map((e) => e.field));
	for (const f of explained) seen.add(f);
	const result = v.safeParse(ServiceInput, raw);
	if (!result.success) {
		for (const issue of result.issues) {
			const path = (issue.path ?? []).map((p) => p.key as string | number);
			const name = path.length ? field(path) : '_';
			// a field already explained by the parser keeps that (more precise) explanation
			if (seen.has(name) && (explained.has(name) || preErrors.some((e) => e.field === name))) continue;
			const code = /^[a-z_]+$/.test(issue.message) ? issue.message : 'invalid_value';
			if (!errors.some((e) => e.field === name && e.code === code)) errors.push({ field: name, code });
			seen.add(name);
		}
	}
	if (errors.length || !result.success) return { line, errors };
	return { line, input: result.output, errors: [] };
}

// ---------------------------------------------------------------- HSDS JSON

/**
 * HSDS JSON: an array of services, an HSDS page (`{ "contents": [...] }`, as our API returns),
 * or one service. Records are numbered from 1 in the order given.
 */
export function parseHsdsJson(text: string): ParsedImport {
	let data: unknown;
	try {
		data = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch {
		return fileError(0, 'json_invalid');
	}
	const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
	const list = Array.isArray(data) ? data : isObj(data) && Array.isArray(data.contents) ? data.contents : isObj(data) ? [data] : null;
	if (!list) return fileError(0, 'json_invalid');
	if (list.length > IMPORT_MAX_ROWS) return fileError(0, 'too_many_rows');
	return {
		rows: list.map((record, i) => {
			const { raw, errors } = fromHsdsService(record);
			return validateRow(i + 1, raw, errors, (path) => path.join('.'));
		})
	};
}

// ---------------------------------------------------------------- CSV (RFC 4180)

export interface CsvRecord {
	/** physical line (1-based) the record starts on */
	line: number;
	fields: string[];
}

/**
 * RFC 4180 CSV through `csv-parse`: comma-separated fields; records end with CRLF (LF or CR alone
 * also accepted); a field in double quotes may hold commas, line breaks and doubled quotes ("").
 * Line breaks inside quoted fields come out as "\n". A leading byte-order mark is ignored. A quote
 * inside an unquoted field is kept as it is. Errors name the physical line: where the record
 * starts for an unclosed quote, where the text after a closing quote is otherwise.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; error?: { line: number; code: string } } {
	const bytes = Buffer.from(text, 'utf8');
	const ends: number[] = [];
	const read = (relaxQuotes: boolean): string[][] =>
		parseCsvText(text, {
			bom: true,
			relax_column_count: true,
			relax_quotes: relaxQuotes,
			skip_empty_lines: false,
			record_delimiter: ['\r\n', '\n', '\r'],
			on_record: (record: string[], context: { bytes: number }) => {
				ends.push(context.bytes);
				return record;
			}
		});
	/** Line breaks (CRLF, LF or CR each count once) before byte `end`, plus one. */
	const lineAt = (end: number) => 1 + (bytes.subarray(0, end).toString('utf8').match(/\r\n|\r|\n/g)?.length ?? 0);
	let rows: string[][];
	try {
		try {
			rows = read(false);
		} catch (e) {
			// a quote inside an unquoted field: read again keeping such quotes as text
			if ((e as { code?: string }).code !== 'INVALID_OPENING_QUOTE') throw e;
			ends.length = 0;
			rows = read(true);
		}
	} catch (e) {
		const err = e as { code?: string; lines?: number };
		if (err.code === 'CSV_QUOTE_NOT_CLOSED') return { records: [], error: { line: lineAt(ends.at(-1) ?? 0), code: 'csv_quote_unclosed' } };
		if (err.code === 'CSV_INVALID_CLOSING_QUOTE') return { records: [], error: { line: err.lines ?? 1, code: 'csv_quote_invalid' } };
		throw e;
	}
	return { records: rows.map((fields, k) => ({ line: lineAt(k ? ends[k - 1] : 0), fields: fields.map((f) => f.replace(/\r\n?/g, '\n')) })) };
}

// ---------------------------------------------------------------- CSV services

const LOCALES = locales;

interface ChannelColumns {
	type: ChannelType;
	value: string;
	hours: string;
	detail?: string;
	free?: string;
	bill?: string;
	/** without an hours column value: an error (true) or open 24/7 (asynchronous channels) */
	hoursRequired: boolean;
}

/** One channel of each type per CSV row, in this order (a test checks every channel type is here). */
export const CSV_CHANNELS: readonly ChannelColumns[] = [
	{ type: 'phone', value: 'phone', hours: 'phone_hours', free: 'phone_free', bill: 'phone_shows_on_bill', hoursRequired: true },
	{ type: 'sms', value: 'sms', detail: 'sms_keyword', hours: 'sms_hours', free: 'sms_free', bill: 'sms_shows_on_bill', hoursRequired: true },
	{ type: 'webchat', value: 'webchat_url', hours: 'webchat_hours', hoursRequired: true },
	{ type: 'messaging', value: 'messaging_url', detail: 'messaging_app', hours: 'messaging_hours', hoursRequired: true },
	{ type: 'email', value: 'email', hours: 'email_hours', hoursRequired: false },
	{ type: 'webform', value: 'webform_url', hours: 'webform_hours', hoursRequired: false },
	{ type: 'app', value: 'app_url', hours: 'app_hours', hoursRequired: false }
];

/** Every column the CSV import knows. */
export const CSV_COLUMNS: readonly string[] = [
	'organization_name',
	...LOCALES.filter((l) => l !== 'en').map((l) => `organization_name_${l}`),
	'organization_website',
	...LOCALES.map((l) => `name_${l}`),
	...LOCALES.map((l) => `description_${l}`),
	...LOCALES.map((l) => `what_happens_${l}`),
	'kind',
	'status',
	'countries',
	'areas',
	'topics',
	'actions',
	'age_min',
	'age_max',
	'languages',
	'cost',
	'website',
	'source',
	'timezone',
	...CSV_CHANNELS.flatMap((c) => [c.value, c.detail, c.hours, c.free, c.bill].filter((x): x is string => !!x))
];

const KNOWN = new Set(CSV_COLUMNS);

function bool(s: string): boolean | null | 'invalid' {
	const k = s.trim().toLowerCase();
	if (k === '' || k === 'unknown') return null;
	if (['yes', 'y', 'true', '1'].includes(k)) return true;
	if (['no', 'n', 'false', '0'].includes(k)) return false;
	return 'invalid';
}

const list = (s: string) => s.split(/[\s,;]+/).map((x) => x.trim()).filter(Boolean);

/**
 * CSV with a header row naming the columns (any order; see CSV_COLUMNS and docs/hsds.md), one
 * service per record. Errors name the CSV column.
 */
export function parseCsv(text: string): ParsedImport {
	const { records, error } = parseCsvRecords(text);
	if (error) return fileError(error.line, error.code);
	if (records.length === 0) return fileError(1, 'csv_empty');
	const [head, ...body] = records;

	// -- the header
	const headerErrors: FieldError[] = [];
	const index = new Map<string, number>();
	head.fields.forEach((raw, i) => {
		let name = raw.trim().toLowerCase();
		if (name === 'organization_name_en') name = 'organization_name';
		if (!KNOWN.has(name)) headerErrors.push({ field: raw.trim() || `column_${i + 1}`, code: 'column_unknown' });
		else if (index.has(name)) headerErrors.push({ field: name, code: 'column_duplicate' });
		else index.set(name, i);
	});
	const has = (c: string) => index.has(c);
	for (const c of ['kind', 'countries', 'actions']) if (!has(c)) headerErrors.push({ field: c, code: 'column_required' });
	const nameColumns = LOCALES.map((l) => `name_${l}`).filter(has);
	if (nameColumns.length === 0) headerErrors.push({ field: 'name_en', code: 'column_required' });
	if (!has('organization_name') && !LOCALES.some((l) => has(`organization_name_${l}`))) headerErrors.push({ field: 'organization_name', code: 'column_required' });
	if (!CSV_CHANNELS.some((c) => has(c.value))) headerErrors.push({ field: 'phone', code: 'column_required' });
	if (headerErrors.length) return { rows: [{ line: head.line, errors: headerErrors }] };

	const rows = body.filter((r) => !(r.fields.length === 1 && r.fields[0].trim() === ''));
	if (rows.length > IMPORT_MAX_ROWS) return fileError(0, 'too_many_rows');

	return {
		rows: rows.map((record) => {
			if (record.fields.length !== head.fields.length) return { line: record.line, errors: [{ field: '_', code: 'csv_field_count' }] };
			const get = (c: string) => {
				const i = index.get(c);
				return i === undefined ? '' : record.fields[i].trim();
			};
			const errors: FieldError[] = [];
			const localeMap = (prefix: string, enColumn = `${prefix}_en`) => {
				const m: Record<string, string> = {};
				for (const l of LOCALES) {
					const c = l === 'en' ? enColumn : `${prefix}_${l}`;
					if (has(c)) m[l] = get(c);
				}
				return m;
			};
			const opt = (c: string) => get(c) || null;
			const age = (c: string) => {
				const s = get(c);
				return s === '' ? null : /^\d{1,3}$/.test(s) ? Number(s) : s;
			};

			// -- channels, remembering which columns each came from (to name columns in errors)
			const timezone = get('timezone');
			let zoneReported = false;
			/** columns whose problem another error already explains (hours without a usable zone) */
			const explained = new Set<string>();
			const channelColumns: ChannelColumns[] = [];
			const channels: Record<string, unknown>[] = [];
			for (const cols of CSV_CHANNELS) {
				const value = get(cols.value);
				if (!value) continue;
				const spec = get(cols.hours);
				let hours: Hours | null = null;
				if (!spec) {
					if (cols.hoursRequired) errors.push({ field: cols.hours, code: 'hours_required' });
					else hours = { timezone: timezone && isValidTimeZone(timezone) ? timezone : 'UTC', always: true, weekly: [], exceptions: [] };
				} else if (!timezone) {
					if (!zoneReported) errors.push({ field: 'timezone', code: 'timezone_required' });
					zoneReported = true;
					explained.add(cols.hours);
				} else if (!isValidTimeZone(timezone)) {
					if (!zoneReported) errors.push({ field: 'timezone', code: 'timezone_invalid' });
					zoneReported = true;
					explained.add(cols.hours);
				} else {
					const parsed = parseHoursSpec(spec, timezone);
					if (parsed.error !== undefined) errors.push({ field: cols.hours, code: parsed.error });
					else hours = parsed.hours;
				}
				const flag = (c: string | undefined) => {
					if (!c) return null;
					const b = bool(get(c));
					if (b === 'invalid') {
						errors.push({ field: c, code: 'boolean_invalid' });
						return null;
					}
					return b;
				};
				channels.push({
					type: cols.type,
					value,
					detail: cols.detail ? get(cols.detail) || null : null,
					label: {},
					hours,
					showsOnBill: flag(cols.bill),
					free: flag(cols.free)
				});
				channelColumns.push(cols);
			}

			const raw = {
				organization: { name: localeMap('organization_name', 'organization_name'), website: opt('organization_website') },
				name: localeMap('name'),
				description: localeMap('description'),
				whatHappens: localeMap('what_happens'),
				kind: get('kind') || undefined,
				status: get('status') || undefined,
				ageMin: age('age_min'),
				ageMax: age('age_max'),
				languages: list(get('languages')).map((s) => s.toLowerCase()),
				countries: list(get('countries')).map((s) => s.toUpperCase()),
				areas: get('areas').split(';').map((s) => s.trim()).filter(Boolean),
				cost: get('cost') || undefined,
				topics: list(get('topics')).map((s) => s.toLowerCase()),
				actions: list(get('actions')).map((s) => s.toLowerCase()),
				website: opt('website'),
				source: opt('source'),
				channels
			};

			const column = (path: (string | number)[]): string => {
				const [head0, k, sub] = path;
				switch (head0) {
					case 'organization':
						if (k === 'website') return 'organization_website';
						return typeof sub === 'string' && sub !== 'en' ? `organization_name_${sub}` : 'organization_name';
					case 'name':
						return typeof k === 'string' ? `name_${k}` : nameColumns[0];
					case 'description':
						return `description_${typeof k === 'string' ? k : 'en'}`;
					case 'whatHappens':
						return `what_happens_${typeof k === 'string' ? k : 'en'}`;
					case 'ageMin':
						return 'age_min';
					case 'ageMax':
						return 'age_max';
					case 'channels': {
						const cols = typeof k === 'number' ? channelColumns[k] : undefined;
						if (!cols) return 'channels';
						if (sub === 'hours') return cols.hours;
						if (sub === 'detail') return cols.detail ?? cols.value;
						if (sub === 'free') return cols.free ?? cols.value;
						if (sub === 'showsOnBill') return cols.bill ?? cols.value;
						return cols.value;
					}
					default:
						return String(head0);
				}
			};
			return validateRow(record.line, raw, errors, column, explained);
		})
	};
}

// ---------------------------------------------------------------- importing

/**
 * Imports parsed rows. Global directory moderators and admins only. Writes nothing when any row
 * has errors, or on a dry run; otherwise every service and its audit entry in one transaction.
 */
export async function importServices(actor: Actor | null, rows: ImportRow[], options: { dryRun: boolean }): Promise<ImportReport> {
	assertHolds(actor, canForCountries(actor, 'import.run', []));
	const checked = rows.map((r) => (r.input || r.errors.length ? r : { ...r, errors: [{ field: '_', code: 'record_invalid' }] }));
	const invalid = checked.filter((r) => r.errors.length > 0 || !r.input).length;
	const valid = checked.length - invalid;
	if (options.dryRun || invalid > 0 || checked.length === 0) return { valid, invalid, rows: checked, written: 0, ids: [] };
	const ids = await db().transaction(async (tx) => {
		const out: string[] = [];
		for (const r of checked) {
			const id = await insertServiceAsSystem(tx, r.input, { isDemo: false });
			await audit.record(tx, actor, { action: 'service.import', entityType: 'service', entityId: id, after: r.input });
			out.push(id);
		}
		if (out.length >= ANALYZE_AFTER_ROWS) await scheduleAnalyze(tx);
		return out;
	});
	return { valid, invalid, rows: checked, written: ids.length, ids };
}
