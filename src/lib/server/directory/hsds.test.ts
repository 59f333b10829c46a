import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { TOPICS, TOPIC_IDS } from '../../directory/taxonomy';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser } from '../test/factories';
import * as directory from '.';
import {
	findTerm,
	fromHsdsService,
	hsdsTaxonomyTerms,
	isUuid,
	termId,
	toHsdsService,
	uuidV5,
	type HsdsService
} from './hsds';
import { parseHsdsJson } from './import';
import { ServiceInput } from './input';
import { GET as listRoute } from '../../../routes/api/v1/hsds/services/+server';
import { GET as oneRoute } from '../../../routes/api/v1/hsds/services/[id=uuid]/+server';
import { GET as termsRoute } from '../../../routes/api/v1/hsds/taxonomy_terms/+server';

useFreshDatabase();

// vendored beside this file (source and licence in hsds-schema/README.md): the repository carries what its tests need
const SCHEMA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'hsds-schema');
const readSchema = (name: string) => JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8')) as Record<string, unknown>;

function makeAjv() {
	// the HSDS schemas carry documentation keywords (title, example, core, constraints...)
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats(ajv);
	return ajv;
}

const ajv = makeAjv();
const validateService = ajv.compile(readSchema('compiled/service.json'));
const validateListItem = ajv.compile(readSchema('compiled/service_list.json'));
const compiledService = readSchema('compiled/service.json') as { properties: { attributes: { items: { properties: { taxonomy_term: object } } } } };
const validateTerm = ajv.compile(compiledService.properties.attributes.items.properties.taxonomy_term);
const openapi = readSchema('openapi.json') as { components: { schemas: { Page: { properties: Record<string, unknown> } } } };
const validatePage = ajv.compile({ ...openapi.components.schemas.Page, required: Object.keys(openapi.components.schemas.Page.properties) });

function schemaErrors(validate: ReturnType<typeof ajv.compile>, data: unknown): string {
	return validate(data) ? '' : ajv.errorsText(validate.errors, { separator: '\n' });
}

const hours247 = (timezone: string) => ({ timezone, always: true, weekly: [], exceptions: [] });

