// Bulk import of services from HSDS 3.0 JSON or CSV. Parsing reports every bad record by its
// line (CSV: the physical line the record starts on, header = line 1; JSON: the record's
// position, 1-based) with field and error code; importing writes all records in one
// transaction, or nothing at all when any record is bad. Formats: docs/hsds.md.
import * as v from 'valibot';
import { db } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { isValidTimeZone, validateHours } from '../../directory/hours';
import type { Hours, HoursException, Weekday, WeeklyRule } from '../../directory/hours-types';
import type { ChannelType } from '../../directory/taxonomy';
import { insertServiceAsSystem } from './commands';
import { fromHsdsService, type FieldError } from './hsds';
import { ServiceInput } from './input';
import { canForCountries } from './policy';

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
 * RFC 4180 CSV: comma-separated fields; records end with CRLF (LF or CR alone also accepted); a
 * field in double quotes may hold commas, line breaks and doubled quotes (""). Line breaks
 * inside quoted fields come out as "\n". A leading byte-order mark is ignored. A quote inside an
 * unquoted field is kept as it is.
 */
export function parseCsvRecords(text: string): { records: CsvRecord[]; error?: { line: number; code: string } } {
	const records: CsvRecord[] = [];
	const n = text.length;
	let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	let line = 1;
	while (i < n) {
		const start = line;
		const fields: string[] = [];
		for (;;) {
			let field = '';
			if (text[i] === '"') {
				i++;
				for (;;) {
					if (i >= n) return { records, error: { line: start, code: 'csv_quote_unclosed' } };
					const ch = text[i];
					if (ch === '"') {
						if (text[i + 1] === '"') {
							field += '"';
							i += 2;
							continue;
						}
						i++;
						break;
					}
					if (ch === '\r' || ch === '\n') {
						field += '\n';
						line++;
						i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
						continue;
					}
					field += ch;
					i++;
				}
				if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') return { records, error: { line, code: 'csv_quote_invalid' } };
			} else {
				let j = i;
				while (j < n && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
				field = text.slice(i, j);
				i = j;
			}
			fields.push(field);
			if (i < n && text[i] === ',') {
				i++;
				continue;
			}
			// end of record: a line break or the end of the text
			if (i < n) {
				i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
				line++;
			}
			break;
		}
		records.push({ line: start, fields });
	}
	return { records };
}

// ---------------------------------------------------------------- opening hours as text

const DAY_NAMES: Record<string, Weekday> = { su: 0, mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6 };
const WEEK: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function day(s: string): Weekday | undefined {
	const k = s.trim().toLowerCase();
	// Mo, Mon, Monday
	if (!/^[a-z]{2,9}$/.test(k)) return undefined;
	const d = DAY_NAMES[k.slice(0, 2)];
	const full = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][d ?? 0];
	return d !== undefined && full.startsWith(k) ? d : undefined;
}

/** "Mo-Fr", "Sa,Su", "Fr-Mo" (wraps), "daily" -> weekdays in written order; undefined when unreadable. */
function days(spec: string): Weekday[] | undefined {
	if (/^(daily|every ?day)$/i.test(spec.trim())) return [...WEEK];
	const out: Weekday[] = [];
	for (const part of spec.split(',')) {
		const [a, b, extra] = part.split('-');
		if (extra !== undefined) return undefined;
		const from = day(a);
		if (from === undefined) return undefined;
		if (b === undefined) {
			out.push(from);
			continue;
		}
		const to = day(b);
		if (to === undefined) return undefined;
		for (let k = WEEK.indexOf(from); ; k = (k + 1) % 7) {
			out.push(WEEK[k]);
			if (WEEK[k] === to) break;
		}
	}
	return out;
}

const TIME = /^(\d{1,2}):(\d{2})$/;
const pad = (t: string) => {
	const m = TIME.exec(t.trim());
	return m ? `${m[1].padStart(2, '0')}:${m[2]}` : undefined;
};

function range(s: string): { opens: string; closes: string } | undefined {
	const parts = s.split('-');
	if (parts.length !== 2) return undefined;
	const opens = pad(parts[0]);
	const closes = pad(parts[1]);
	return opens && closes ? { opens, closes } : undefined;
}

/** Splits on `;` outside parentheses (notes may contain anything but parentheses). */
function items(spec: string): string[] {
	const out: string[] = [];
	let depth = 0;
	let cur = '';
	for (const ch of spec) {
		if (ch === '(') depth++;
		if (ch === ')') depth = Math.max(0, depth - 1);
		if (ch === ';' && depth === 0) {
			out.push(cur);
			cur = '';
		} else cur += ch;
	}
	out.push(cur);
	return out.map((s) => s.trim()).filter(Boolean);
}

/**
 * Reads hours written as text, for `timezone`:
 *   `24/7`                                   open around the clock
 *   `Mo-Fr 08:00-20:00; Sa 10:00-14:00`      weekly rules (days: Mo Tu We Th Fr Sa Su, ranges, lists, `daily`)
 *   `Mo-Fr 09:00-12:00,13:00-17:00`          several ranges a day
 *   `Fr 22:00-02:00`                         past midnight (closes the next day)
 *   `2026-12-25 closed (Christmas)`          a dated exception, with an optional note
 *   `2026-12-24 10:00-14:00`                 special hours that day
 * Items are separated by `;`. Returns the hours, or an error code: 'hours_syntax' when the text
 * cannot be read, otherwise the code `validateHours` gives (e.g. 'time_invalid', 'timezone_invalid').
 */
export function parseHoursSpec(spec: string, timezone: string): { hours: Hours; error?: undefined } | { hours?: undefined; error: string } {
	const list = items(spec);
	if (list.length === 0) return { error: 'hours_empty' };
	let always = false;
	const weekly: WeeklyRule[] = [];
	const exceptions: HoursException[] = [];
	for (const item of list) {
		if (/^24\s*\/\s*7$/.test(item)) {
			always = true;
			continue;
		}
		const ex = /^(\d{4}-\d{2}-\d{2})\s+(closed|[\d:]+\s*-\s*[\d:]+)\s*(?:\(([^()]*)\))?$/i.exec(item);
		if (ex) {
			const e: HoursException = { date: ex[1] };
			if (/^closed$/i.test(ex[2])) e.closed = true;
			else {
				const r = range(ex[2]);
				if (!r) return { error: 'hours_syntax' };
				e.opens = r.opens;
				e.closes = r.closes;
			}
			if (ex[3]?.trim()) e.note = ex[3].trim();
			exceptions.push(e);
			continue;
		}
		const wk = /^([A-Za-z][A-Za-z ,-]*?)\s+(\d[\d:\s,-]*)$/.exec(item);
		if (!wk) return { error: 'hours_syntax' };
		const ds = days(wk[1].replace(/\s+/g, ''));
		const ranges = wk[2].split(',').map(range);
		if (!ds || ranges.some((r) => !r)) return { error: 'hours_syntax' };
		for (const d of ds)
			for (const r of ranges) {
				if (!weekly.some((w) => w.day === d && w.opens === r!.opens && w.closes === r!.closes)) weekly.push({ day: d, opens: r!.opens, closes: r!.closes });
			}
	}
	if (always && weekly.length) return { error: 'hours_syntax' };
	const hours: Hours = { timezone, always, weekly, exceptions };
	const invalid = validateHours(hours);
	return invalid ? { error: invalid } : { hours };
}

// ---------------------------------------------------------------- CSV services

const LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;

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
		return out;
	});
	return { valid, invalid, rows: checked, written: ids.length, ids };
}
