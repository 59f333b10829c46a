import { readFileSync } from 'node:fs';
import { codeOf } from '../test/errors';
import { count, eq } from 'drizzle-orm';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import * as identity from '../identity';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser } from '../test/factories';
import * as directory from '.';
import { toHsdsService } from './hsds';
import { CHANNEL_TYPES } from '../../directory/taxonomy';
import { parseHoursSpec } from '../../directory/hours-text';
import { CSV_CHANNELS, importServices, parseCsv, parseCsvRecords, parseHsdsJson, type ImportRow } from './import';
import { ServiceInput } from './input';
import { services } from './schema';

useFreshDatabase();

async function serviceCount(): Promise<number> {
	const [{ n }] = await db().select({ n: count() }).from(services);
	return n;
}


const admin = () => makeUser({ grants: [grant('admin')] });
const globalModerator = () => makeUser({ grants: [grant('directory_moderator')] });

describe('CSV records (RFC 4180)', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks, CRLF, and numbers lines physically', () => {
		const text = '\uFEFFa,b,c\r\n1,"two, with comma","say ""hi"""\r\n"multi\r\nline\nfield",x,\r\n\r\nlast,"",z';
		const { records, error } = parseCsvRecords(text);
		expect(error).toBeUndefined();
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b', 'c'] },
			{ line: 2, fields: ['1', 'two, with comma', 'say "hi"'] },
			{ line: 3, fields: ['multi\nline\nfield', 'x', ''] },
			{ line: 6, fields: [''] },
			{ line: 7, fields: ['last', '', 'z'] }
		]);
	});

	it('accepts LF files and a final line break', () => {
		expect(parseCsvRecords('a,b\n1,2\n').records).toEqual([
			{ line: 1, fields: ['a', 'b'] },
			{ line: 2, fields: ['1', '2'] }
		]);
	});

	it('reports an unclosed quote at the line its record starts on, and text after a closing quote', () => {
		expect(parseCsvRecords('a\n"ok"\n"never\nclosed').error).toEqual({ line: 3, code: 'csv_quote_unclosed' });
		expect(parseCsvRecords('a,b\n"x"y,z').error).toEqual({ line: 2, code: 'csv_quote_invalid' });
	});
});

const HEADER =
	'organization_name,organization_website,name_en,name_fr,description_en,what_happens_en,kind,status,countries,areas,topics,actions,age_min,age_max,languages,cost,website,source,timezone,phone,phone_hours,phone_free,phone_shows_on_bill,sms,sms_keyword,sms_hours,webchat_url,webchat_hours,email';

const GOOD_ROW_1 =
	'Childline Kenya,https://www.childlinekenya.co.ke,Childline Kenya 116,Ligne 116,"Free helpline, day or night","A counsellor answers.\nYou can stay anonymous.",helpline,active,KE,,bullying_cyberbullying grooming,talk,,17,en sw,free,https://www.childlinekenya.co.ke,https://www.childlinekenya.co.ke,Africa/Nairobi,116,24/7,yes,no,21116,HELP,Mo-Fr 08:00-20:00; Sa 10:00-14:00,,,';
const GOOD_ROW_2 =
	'"Association ""e-Enfance""",,3018 (France),3018,,,chat_line,,FR,Île-de-France;Bretagne,images_shared_without_consent,talk remove_image,11,25,fr,,https://e-enfance.org,,Europe/Paris,3018,Mo-Fr 09:00-23:00; 2026-12-25 closed (Noël),,,,,,https://e-enfance.org/chat,Mo-Fr 09:00-23:00,contact@e-enfance.org';