/** Realistic services, as a moderator would enter them. */
const INPUTS: Record<string, Record<string, unknown>> = {
	kenya: {
		organization: { name: { en: 'Childline Kenya', fr: 'Childline Kenya (FR)' }, website: 'https://www.childlinekenya.co.ke' },
		name: { en: 'Childline Kenya 116', fr: 'Ligne d’écoute 116' },
		description: { en: 'Free national helpline for children.' },
		whatHappens: { en: 'A counsellor answers, day or night. You do not have to give your name.', fr: 'Un conseiller répond.' },
		kind: 'helpline',
		status: 'active',
		ageMin: null,
		ageMax: 17,
		languages: ['en', 'sw'],
		countries: ['KE'],
		areas: [],
		cost: 'free',
		topics: ['bullying_cyberbullying', 'grooming', 'sextortion', 'mental_health'],
		actions: ['talk', 'report_illegal_content'],
		website: 'https://www.childlinekenya.co.ke',
		source: 'https://www.childlinekenya.co.ke',
		channels: [
			{ type: 'phone', value: '116', detail: null, label: { en: 'Toll-free line' }, hours: hours247('Africa/Nairobi'), showsOnBill: false, free: true },
			{
				type: 'sms',
				value: '21116',
				detail: 'HELP',
				label: {},
				hours: { timezone: 'Africa/Nairobi', always: false, weekly: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '20:00' })), exceptions: [] },
				showsOnBill: true,
				free: true
			}
		]
	},
	france: {
		organization: { name: { fr: 'Association e-Enfance' }, website: null },
		name: { fr: '3018', en: '3018 (France)' },
		description: { fr: 'Harcèlement en ligne, chantage, images intimes.' },
		whatHappens: {},
		kind: 'chat_line',
		status: 'temporarily_closed',
		ageMin: 11,
		ageMax: 25,
		languages: ['fr'],
		countries: ['FR'],
		areas: ['Île-de-France', 'Provence-Alpes-Côte d’Azur'],
		cost: 'unknown',
		topics: ['images_shared_without_consent', 'harmful_content', 'scams_hacked_accounts'],
		actions: ['talk', 'remove_image'],
		website: 'https://e-enfance.org',
		source: null,
		channels: [
			{
				type: 'webchat',
				value: 'https://e-enfance.org/chat',
				detail: null,
				label: { fr: 'Tchat' },
				hours: {
					timezone: 'Europe/Paris',
					always: false,
					weekly: [
						{ day: 1, opens: '09:00', closes: '23:00' },
						{ day: 2, opens: '09:00', closes: '23:00' },
						{ day: 5, opens: '22:00', closes: '02:00' },
						{ day: 6, opens: '10:00', closes: '24:00' }
					],
					exceptions: [
						{ date: '2026-12-25', closed: true, note: 'Noël' },
						{ date: '2026-12-24', opens: '10:00', closes: '14:00' }
					]
				},
				showsOnBill: null,
				free: null
			},
			{ type: 'messaging', value: 'https://wa.me/33600000000', detail: 'WhatsApp', label: {}, hours: { timezone: 'Asia/Kolkata', always: false, weekly: [{ day: 0, opens: '10:00', closes: '12:30' }], exceptions: [] }, showsOnBill: null, free: null },
			{ type: 'email', value: 'contact@e-enfance.org', detail: null, label: {}, hours: hours247('Europe/Paris'), showsOnBill: null, free: true },
			{ type: 'phone', value: '3018', detail: null, label: {}, hours: { timezone: 'Europe/Paris', always: true, weekly: [], exceptions: [{ date: '2026-05-01', closed: true }] }, showsOnBill: false, free: true }
		]
	},
	takedown: {
		organization: { name: { en: 'NCMEC' }, website: 'https://www.missingkids.org' },
		name: { en: 'Take It Down' },
		description: {},
		whatHappens: { en: 'You make a digital fingerprint of the image on your own device; the image never leaves it.' },
		kind: 'takedown_tool',
		status: 'active',
		ageMin: null,
		ageMax: null,
		languages: ['en', 'es'],
		countries: ['ZZ'],
		areas: [],
		cost: 'free',
		topics: ['sextortion', 'images_shared_without_consent'],
		actions: ['remove_image'],
		website: null,
		source: 'https://takeitdown.ncmec.org',
		channels: [
			{ type: 'webform', value: 'https://takeitdown.ncmec.org', detail: null, label: {}, hours: hours247('UTC'), showsOnBill: null, free: true },
			{ type: 'app', value: 'https://example.org/app', detail: null, label: { en: 'Phone app' }, hours: hours247('UTC'), showsOnBill: null, free: null }
		]
	},
	defunct: {
		organization: { name: { en: 'Old Hotline Ltd' }, website: null },
		name: { en: 'Old reporting hotline' },
		kind: 'reporting_hotline',
		status: 'defunct',
		countries: ['GB', 'IE'],
		actions: ['report_illegal_content'],
		channels: [{ type: 'webform', value: 'https://old.example.org/report', hours: { timezone: 'Europe/London', always: false, weekly: [{ day: 3, opens: '09:00', closes: '17:00' }], exceptions: [] } }]
	}
};

const ids: Record<string, string> = {};
let rows: Awaited<ReturnType<typeof directory.listForExport>>['rows'] = [];
let exported: HsdsService[] = [];
const NOW = new Date('2026-07-01T12:00:00Z'); // summer: Paris +02:00

beforeAll(async () => {
	const mod = await makeUser({ name: 'Moderator Person', email: 'mod-hsds@example.org', grants: [grant('directory_moderator')] });
	for (const [key, input] of Object.entries(INPUTS)) ids[key] = await directory.createService(mod, input);
	await directory.verifyService(mod, ids.kenya, { method: 'phoned', note: 'Spoke to Jane on +254 700 000000' });
	rows = (await directory.listForExport({ page: 1, perPage: 100 })).rows;
	exported = rows.map((r) => toHsdsService(r, { now: NOW }));
});

const byName = (name: string) => exported.find((s) => s.name === name)!;
const attrs = (s: { attributes: HsdsService['attributes'] }, taxonomy: string) => s.attributes.filter((a) => a.taxonomy_term.taxonomy === taxonomy);

describe('HSDS export', () => {
	it('every exported service is valid against the HSDS 3.0 compiled service schema', () => {
		expect(exported).toHaveLength(4);
		for (const s of exported) expect(schemaErrors(validateService, s), `${s.name}:\n${schemaErrors(validateService, s)}`).toBe('');
		// and the validator does catch mistakes
		const broken = { ...exported[0], status: 'open', phones: [{ id: 'x' }], schedules: [{ id: exported[0].id, freq: 'DAILY' }] };
		const errors = schemaErrors(validateService, broken);
		for (const needle of ['/status', '/phones/0/id', "must have required property 'number'", '/schedules/0/freq']) expect(errors).toContain(needle);
	});

	it('maps the standard fields', () => {
		const k = byName('Childline Kenya 116');
		expect(k.id).toBe(ids.kenya);
		expect(k.status).toBe('active');
		expect(k.url).toBe('https://www.childlinekenya.co.ke');
		expect(k.application_process).toMatch(/counsellor answers/);
		expect(k.maximum_age).toBe(17);
		expect(k.minimum_age).toBeUndefined();
		expect(k.eligibility_description).toBe('Up to age 17.');
		expect(k.fees_description).toBe('Free');
		expect(k.organization).toMatchObject({ name: 'Childline Kenya', website: 'https://www.childlinekenya.co.ke' });
		// HSDS requires organization.description: never empty, taken from the directory (issue 10 item 7)
		for (const s of exported) expect(s.organization.description.trim(), s.name).not.toBe('');
		expect(k.organization.description).toBe('Childline Kenya runs “Childline Kenya 116” for Kenya, as listed in the help directory.');
		const withOwn = toHsdsService({ ...rows[0], organization: { ...rows[0].organization, description: { fr: 'Une association.' } } }, { now: NOW });
		expect(withOwn.organization.description).toBe('Une association.');
		expect(k.languages.map((l) => [l.code, l.name])).toEqual([['en', 'English'], ['sw', 'Swahili']]);
		expect(k.service_areas.map((a) => a.name)).toEqual(['Kenya']);
		expect(k.assured_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(Date.parse(k.last_modified)).not.toBeNaN();

		const f = byName('3018 (France)');
		expect(f.status).toBe('temporarily closed');
		expect(f.alert).toMatch(/temporarily closed/);
		expect(f.email).toBe('contact@e-enfance.org');
		expect(f.minimum_age).toBe(11);
		expect(f.service_areas.map((a) => a.name)).toEqual(['France', 'Île-de-France', 'Provence-Alpes-Côte d’Azur']);
		expect(f.assured_date).toBeUndefined();

		expect(byName('Take It Down').service_areas.map((a) => a.name)).toEqual(['Worldwide']);
		expect(byName('Old reporting hotline').status).toBe('defunct');
	});

	it('phones: calls are voice, SMS is text with its keyword; bill and cost in the description', () => {
		const k = byName('Childline Kenya 116');
		expect(k.phones.map((p) => [p.number, p.type])).toEqual([['116', 'voice'], ['21116', 'text']]);
		expect(k.phones[0].description).toMatch(/Does not show on the phone bill/);
		expect(k.phones[1].description).toMatch(/text HELP to 21116/);
		expect(k.phones[1].attributes[0].value).toBe('1');
	});

	it('schedules: one per channel and distinct times, with the UTC offset of the day and the full hours in words', () => {
		const k = byName('Childline Kenya 116');
		expect(k.schedules.map((s) => [s.byday, s.opens_at, s.closes_at, s.timezone])).toEqual([
			['MO,TU,WE,TH,FR,SA,SU', '00:00+03:00', '23:59+03:00', 3],
			['MO,TU,WE,TH,FR', '08:00+03:00', '20:00+03:00', 3]
		]);
		const f = byName('3018 (France)');
		const chat = f.schedules.filter((s) => s.notes.includes('Web chat'));
		expect(chat.map((s) => [s.freq, s.byday, s.opens_at, s.closes_at, s.timezone])).toEqual([
			['WEEKLY', 'MO,TU', '09:00+02:00', '23:00+02:00', 2],
			['WEEKLY', 'FR', '22:00+02:00', '02:00+02:00', 2],
			['WEEKLY', 'SA', '10:00+02:00', '23:59+02:00', 2]
		]);
		expect(chat[0].description).toBe('Web chat https://e-enfance.org/chat – Tchat: Mo,Tu 09:00-23:00; Fr 22:00-02:00; Sa 10:00-24:00; 2026-12-25 closed (Noël); 2026-12-24 10:00-14:00 (local time, Europe/Paris)');
		const whatsapp = f.schedules.find((s) => s.notes.includes('WhatsApp'))!;
		expect(whatsapp.timezone).toBe(5.5);
		expect(whatsapp.opens_at).toBe('10:00+05:30');
		const winter = toHsdsService((rows.find((r) => r.service.id === ids.france))!, { now: new Date('2026-01-15T12:00:00Z') });
		expect(winter.schedules[0].timezone).toBe(1);
	});

	it('carries every field HSDS lacks in cop:* attributes', () => {
		const k = byName('Childline Kenya 116');
		expect(attrs(k, 'cop:kind').map((a) => a.taxonomy_term.code)).toEqual(['helpline']);
		expect(attrs(k, 'cop:topic').map((a) => a.taxonomy_term.code)).toEqual(['bullying_cyberbullying', 'grooming', 'sextortion', 'mental_health']);
		expect(attrs(k, 'cop:four_c').map((a) => a.taxonomy_term.code)).toEqual(['conduct', 'contact']);
		expect(attrs(k, 'cop:action').map((a) => a.taxonomy_term.code)).toEqual(['talk', 'report_illegal_content']);
		expect(attrs(k, 'cop:cost').map((a) => a.taxonomy_term.code)).toEqual(['free']);
		const grooming = attrs(k, 'cop:topic').find((a) => a.taxonomy_term.code === 'grooming')!;
		expect(grooming.taxonomy_term.parent_id).toBe(termId('cop:four_c', 'contact'));
		const channels = attrs(k, 'cop:channel').map((a) => JSON.parse(a.value!));
		expect(channels[1]).toEqual({ position: 1, type: 'sms', value: '21116', detail: 'HELP', label: {}, hours: (INPUTS.kenya.channels as { hours: unknown }[])[1].hours, showsOnBill: true, free: true });
		const fields = Object.fromEntries(attrs(k, 'cop:field').map((a) => [a.taxonomy_term.code, a.value]));
		expect(JSON.parse(fields.translations!).name).toEqual({ en: 'Childline Kenya 116', fr: 'Ligne d’écoute 116' });
		expect(fields.source).toBe('https://www.childlinekenya.co.ke');
		expect(fields.demo).toBe('false');
		expect(JSON.parse(fields.verification!)).toEqual({ at: expect.any(String), method: 'phoned', by: 'COP Platform' }); // the deployment, never the moderator's name
	});

	it('publishes no personal data: not the moderator’s email, nor their name', () => {
		const text = JSON.stringify(exported);
		expect(text).not.toContain('Moderator Person');
		expect(text).not.toContain('mod-hsds@example.org');
		expect(text).not.toContain('Jane');
		expect(text).not.toContain('assurer_email');
	});

	it('identifiers are UUIDs, unique within a service, and the same on every export', async () => {
		for (const s of exported) {
			const owned = [s, s.organization, ...s.phones, ...s.schedules, ...s.languages, ...s.service_areas];
			const attributeIds = owned.flatMap((o) => ('attributes' in o ? o.attributes.map((a) => a.id) : []));
			const all = [...owned.map((o) => o.id), ...attributeIds];
			for (const id of all) expect(isUuid(id), id).toBe(true);
			expect(new Set(all).size).toBe(all.length);
		}
		const again = (await directory.listForExport({ page: 1, perPage: 100 })).rows.map((r) => toHsdsService(r, { now: NOW }));
		expect(again).toEqual(exported);
	});
});

describe('HSDS round trip', () => {
	it('export -> parseHsdsJson gives back exactly the input of every service', () => {
		const parsed = parseHsdsJson(JSON.stringify(exported));
		expect(parsed.rows.map((r) => r.errors)).toEqual(exported.map(() => []));
		for (const [key, input] of Object.entries(INPUTS)) {
			const i = exported.findIndex((s) => s.id === ids[key]);
			expect(parsed.rows[i].line).toBe(i + 1);
			expect(parsed.rows[i].input, key).toEqual(v.parse(ServiceInput, input));
		}
	});

	it('also from a page of the API (`contents`) and from a single object', () => {
		const page = { total_items: 1, contents: [byName('Take It Down')] };
		expect(parseHsdsJson(JSON.stringify(page)).rows[0].input).toEqual(v.parse(ServiceInput, INPUTS.takedown));
		expect(parseHsdsJson(JSON.stringify(byName('Take It Down'))).rows[0].input).toEqual(v.parse(ServiceInput, INPUTS.takedown));
	});

	it('reads plain HSDS from other publishers as far as it goes, and says what is missing', () => {
		const foreign = {
			id: '0b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d',
			name: 'Youth Line',
			status: 'inactive',
			description: 'Talk to a volunteer',
			organization: { id: '1b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d', name: 'Youth Org', description: '' },
			phones: [{ id: '2b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d', number: '0800 123 456' }],
			schedules: [{ id: '3b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d', freq: 'WEEKLY', byday: 'MO,WE', opens_at: '09:00:00', closes_at: '17:00', timezone: 2 }],
			service_areas: [{ id: '4b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d', name: 'South Africa' }],
			languages: [{ id: '5b2d1b5e-8c7a-4f1e-9a3d-2e4f5a6b7c8d', code: 'EN', name: 'English' }]
		};
		const { raw } = fromHsdsService(foreign);
		expect(raw).toMatchObject({
			name: { en: 'Youth Line' },
			status: 'temporarily_closed',
			countries: ['ZA'],
			languages: ['en'],
			channels: [{ type: 'phone', value: '0800 123 456', hours: { timezone: 'Etc/GMT-2', always: false, weekly: [{ day: 1, opens: '09:00', closes: '17:00' }, { day: 3, opens: '09:00', closes: '17:00' }], exceptions: [] } }]
		});
		const offsetOnTimes = { ...foreign, schedules: [{ id: foreign.schedules[0].id, byday: 'FR', opens_at: '09:00-05:00', closes_at: '17:00-05:00' }] };
		expect(fromHsdsService(offsetOnTimes).raw.channels).toEqual([
			{ type: 'phone', value: '0800 123 456', hours: { timezone: 'Etc/GMT+5', always: false, weekly: [{ day: 5, opens: '09:00', closes: '17:00' }], exceptions: [] } }
		]);
		const [row] = parseHsdsJson(JSON.stringify([foreign])).rows;
		expect(row.input).toBeUndefined();
		expect(row.errors).toEqual(expect.arrayContaining([{ field: 'kind', code: 'kind_invalid' }, { field: 'actions', code: 'action_required' }]));
	});

	it('reports unreadable files and records', () => {
		expect(parseHsdsJson('{not json').rows).toEqual([{ line: 0, errors: [{ field: '_', code: 'json_invalid' }] }]);
		expect(parseHsdsJson('[1, {"name": "x"}]').rows.map((r) => [r.line, r.errors[0]])).toEqual([
			[1, { field: '_', code: 'record_invalid' }],
			[2, expect.objectContaining({ field: expect.any(String) })]
		]);
	});
});

describe('HSDS taxonomy terms', () => {
	it('lists every topic under its 4C, every action, kind, channel type and cost, with stable UUIDs', () => {
		const terms = hsdsTaxonomyTerms();
		for (const t of terms) expect(schemaErrors(validateTerm, t), t.code).toBe('');
		expect(new Set(terms.map((t) => t.id)).size).toBe(terms.length);
		const topics = terms.filter((t) => t.taxonomy === 'cop:topic');
		expect(topics.map((t) => t.code).sort()).toEqual([...TOPIC_IDS].sort());
		for (const t of topics) expect(findTerm(t.parent_id!)).toMatchObject({ taxonomy: 'cop:four_c', code: TOPICS[t.code as keyof typeof TOPICS] });
		expect(terms.filter((t) => t.taxonomy === 'cop:action').map((t) => t.code)).toEqual(['talk', 'report_illegal_content', 'remove_image', 'emergency']);
		expect(terms.find((t) => t.code === 'sms')?.name).toBe('Text message (SMS)');
		// never change: published ids must stay the same
		expect(termId('cop:topic', 'grooming')).toBe('3bb1abe1-a2c4-5bba-8ab7-1afc0417b379');
		expect(findTerm(termId('cop:topic', 'grooming'))?.taxonomy_id).toBe('069e16f8-14f1-56c8-90e2-470bb76456e4');
		expect(uuidV5('x', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		// RFC 9562 test vector: v5(DNS namespace, "www.example.com")
		expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
	});

});

// ---------------------------------------------------------------- the API handlers

type Handler = (event: never) => Response | Promise<Response>;
async function call(handler: Handler, href: string, params: Record<string, string> = {}) {
	const res = await handler({ url: new URL(href, 'http://x'), params } as never);
	return { status: res.status, body: await res.json(), headers: res.headers };
}

describe('GET /api/v1/hsds/services', () => {
	it('answers an HSDS page whose contents are valid HSDS', async () => {
		const { status, body, headers } = await call(listRoute, '/api/v1/hsds/services');
		expect(status).toBe(200);
		expect(headers.get('set-cookie')).toBeNull();
		expect(schemaErrors(validatePage, body)).toBe('');
		expect(body).toMatchObject({ total_items: 4, total_pages: 1, page_number: 1, size: 4, first_page: true, last_page: true, empty: false });
		for (const s of body.contents) {
			expect(schemaErrors(validateListItem, s)).toBe('');
			expect(schemaErrors(validateService, s)).toBe('');
		}
	});

	it('pages', async () => {
		const p2 = (await call(listRoute, '/api/v1/hsds/services?page=2&per_page=3')).body;
		expect(p2).toMatchObject({ total_items: 4, total_pages: 2, page_number: 2, size: 1, first_page: false, last_page: true, empty: false });
		const p9 = (await call(listRoute, '/api/v1/hsds/services?page=9&per_page=3')).body;
		expect(p9).toMatchObject({ size: 0, empty: true, contents: [] });
	});

	it('filters by search, topic, 4C, action, channel type and modified_after', async () => {
		const names = async (q: string) => ((await call(listRoute, `/api/v1/hsds/services?${q}`)).body.contents as HsdsService[]).map((s) => s.name).sort();
		expect(await names('search=childline')).toEqual(['Childline Kenya 116']);
		expect(await names(`taxonomy_term_id=${termId('cop:topic', 'sextortion')}`)).toEqual(['Childline Kenya 116', 'Take It Down']);
		expect(await names(`taxonomy_term_id=${termId('cop:four_c', 'contract')}`)).toEqual(['3018 (France)']);
		expect(await names(`taxonomy_term_id=${termId('cop:action', 'report_illegal_content')}`)).toEqual(['Childline Kenya 116', 'Old reporting hotline']);
		expect(await names(`taxonomy_term_id=${termId('cop:channel', 'webform')}&per_page=1&page=2`)).toHaveLength(1);
		const webform = (await call(listRoute, `/api/v1/hsds/services?taxonomy_term_id=${termId('cop:channel', 'webform')}&per_page=1`)).body;
		expect(webform).toMatchObject({ total_items: 2, total_pages: 2, size: 1 });
		expect(await names('modified_after=2999-01-01T00:00:00Z')).toEqual([]);
		expect(await names('modified_after=2000-01-01')).toHaveLength(4);
		expect(await names('modified_after=2000-01-01T00:00:00%2B03:00')).toHaveLength(4);
		expect(await names('modified_after=2999-01-01T00:00:00+03:00')).toEqual([]); // '+' unencoded arrives as a space
	});

	it('refuses bad parameters with a 400 naming each one', async () => {
		const bad = async (q: string) => {
			const { status, body } = await call(listRoute, `/api/v1/hsds/services?${q}`);
			expect(status, q).toBe(400);
			return body.error.fields;
		};
		expect(await bad('page=0')).toEqual({ page: 'page_invalid' });
		expect(await bad('page=abc&per_page=101')).toEqual({ page: 'page_invalid', per_page: 'per_page_invalid' });
		expect(await bad('per_page=0')).toEqual({ per_page: 'per_page_invalid' });
		expect(await bad('taxonomy_term_id=grooming')).toEqual({ taxonomy_term_id: 'taxonomy_term_invalid' });
		expect(await bad('taxonomy_term_id=00000000-0000-4000-8000-000000000000')).toEqual({ taxonomy_term_id: 'taxonomy_term_unknown' });
		expect(await bad(`taxonomy_term_id=${termId('cop:field', 'demo')}`)).toEqual({ taxonomy_term_id: 'taxonomy_term_not_filterable' });
		expect(await bad('modified_after=yesterday')).toEqual({ modified_after: 'date_time_invalid' });
		expect(await bad('modified_after=2026-02-30')).toEqual({ modified_after: 'date_time_invalid' });
		expect(await bad(`search=${'x'.repeat(101)}`)).toEqual({ search: 'search_too_long' });
		expect(await bad('format=ndjson')).toEqual({ format: 'format_unsupported' });
	});
});

describe('GET /api/v1/hsds/services/{id}', () => {
	it('answers one valid service, or 404 for unknown and malformed ids', async () => {
		const ok = await call(oneRoute, `/api/v1/hsds/services/${ids.kenya}`, { id: ids.kenya });
		expect(ok.status).toBe(200);
		expect(schemaErrors(validateService, ok.body)).toBe('');
		expect(ok.body.name).toBe('Childline Kenya 116');
		// ids that are not UUIDs never reach the handler: the [id=uuid] matcher sends them to the API's JSON 404
		for (const id of ['00000000-0000-4000-8000-000000000000']) {
			const { status, body } = await call(oneRoute, `/api/v1/hsds/services/x`, { id });
			expect(status).toBe(404);
			expect(body.error.code).toBe('service_not_found');
		}
	});
});

describe('GET /api/v1/hsds/taxonomy_terms', () => {
	it('lists the terms as an HSDS page, filterable by taxonomy and parent', async () => {
		const all = (await call(termsRoute, '/api/v1/hsds/taxonomy_terms')).body;
		expect(schemaErrors(validatePage, all)).toBe('');
		expect(all.total_items).toBe(hsdsTaxonomyTerms().length);
		expect(all.contents).toEqual(hsdsTaxonomyTerms());
		const contact = (await call(termsRoute, `/api/v1/hsds/taxonomy_terms?parent_id=${termId('cop:four_c', 'contact')}`)).body;
		expect(contact.contents.map((t: { code: string }) => t.code)).toEqual(['grooming', 'sextortion', 'sexual_abuse_exploitation']);
		const top = (await call(termsRoute, `/api/v1/hsds/taxonomy_terms?top_only=true&taxonomy_id=${findTerm(termId('cop:topic', 'grooming'))!.taxonomy_id}`)).body;
		expect(top.total_items).toBe(0);
		expect((await call(termsRoute, '/api/v1/hsds/taxonomy_terms?page=0')).status).toBe(400);
		expect((await call(termsRoute, '/api/v1/hsds/taxonomy_terms?parent_id=x')).status).toBe(400);
	});
});