describe('CSV import', () => {
	it('turns each record into a service input', () => {
		const { rows } = parseCsv([HEADER, GOOD_ROW_1, GOOD_ROW_2].join('\r\n') + '\r\n');
		expect(rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[4, []]
		]);
		expect(rows[0].input).toEqual(
			v.parse(ServiceInput, {
				organization: { name: { en: 'Childline Kenya' }, website: 'https://www.childlinekenya.co.ke' },
				name: { en: 'Childline Kenya 116', fr: 'Ligne 116' },
				description: { en: 'Free helpline, day or night' },
				whatHappens: { en: 'A counsellor answers.\nYou can stay anonymous.' },
				kind: 'helpline',
				status: 'active',
				ageMin: null,
				ageMax: 17,
				languages: ['en', 'sw'],
				countries: ['KE'],
				areas: [],
				cost: 'free',
				topics: ['bullying_cyberbullying', 'grooming'],
				actions: ['talk'],
				website: 'https://www.childlinekenya.co.ke',
				source: 'https://www.childlinekenya.co.ke',
				channels: [
					{ type: 'phone', value: '116', detail: null, label: {}, hours: { timezone: 'Africa/Nairobi', always: true, weekly: [], exceptions: [] }, showsOnBill: false, free: true },
					{
						type: 'sms',
						value: '21116',
						detail: 'HELP',
						label: {},
						hours: parseHoursSpec('Mo-Fr 08:00-20:00; Sa 10:00-14:00', 'Africa/Nairobi').hours,
						showsOnBill: null,
						free: null
					}
				]
			})
		);
		const france = rows[1].input!;
		expect(france.organization.name).toEqual({ en: 'Association "e-Enfance"' });
		expect(france.areas).toEqual(['Île-de-France', 'Bretagne']);
		expect(france.status).toBe('active');
		expect(france.channels.map((c) => c.type)).toEqual(['phone', 'webchat', 'email']);
		expect(france.channels[0].hours.exceptions).toEqual([{ date: '2026-12-25', closed: true, note: 'Noël' }]);
		expect(france.channels[2].hours).toEqual({ timezone: 'Europe/Paris', always: true, weekly: [], exceptions: [] });
	});

	it('imports a valid file in one go, with an audit entry per service', async () => {
		const actor = await globalModerator();
		const before = await serviceCount();
		const report = await importServices(actor, parseCsv([HEADER, GOOD_ROW_1, GOOD_ROW_2].join('\n')).rows, { dryRun: false });
		expect(report).toMatchObject({ valid: 2, invalid: 0, written: 2 });
		expect(await serviceCount()).toBe(before + 2);
		const found = await directory.getService(report.ids[0]);
		expect(found?.service.name).toEqual({ en: 'Childline Kenya 116', fr: 'Ligne 116' });
		expect(found?.service.isDemo).toBe(false);
		expect(found?.channels.map((c) => c.type)).toEqual(['phone', 'sms']);
		const audit = await identity.audit.list({ q: report.ids[1] });
		expect(audit.map((e) => e.action)).toEqual(['service.import']);
		expect(audit[0].actorId).toBe(actor.id);
	});

	it('a large import schedules one ANALYZE off the request path, so searches get a good plan at once', async () => {
		const jobs = await import('../platform/jobs');
		const actor = await globalModerator();
		await importServices(actor, parseCsv([HEADER, GOOD_ROW_1, GOOD_ROW_2].join('\n')).rows, { dryRun: false });
		expect(await jobs.list('directory.analyze:')).toEqual([]); // small imports leave the statistics as they are
		const report = await importServices(actor, parseCsv([HEADER, ...Array(100).fill(GOOD_ROW_1)].join('\n')).rows, { dryRun: false });
		expect(report.written).toBe(100);
		const [job] = await jobs.list('directory.analyze:');
		expect(job.kind).toBe('directory.analyze');
		expect(await jobs.runDue(new Date(Date.now() + 1000))).toBeGreaterThanOrEqual(1);
		const [done] = await jobs.list('directory.analyze:');
		expect(done.doneAt).not.toBeNull();
		expect(done.lastError).toBeNull();
	});

	it('a bad record on line 3 is reported with field and code, and nothing at all is written', async () => {
		const bad = GOOD_ROW_1.replace(',KE,', ',XX,');
		const parsed = parseCsv([HEADER, GOOD_ROW_2, bad, GOOD_ROW_2].join('\n'));
		// the last record starts on line 5: the bad one (line 3) holds a line break in a quoted field
		expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 5]);
		expect(parsed.rows[1]).toEqual({ line: 3, errors: [{ field: 'countries', code: 'country_invalid' }] });
		const before = await serviceCount();
		const report = await importServices(await admin(), parsed.rows, { dryRun: false });
		expect(report).toMatchObject({ valid: 2, invalid: 1, written: 0, ids: [] });
		expect(await serviceCount()).toBe(before);
	});

	it('line numbers count the lines inside quoted fields', () => {
		// GOOD_ROW_1 spans two physical lines (a line break inside what_happens_en)
		const parsed = parseCsv([HEADER, GOOD_ROW_1, GOOD_ROW_1.replace(',talk,', ',dance,')].join('\n'));
		expect(parsed.rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[4, [{ field: 'actions', code: 'action_invalid' }]]
		]);
	});

	it('a dry run validates and writes nothing', async () => {
		const before = await serviceCount();
		const report = await importServices(await globalModerator(), parseCsv([HEADER, GOOD_ROW_1].join('\n')).rows, { dryRun: true });
		expect(report).toMatchObject({ valid: 1, invalid: 0, written: 0 });
		expect(await serviceCount()).toBe(before);
	});

	it('names the CSV column of every problem', () => {
		const row = (changes: Record<string, string>) => {
			const cols = HEADER.split(',');
			const base = parseCsvRecords([HEADER, GOOD_ROW_1].join('\n')).records[1].fields;
			return cols.map((c, i) => {
				const val = c in changes ? changes[c] : base[i];
				return /[",\n]/.test(val) ? `"${val.replace(/"/g, '""')}"` : val;
			}).join(',');
		};
		const errorsOf = (changes: Record<string, string>) => parseCsv([HEADER, row(changes)].join('\n')).rows[0].errors;
		expect(errorsOf({ sms_hours: 'weekdays' })).toEqual([{ field: 'sms_hours', code: 'hours_syntax' }]);
		expect(errorsOf({ sms_hours: '' })).toEqual([{ field: 'sms_hours', code: 'hours_required' }]);
		expect(errorsOf({ timezone: '' })).toEqual([{ field: 'timezone', code: 'timezone_required' }]);
		expect(errorsOf({ timezone: 'Nairobi' })).toEqual([{ field: 'timezone', code: 'timezone_invalid' }]);
		expect(errorsOf({ phone_free: 'maybe' })).toEqual([{ field: 'phone_free', code: 'boolean_invalid' }]);
		expect(errorsOf({ phone: 'call us' })).toEqual([{ field: 'phone', code: 'channel_value_invalid' }]);
		expect(errorsOf({ age_min: 'ten' })).toEqual([{ field: 'age_min', code: 'age_invalid' }]);
		expect(errorsOf({ age_min: '18', age_max: '12' })).toEqual([{ field: 'age_max', code: 'age_range_invalid' }]);
		expect(errorsOf({ name_en: '', name_fr: '' })).toEqual([{ field: 'name_en', code: 'text_required' }]);
		expect(errorsOf({ organization_website: 'www.example.org' })).toEqual([{ field: 'organization_website', code: 'url_invalid' }]);
		expect(errorsOf({ kind: 'hotline', topics: 'grooming bananas' })).toEqual([
			{ field: 'kind', code: 'kind_invalid' },
			{ field: 'topics', code: 'topic_invalid' }
		]);
		expect(errorsOf({ phone: '', sms: '' })).toEqual([{ field: 'channels', code: 'channel_required' }]);
	});

	it('has columns for every channel type', () => {
		expect(CSV_CHANNELS.map((c) => c.type)).toEqual([...CHANNEL_TYPES]);
	});

	it('the example in docs/hsds.md is valid', () => {
		const doc = readFileSync('docs/hsds.md', 'utf8');
		const csv = /```csv\n([\s\S]*?)```/.exec(doc)![1];
		const { rows } = parseCsv(csv);
		expect(rows.map((r) => [r.line, r.errors])).toEqual([
			[2, []],
			[3, []]
		]);
		expect(rows[1].input?.description).toEqual({ en: 'Online harassment, blackmail,\nintimate images' });
	});

	it('checks the header: unknown, duplicate and missing columns are reported on line 1', () => {
		expect(parseCsv('name_en,kind,countries,actions,phone,phone_hour,organization_name,kind\nx').rows).toEqual([
			{
				line: 1,
				errors: [
					{ field: 'phone_hour', code: 'column_unknown' },
					{ field: 'kind', code: 'column_duplicate' }
				]
			}
		]);
		expect(parseCsv('name_en,phone\nx,1').rows[0].errors).toEqual([
			{ field: 'kind', code: 'column_required' },
			{ field: 'countries', code: 'column_required' },
			{ field: 'actions', code: 'column_required' },
			{ field: 'organization_name', code: 'column_required' }
		]);
		expect(parseCsv('').rows).toEqual([{ line: 1, errors: [{ field: '_', code: 'csv_empty' }] }]);
		expect(parseCsv(`${HEADER}\n"broken`).rows).toEqual([{ line: 2, errors: [{ field: '_', code: 'csv_quote_unclosed' }] }]);
		expect(parseCsv(`${HEADER}\na,b`).rows).toEqual([{ line: 2, errors: [{ field: '_', code: 'csv_field_count' }] }]);
	});

	it('only global directory moderators and admins may import', async () => {
		const rows = parseCsv([HEADER, GOOD_ROW_1].join('\n')).rows;
		const before = await serviceCount();
		const kenyaModerator = await makeUser({ grants: [grant('directory_moderator', { country: 'KE' })] });
		const regionModerator = await makeUser({ grants: [grant('directory_moderator', { region: 'africa' })] });
		expect(await codeOf(importServices(kenyaModerator, rows, { dryRun: false }))).toBe('forbidden');
		expect(await codeOf(importServices(regionModerator, rows, { dryRun: true }))).toBe('forbidden');
		expect(await codeOf(importServices(await makeUser(), rows, { dryRun: false }))).toBe('forbidden');
		expect(await codeOf(importServices(null, rows, { dryRun: false }))).toBe('sign_in_required');
		expect(await serviceCount()).toBe(before);
	});

	it('rows without input are never written', async () => {
		const rows: ImportRow[] = [{ line: 2, errors: [] }];
		const report = await importServices(await admin(), rows, { dryRun: false });
		expect(report).toMatchObject({ valid: 0, invalid: 1, written: 0, rows: [{ line: 2, errors: [{ field: '_', code: 'record_invalid' }] }] });
	});
});

describe('HSDS JSON import', () => {
	it('export -> import -> export gives the same service again', async () => {
		const actor = await admin();
		const { rows } = parseCsv([HEADER, GOOD_ROW_2].join('\n'));
		const [id] = (await importServices(actor, rows, { dryRun: false })).ids;
		const original = (await directory.getService(id))!;
		const exported = toHsdsService(original);
		const parsed = parseHsdsJson(JSON.stringify([exported]));
		expect(parsed.rows[0].input).toEqual(rows[0].input);
		const report = await importServices(actor, parsed.rows, { dryRun: false });
		const copy = (await directory.getService(report.ids[0]))!;
		const strip = (s: ReturnType<typeof toHsdsService>) => JSON.parse(JSON.stringify(s).replaceAll(copy.service.id, 'S').replaceAll(original.service.id, 'S').replaceAll(copy.organization.id, 'O').replaceAll(original.organization.id, 'O'));
		const again = toHsdsService(copy);
		// ids differ (a new service); everything else is the same
		expect(again.id).not.toBe(exported.id);
		const ignoreIds = (x: unknown): unknown =>
			Array.isArray(x) ? x.map(ignoreIds) : x && typeof x === 'object' ? Object.fromEntries(Object.entries(x).filter(([k]) => !['id', 'link_id', 'service_id', 'organization_id', 'last_modified'].includes(k)).map(([k, val]) => [k, ignoreIds(val)])) : x;
		expect(ignoreIds(strip(again))).toEqual(ignoreIds(strip(exported)));
		const [{ n }] = await db().select({ n: count() }).from(services).where(eq(services.id, report.ids[0]));
		expect(n).toBe(1);
	});

	it('reports bad records by their number and writes nothing', async () => {
		const before = await serviceCount();
		const good = toHsdsService((await directory.getService((await directory.listForExport({ page: 1, perPage: 1 })).rows[0].service.id))!);
		const bad = { ...good, status: 'closed', minimum_age: -1 };
		const parsed = parseHsdsJson(JSON.stringify([good, good, bad]));
		expect(parsed.rows.map((r) => r.line)).toEqual([1, 2, 3]);
		expect(parsed.rows[2].errors).toEqual([
			{ field: 'status', code: 'status_invalid' },
			{ field: 'ageMin', code: 'age_invalid' }
		]);
		const report = await importServices(await admin(), parsed.rows, { dryRun: false });
		expect(report).toMatchObject({ valid: 2, invalid: 1, written: 0 });
		expect(await serviceCount()).toBe(before);
	});
});
