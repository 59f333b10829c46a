// Open Referral HSDS 3.0 for the help finder: our services as HSDS `service` objects, our
// vocabularies as HSDS taxonomy terms, and the way back (HSDS -> ServiceInput) for imports.
//
// Everything HSDS has a field for goes in that field; everything it lacks (per-channel hours in
// an IANA zone with dated exceptions, channel types, SMS keywords, "shows on the bill", actions,
// topics and their 4C, kind, cost, translations, demo flag, verification method) travels in
// `attributes` whose taxonomy terms are ours (`cop:*`, see docs/hsds.md). The `cop:channel`
// attributes are the authoritative copy of each channel; `phones` and `schedules` are derived
// views of them for consumers that only read standard HSDS.
import { createHash } from 'node:crypto';
import en from '../../../../messages/en.json' with { type: 'json' };
import { allCountryCodes, countryName, isCountryCode } from '../../geo';
import { isValidTimeZone } from '../../directory/hours';
import type { Hours, Weekday } from '../../directory/hours-types';
import { ACTIONS, CHANNEL_TYPES, COSTS, FOUR_CS, SERVICE_KINDS, TOPICS, TOPIC_IDS } from '../../directory/taxonomy';
import type { LocaleMap } from '../../i18n/locale-map';
import { ValidationError } from '../platform/errors';
import { listForExport } from './queries';

// ---------------------------------------------------------------- HSDS object shapes (the subset we emit)

export interface HsdsTaxonomyTerm {
	id: string;
	code: string;
	name: string;
	description: string;
	parent_id?: string;
	taxonomy: string;
	taxonomy_id: string;
	language: string;
}

export interface HsdsAttribute {
	id: string;
	link_id: string;
	link_entity: string;
	link_type: string;
	taxonomy_term_id: string;
	taxonomy_term: HsdsTaxonomyTerm;
	value?: string;
}

export interface HsdsPhone {
	id: string;
	service_id: string;
	number: string;
	type: 'voice' | 'text';
	description?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsSchedule {
	id: string;
	service_id: string;
	timezone?: number;
	freq?: 'WEEKLY';
	byday?: string;
	opens_at?: string;
	closes_at?: string;
	description: string;
	notes: string;
	attributes: HsdsAttribute[];
}

export interface HsdsLanguage {
	id: string;
	service_id: string;
	name: string;
	code: string;
}

export interface HsdsServiceArea {
	id: string;
	service_id: string;
	name: string;
	description?: string;
	uri?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsOrganization {
	id: string;
	name: string;
	description: string;
	website?: string;
	attributes: HsdsAttribute[];
}

export interface HsdsService {
	id: string;
	organization_id: string;
	name: string;
	description?: string;
	url?: string;
	email?: string;
	status: 'active' | 'inactive' | 'defunct' | 'temporarily closed';
	application_process?: string;
	fees_description?: string;
	eligibility_description?: string;
	minimum_age?: number;
	maximum_age?: number;
	assured_date?: string;
	alert?: string;
	last_modified: string;
	organization: HsdsOrganization;
	phones: HsdsPhone[];
	schedules: HsdsSchedule[];
	service_areas: HsdsServiceArea[];
	languages: HsdsLanguage[];
	attributes: HsdsAttribute[];
}

export interface HsdsPage<T> {
	total_items: number;
	total_pages: number;
	page_number: number;
	size: number;
	first_page: boolean;
	last_page: boolean;
	empty: boolean;
	contents: T[];
}

// ---------------------------------------------------------------- stable identifiers

/** Namespace of every identifier we derive (a fixed random UUID; never change it). */
export const HSDS_NAMESPACE = '6f1c2a9e-4b7d-4e0a-9c35-8d2f71b0e4a6';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(s: unknown): s is string {
	return typeof s === 'string' && UUID.test(s);
}

/** RFC 9562 version-5 UUID (SHA-1 of namespace + name): the same name always gives the same id. */
export function uuidV5(name: string, namespace = HSDS_NAMESPACE): string {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
	const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const h = bytes.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------- our taxonomy as HSDS terms

/** Our vocabularies. `cop:field` terms name the extension attributes that carry a value. */
export const VOCABULARIES = ['cop:four_c', 'cop:topic', 'cop:action', 'cop:kind', 'cop:channel', 'cop:cost', 'cop:field'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** The extension fields: attribute `value` formats are documented in docs/hsds.md. */
export const FIELD_TERMS = {
	translations: 'Every translation of the texts of this record, as JSON: {"name":{"en":"…","fr":"…"},"description":{…},"whatHappens":{…}} (organizations: {"name":{…},"description":{…}}). HSDS text fields hold one language (English, or the first language present).',
	country: 'ISO 3166-1 alpha-2 code of a country the service covers (ZZ = the whole world).',
	area: 'Name of a sub-national area (state, province) the service is limited to, within its countries.',
	source: 'Where the information came from (a public source: URL or name).',
	demo: '"true" for a demonstration entry taken from a public source and not yet checked by a moderator; "false" otherwise.',
	verification: 'How and when a moderator last checked the entry, as JSON: {"at":"ISO date-time","method":"phoned|emailed|official_source|site_visit|partner_confirmed","by":"moderator name"}.'
} as const;
export type FieldTerm = keyof typeof FIELD_TERMS;

const VOCABULARY_INFO: Record<Vocabulary, { description: string; codes: readonly string[] }> = {
	'cop:four_c': { description: 'The 4Cs of online risk (CO:RE classification): content, contact, conduct, contract. Parents of the topics.', codes: FOUR_CS },
	'cop:topic': { description: 'What the service helps with. Each topic sits under one of the 4Cs of online risk (its parent).', codes: TOPIC_IDS },
	'cop:action': { description: 'What a child can do with the service.', codes: ACTIONS },
	'cop:kind': { description: 'What sort of service this is.', codes: SERVICE_KINDS },
	'cop:channel': { description: 'A way to get in touch. The attribute value is the channel as JSON (see docs/hsds.md).', codes: CHANNEL_TYPES },
	'cop:cost': { description: 'Whether using the service costs money.', codes: COSTS },
	'cop:field': { description: 'COP Platform fields that HSDS has no place for; the attribute value carries the data.', codes: Object.keys(FIELD_TERMS) }
};

const MESSAGE_PREFIX: Record<Exclude<Vocabulary, 'cop:field'>, string> = {
	'cop:four_c': 'help_c_',
	'cop:topic': 'help_topic_',
	'cop:action': 'help_action_',
	'cop:kind': 'help_kind_',
	'cop:channel': 'help_channel_',
	'cop:cost': 'help_cost_'
};

const MESSAGES = en as unknown as Record<string, string>;

function termName(taxonomy: Vocabulary, code: string): string {
	if (taxonomy === 'cop:field') return code;
	const text = MESSAGES[MESSAGE_PREFIX[taxonomy] + code];
	return typeof text === 'string' && text ? text : code.replace(/_/g, ' ');
}

export function taxonomyId(taxonomy: Vocabulary): string {
	return uuidV5(`taxonomy:${taxonomy}`);
}

export function termId(taxonomy: Vocabulary, code: string): string {
	return uuidV5(`term:${taxonomy}:${code}`);
}

function buildTerms(): HsdsTaxonomyTerm[] {
	const out: HsdsTaxonomyTerm[] = [];
	for (const taxonomy of VOCABULARIES) {
		const info = VOCABULARY_INFO[taxonomy];
		for (const code of info.codes) {
			const term: HsdsTaxonomyTerm = {
				id: termId(taxonomy, code),
				code,
				name: termName(taxonomy, code),
				description: taxonomy === 'cop:field' ? FIELD_TERMS[code as FieldTerm] : info.description,
				taxonomy,
				taxonomy_id: taxonomyId(taxonomy),
				language: 'en'
			};
			if (taxonomy === 'cop:topic') term.parent_id = termId('cop:four_c', TOPICS[code as keyof typeof TOPICS]);
			out.push(term);
		}
	}
	return out;
}

let termsCache: HsdsTaxonomyTerm[] | undefined;
let termsById: Map<string, HsdsTaxonomyTerm> | undefined;

/** Every term of our taxonomy, with stable UUIDs (topics point to their 4C as parent). */
export function hsdsTaxonomyTerms(): HsdsTaxonomyTerm[] {
	termsCache ??= buildTerms();
	return termsCache.map((t) => ({ ...t }));
}

/** One of our terms by id, or undefined. */
export function findTerm(id: string): HsdsTaxonomyTerm | undefined {
	termsCache ??= buildTerms();
	termsById ??= new Map(termsCache.map((t) => [t.id.toLowerCase(), t]));
	return termsById.get(id.toLowerCase());
}

function term(taxonomy: Vocabulary, code: string): HsdsTaxonomyTerm {
	const t = findTerm(termId(taxonomy, code));
	// a code outside our vocabulary (old data): still a well-formed term, never a crash
	return t ? { ...t } : { id: termId(taxonomy, code), code, name: code, description: VOCABULARY_INFO[taxonomy].description, taxonomy, taxonomy_id: taxonomyId(taxonomy), language: 'en' };
}

// ---------------------------------------------------------------- hours as text

const DAY_CODES = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;
const DAY_SHORT = ['Su', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa'] as const;
/** Monday first, as people write weeks. */
const WEEK_ORDER: Weekday[] = [1, 2, 3, 4, 5, 6, 0];

function dayList(days: Weekday[]): string {
	const set = new Set(days);
	const parts: string[] = [];
	let i = 0;
	while (i < WEEK_ORDER.length) {
		if (!set.has(WEEK_ORDER[i])) {
			i++;
			continue;
		}
		let j = i;
		while (j + 1 < WEEK_ORDER.length && set.has(WEEK_ORDER[j + 1])) j++;
		if (j - i >= 2) parts.push(`${DAY_SHORT[WEEK_ORDER[i]]}-${DAY_SHORT[WEEK_ORDER[j]]}`);
		else for (let k = i; k <= j; k++) parts.push(DAY_SHORT[WEEK_ORDER[k]]);
		i = j + 1;
	}
	return parts.join(',');
}

/** Weekly rules grouped by their times, in order of first appearance: [{days, opens, closes}]. */
function groupWeekly(hours: Hours): { days: Weekday[]; opens: string; closes: string }[] {
	const groups = new Map<string, { days: Weekday[]; opens: string; closes: string }>();
	for (const r of hours.weekly) {
		const key = `${r.opens}-${r.closes}`;
		const g = groups.get(key) ?? { days: [], opens: r.opens, closes: r.closes };
		if (!g.days.includes(r.day)) g.days.push(r.day);
		groups.set(key, g);
	}
	return [...groups.values()];
}

/**
 * Hours in the compact text form the CSV import reads (see docs/hsds.md), without the zone:
 * `Mo-Fr 08:00-20:00; Sa 10:00-14:00; 2026-12-25 closed (Christmas)` or `24/7`.
 * Days sharing several time ranges are written once per range.
 */
export function formatHoursSpec(hours: Hours): string {
	const items: string[] = [];
	if (hours.always) items.push('24/7');
	else for (const g of groupWeekly(hours)) items.push(`${dayList(g.days)} ${g.opens}-${g.closes}`);
	for (const x of hours.exceptions) {
		const what = x.closed ? 'closed' : `${x.opens}-${x.closes}`;
		items.push(`${x.date} ${what}${x.note ? ` (${x.note.replace(/[()]/g, '')})` : ''}`);
	}
	return items.join('; ');
}

// ---------------------------------------------------------------- time zone offsets

/** The zone's UTC offset in minutes at `at` (0 for an unknown zone). */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
	try {
		const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(at);
		const m = /GMT([+-])(\d{1,2}):?(\d{2})?/.exec(parts.find((p) => p.type === 'timeZoneName')?.value ?? '');
		if (!m) return 0;
		const v = Number(m[2]) * 60 + Number(m[3] ?? 0);
		return m[1] === '-' ? -v : v;
	} catch {
		return 0;
	}
}

function offsetSuffix(minutes: number): string {
	if (minutes === 0) return 'Z';
	const a = Math.abs(minutes);
	return `${minutes < 0 ? '-' : '+'}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** HSDS times: "HH:MM" plus the offset; "24:00" (end of day) is written 23:59 for consumers that reject it. */
function hsdsTime(t: string, suffix: string): string {
	return `${t === '24:00' ? '23:59' : t}${suffix}`;
}

// ---------------------------------------------------------------- service -> HSDS

export type ExportRow = Awaited<ReturnType<typeof listForExport>>['rows'][number];
type ChannelRow = ExportRow['channels'][number];

/** The text HSDS shows for a locale map: English, else the first language present. */
function pick(map: LocaleMap | null | undefined): string {
	if (!map) return '';
	return map.en || Object.values(map).find((s) => !!s) || '';
}

const COST_TEXT: Record<string, string | undefined> = { free: 'Free', paid: 'May cost money' };

const CHANNEL_NOUN: Record<string, string> = {
	phone: 'Phone',
	sms: 'SMS',
	webchat: 'Web chat',
	messaging: 'Messaging app',
	email: 'Email',
	webform: 'Online form',
	app: 'App'
};

function channelTitle(c: ChannelRow): string {
	const label = pick(c.label);
	return `${CHANNEL_NOUN[c.type] ?? c.type} ${c.value}${c.type === 'messaging' && c.detail ? ` (${c.detail})` : ''}${label ? ` – ${label}` : ''}`;
}

function hoursSentence(h: Hours): string {
	return `${formatHoursSpec(h)} (local time, ${h.timezone})`;
}

function ageText(min: number | null, max: number | null): string | undefined {
	if (min != null && max != null) return `Ages ${min} to ${max}.`;
	if (max != null) return `Up to age ${max}.`;
	if (min != null) return `Age ${min} and over.`;
	return undefined;
}

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });

function languageName(code: string): string {
	try {
		return languageNames.of(code) ?? code;
	} catch {
		return code;
	}
}

/** The JSON a `cop:channel` attribute carries: the whole channel, nothing dropped. */
export interface ChannelValue {
	position: number;
	type: string;
	value: string;
	detail: string | null;
	label: LocaleMap;
	hours: Hours;
	showsOnBill: boolean | null;
	free: boolean | null;
}

/**
 * One of our services (a `listForExport` row) as an HSDS 3.0 `service`, with its organization,
 * phones, schedules, languages, service areas and attributes. `now` fixes the UTC offsets written
 * into schedules (they follow daylight-saving time; the IANA zone is in the channel attribute).
 */
export function toHsdsService(row: ExportRow, options: { now?: Date } = {}): HsdsService {
	const { service: s, organization: o } = row;
	const now = options.now ?? new Date();
	const channels = [...row.channels].sort((a, b) => a.position - b.position);
	const id = s.id;
	// attribute ids stay the same while the thing they describe exists (`key` tells apart repeats)
	const attr = (linkId: string, linkEntity: string, taxonomy: Vocabulary, code: string, value?: string, key = ''): HsdsAttribute => {
		const t = term(taxonomy, code);
		const a: HsdsAttribute = {
			id: uuidV5(`attribute:${linkEntity}:${linkId}:${taxonomy}:${code}:${key}`),
			link_id: linkId,
			link_entity: linkEntity,
			link_type: taxonomy,
			taxonomy_term_id: t.id,
			taxonomy_term: t
		};
		if (value !== undefined) a.value = value;
		return a;
	};

	// -- service attributes: classification, then the fields HSDS lacks
	const attributes: HsdsAttribute[] = [];
	attributes.push(attr(id, 'service', 'cop:kind', s.kind));
	for (const topic of s.topics) attributes.push(attr(id, 'service', 'cop:topic', topic));
	const cs = [...new Set(s.topics.map((t) => (TOPICS as Record<string, string>)[t]).filter(Boolean))];
	for (const c of cs) attributes.push(attr(id, 'service', 'cop:four_c', c));
	for (const action of s.actions) attributes.push(attr(id, 'service', 'cop:action', action));
	attributes.push(attr(id, 'service', 'cop:cost', s.cost));
	for (const c of channels) {
		const value: ChannelValue = {
			position: c.position,
			type: c.type,
			value: c.value,
			detail: c.detail,
			label: c.label ?? {},
			hours: c.hours,
			showsOnBill: c.showsOnBill,
			free: c.free
		};
		attributes.push(attr(id, 'service', 'cop:channel', c.type, JSON.stringify(value), String(c.position)));
	}
	attributes.push(attr(id, 'service', 'cop:field', 'translations', JSON.stringify({ name: s.name, description: s.description, whatHappens: s.whatHappens })));
	if (s.source) attributes.push(attr(id, 'service', 'cop:field', 'source', s.source));
	attributes.push(attr(id, 'service', 'cop:field', 'demo', String(s.isDemo)));
	if (s.verifiedAt) {
		// the note is a moderator's working note and may name people: it is not published
		const v = { at: s.verifiedAt.toISOString(), method: s.verificationMethod, by: s.verifiedBy };
		attributes.push(attr(id, 'service', 'cop:field', 'verification', JSON.stringify(v)));
	}

	// -- phones: phone and SMS channels (the channel attribute links back by position)
	const phones: HsdsPhone[] = [];
	for (const c of channels) {
		if (c.type !== 'phone' && c.type !== 'sms') continue;
		const phoneId = uuidV5(`phone:${id}:${c.position}`);
		const notes: string[] = [];
		const label = pick(c.label);
		if (label) notes.push(label);
		if (c.type === 'sms') notes.push(c.detail ? `SMS only: text ${c.detail} to ${c.value}.` : 'SMS only (text messages, not calls).');
		if (c.free === true) notes.push('Free.');
		if (c.free === false) notes.push('May cost money.');
		if (c.showsOnBill === false) notes.push('Does not show on the phone bill.');
		if (c.showsOnBill === true) notes.push('Shows on the phone bill.');
		notes.push(`Hours: ${hoursSentence(c.hours)}.`);
		phones.push({
			id: phoneId,
			service_id: id,
			number: c.value,
			type: c.type === 'sms' ? 'text' : 'voice',
			description: notes.join(' '),
			attributes: [attr(phoneId, 'phone', 'cop:channel', c.type, String(c.position))]
		});
	}

	// -- schedules: per channel, one per distinct (opens, closes) of its weekly rules
	const schedules: HsdsSchedule[] = [];
	for (const c of channels) {
		const offset = utcOffsetMinutes(c.hours.timezone, now);
		const suffix = offsetSuffix(offset);
		const base = { service_id: id, description: `${channelTitle(c)}: ${hoursSentence(c.hours)}`, notes: `Applies to: ${channelTitle(c)}` };
		const groups = c.hours.always
			? [{ byday: DAY_CODES.slice(1).concat('SU').join(','), opens: '00:00', closes: '24:00' }]
			: groupWeekly(c.hours).map((g) => ({ byday: WEEK_ORDER.filter((d) => g.days.includes(d)).map((d) => DAY_CODES[d]).join(','), opens: g.opens, closes: g.closes }));
		if (groups.length === 0) {
			const scheduleId = uuidV5(`schedule:${id}:${c.position}:0`);
			schedules.push({ id: scheduleId, ...base, attributes: [attr(scheduleId, 'schedule', 'cop:channel', c.type, String(c.position))] });
		}
		groups.forEach((g, i) => {
			const scheduleId = uuidV5(`schedule:${id}:${c.position}:${i}`);
			schedules.push({
				id: scheduleId,
				...base,
				timezone: offset / 60,
				freq: 'WEEKLY',
				byday: g.byday,
				opens_at: hsdsTime(g.opens, suffix),
				closes_at: hsdsTime(g.closes, suffix),
				attributes: [attr(scheduleId, 'schedule', 'cop:channel', c.type, String(c.position))]
			});
		});
	}

	// -- where: one area per country, then the sub-national areas
	const serviceAreas: HsdsServiceArea[] = [];
	for (const code of s.countries) {
		const areaId = uuidV5(`service_area:${id}:country:${code}`);
		const isWorld = code === 'ZZ';
		const area: HsdsServiceArea = {
			id: areaId,
			service_id: id,
			name: isWorld ? 'Worldwide' : (countryName(code, 'en') ?? code),
			description: isWorld ? 'Available in every country.' : `Country ${code} (ISO 3166-1 alpha-2).`,
			attributes: [attr(areaId, 'service_area', 'cop:field', 'country', code, code)]
		};
		if (!isWorld) area.uri = `https://www.iso.org/obp/ui/#iso:code:3166:${code}`;
		serviceAreas.push(area);
	}
	for (const name of new Set(s.areas)) {
		const areaId = uuidV5(`service_area:${id}:area:${name}`);
		serviceAreas.push({
			id: areaId,
			service_id: id,
			name,
			description: `Part of: ${s.countries.join(', ')}.`,
			attributes: [attr(areaId, 'service_area', 'cop:field', 'area', name, name)]
		});
	}

	const languages: HsdsLanguage[] = [...new Set(s.languages)].map((code) => ({ id: uuidV5(`language:${id}:${code}`), service_id: id, name: languageName(code), code }));

	const organization: HsdsOrganization = {
		id: o.id,
		name: pick(o.name),
		description: pick(o.description),
		attributes: [attr(o.id, 'organization', 'cop:field', 'translations', JSON.stringify({ name: o.name, description: o.description ?? {} }))]
	};
	if (o.website) organization.website = o.website;

	const email = channels.find((c) => c.type === 'email' && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.value))?.value;
	const lastModified = s.verifiedAt && s.verifiedAt > s.updatedAt ? s.verifiedAt : s.updatedAt;

	const out: HsdsService = {
		id,
		organization_id: o.id,
		name: pick(s.name),
		status: s.status === 'temporarily_closed' ? 'temporarily closed' : s.status === 'defunct' ? 'defunct' : 'active',
		last_modified: lastModified.toISOString(),
		organization,
		phones,
		schedules,
		service_areas: serviceAreas,
		languages,
		attributes
	};
	const description = pick(s.description);
	if (description) out.description = description;
	if (s.website) out.url = s.website;
	if (email) out.email = email;
	const whatHappens = pick(s.whatHappens);
	if (whatHappens) out.application_process = whatHappens;
	if (COST_TEXT[s.cost]) out.fees_description = COST_TEXT[s.cost];
	const ages = ageText(s.ageMin, s.ageMax);
	if (ages) out.eligibility_description = ages;
	if (s.ageMin != null) out.minimum_age = s.ageMin;
	if (s.ageMax != null) out.maximum_age = s.ageMax;
	if (s.verifiedAt) out.assured_date = s.verifiedAt.toISOString().slice(0, 10);
	if (s.status === 'temporarily_closed') out.alert = 'This service is temporarily closed.';
	return out;
}

// ---------------------------------------------------------------- HSDS -> our input (for imports)

export interface FieldError {
	field: string;
	code: string;
}

type Json = Record<string, unknown>;

const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const str = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);

/** Which of our terms an attribute carries: by term id, else by the embedded term's taxonomy and code. */
function attributeTerm(a: Json): { taxonomy: Vocabulary; code: string } | null {
	const id = str(a.taxonomy_term_id) ?? (isObject(a.taxonomy_term) ? str(a.taxonomy_term.id) : undefined);
	const known = id ? findTerm(id) : undefined;
	if (known) return { taxonomy: known.taxonomy as Vocabulary, code: known.code };
	const t = isObject(a.taxonomy_term) ? a.taxonomy_term : undefined;
	const taxonomy = str(t?.taxonomy) ?? str(a.link_type);
	const code = str(t?.code);
	if (taxonomy && code && (VOCABULARIES as readonly string[]).includes(taxonomy)) return { taxonomy: taxonomy as Vocabulary, code };
	return null;
}

function attributesOf(x: unknown): { taxonomy: Vocabulary; code: string; value: string | undefined }[] {
	if (!isObject(x) || !Array.isArray(x.attributes)) return [];
	const out: { taxonomy: Vocabulary; code: string; value: string | undefined }[] = [];
	for (const a of x.attributes) {
		if (!isObject(a)) continue;
		const t = attributeTerm(a);
		if (t) out.push({ ...t, value: str(a.value) });
	}
	return out;
}

function parseJson(text: string | undefined): unknown {
	if (text === undefined) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

const HSDS_DAYS: Record<string, Weekday> = { SU: 0, MO: 1, TU: 2, WE: 3, TH: 4, FR: 5, SA: 6 };

/** "09:00", "09:00:00", "09:00+03:00", "09:00Z" -> "09:00" and the offset in hours if written; 23:59 at closing -> "24:00". */
function hsdsLocalTime(t: unknown, closing: boolean): { time: string; offset?: number } | undefined {
	const m = typeof t === 'string' ? /^(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|([+-])(\d{2})(?::?(\d{2}))?)?$/i.exec(t.trim()) : null;
	if (!m) return undefined;
	const hhmm = `${m[1]}:${m[2]}`;
	const offset = !m[3] ? undefined : /^z$/i.test(m[3]) ? 0 : (m[4] === '-' ? -1 : 1) * (Number(m[5]) + Number(m[6] ?? 0) / 60);
	return { time: closing && hhmm === '23:59' ? '24:00' : hhmm, offset };
}

/** A zone for a numeric HSDS offset: whole hours become Etc/GMT∓N (note POSIX's inverted sign). */
function zoneForOffset(offset: unknown): string | undefined {
	if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < -12 || offset > 14) return undefined;
	if (offset === 0) return 'UTC';
	return `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Hours from plain HSDS weekly schedules (records from other publishers, without our channel attribute). */
function hoursFromSchedules(schedules: unknown): Hours | null {
	if (!Array.isArray(schedules)) return null;
	const weekly: Hours['weekly'] = [];
	let timezone: string | undefined;
	for (const sc of schedules) {
		if (!isObject(sc)) continue;
		if (sc.freq !== undefined && sc.freq !== 'WEEKLY') continue;
		const opens = hsdsLocalTime(sc.opens_at, false);
		const closes = hsdsLocalTime(sc.closes_at, true);
		const days = (str(sc.byday) ?? '').split(',').map((d) => HSDS_DAYS[d.trim().toUpperCase()]).filter((d) => d !== undefined);
		if (!opens || !closes || days.length === 0) continue;
		// the zone: the numeric `timezone`, else the offset written on the times
		timezone ??= zoneForOffset(sc.timezone) ?? zoneForOffset(opens.offset);
		for (const day of days) weekly.push({ day, opens: opens.time, closes: closes.time });
	}
	if (weekly.length === 0) return null;
	const allDay = weekly.length === 7 && weekly.every((r) => r.opens === '00:00' && r.closes === '24:00') && new Set(weekly.map((r) => r.day)).size === 7;
	return { timezone: timezone ?? 'UTC', always: allDay, weekly: allDay ? [] : weekly, exceptions: [] };
}

const COUNTRY_BY_NAME = new Map<string, string>();

function countryFromAreaName(name: string | undefined): string | undefined {
	if (!name) return undefined;
	const n = name.trim();
	if (/^[A-Z]{2}$/.test(n) && (n === 'ZZ' || isCountryCode(n))) return n;
	if (/^(worldwide|global|international)$/i.test(n)) return 'ZZ';
	if (COUNTRY_BY_NAME.size === 0) {
		for (const code of allCountryCodes()) {
			const cn = countryName(code, 'en');
			if (cn) COUNTRY_BY_NAME.set(cn.toLowerCase(), code);
		}
	}
	return COUNTRY_BY_NAME.get(n.toLowerCase());
}

const STATUS_FROM_HSDS: Record<string, string> = { active: 'active', inactive: 'temporarily_closed', 'temporarily closed': 'temporarily_closed', defunct: 'defunct' };

/**
 * An HSDS service object -> the raw ServiceInput shape (validate it with ServiceInput), plus
 * errors found while reading it. Our own exports come back exactly (the `cop:*` attributes carry
 * what HSDS cannot); records from other publishers are read from the standard fields as far as
 * they go, and whatever they cannot say (kind, actions, hours) is reported by validation.
 */
export function fromHsdsService(record: unknown): { raw: Json; errors: FieldError[] } {
	const errors: FieldError[] = [];
	if (!isObject(record)) return { raw: {}, errors: [{ field: '_', code: 'record_invalid' }] };
	const attrs = attributesOf(record);
	const one = (taxonomy: Vocabulary, code?: string) => attrs.find((a) => a.taxonomy === taxonomy && (code === undefined || a.code === code));
	const all = (taxonomy: Vocabulary) => attrs.filter((a) => a.taxonomy === taxonomy);

	// texts: the translations attribute, else the single-language HSDS fields (taken as English)
	const tr = parseJson(one('cop:field', 'translations')?.value);
	const texts = isObject(tr) ? tr : {};
	const asMap = (x: unknown, fallback: unknown) => (isObject(x) ? x : typeof fallback === 'string' && fallback.trim() ? { en: fallback } : {});

	const org = isObject(record.organization) ? record.organization : {};
	const orgTr = parseJson(attributesOf(org).find((a) => a.taxonomy === 'cop:field' && a.code === 'translations')?.value);

	const countries: string[] = [];
	const areas: string[] = [];
	for (const sa of Array.isArray(record.service_areas) ? record.service_areas : []) {
		if (!isObject(sa)) continue;
		const saAttrs = attributesOf(sa);
		const country = saAttrs.find((a) => a.taxonomy === 'cop:field' && a.code === 'country')?.value;
		const area = saAttrs.find((a) => a.taxonomy === 'cop:field' && a.code === 'area')?.value;
		if (country !== undefined) countries.push(country);
		else if (area !== undefined) areas.push(area);
		else {
			const guess = countryFromAreaName(str(sa.name));
			if (guess) countries.push(guess);
			else if (str(sa.name)) areas.push(str(sa.name)!);
		}
	}

	// channels: ours from the cop:channel attributes; otherwise phones and email with the service's schedules
	let channels: unknown[] = [];
	const channelAttrs = all('cop:channel');
	if (channelAttrs.length) {
		const parsed: { position: number; channel: Json }[] = [];
		channelAttrs.forEach((a, i) => {
			const c = parseJson(a.value);
			if (!isObject(c)) {
				errors.push({ field: `channels.${i}`, code: 'channel_invalid' });
				return;
			}
			parsed.push({
				position: typeof c.position === 'number' ? c.position : i,
				channel: { type: c.type, value: c.value, detail: c.detail ?? null, label: c.label ?? {}, hours: c.hours, showsOnBill: c.showsOnBill ?? null, free: c.free ?? null }
			});
		});
		channels = parsed.sort((a, b) => a.position - b.position).map((p) => p.channel);
	} else {
		const hours = hoursFromSchedules(record.schedules);
		for (const p of Array.isArray(record.phones) ? record.phones : []) {
			if (!isObject(p) || !str(p.number)) continue;
			const type = /^(text|sms)$/i.test(str(p.type) ?? '') ? 'sms' : 'phone';
			channels.push({ type, value: p.number, hours });
		}
		if (str(record.email)) channels.push({ type: 'email', value: record.email, hours });
		if (!hours && channels.length) errors.push({ field: 'channels.0.hours', code: 'hours_missing' });
	}

	const status = str(record.status);
	// ages: numbers, or numeric strings as some publishers write them (the schema's own example is "12")
	const age = (x: unknown) => (x === undefined || x === null || x === '' ? null : typeof x === 'string' && /^\d{1,3}$/.test(x.trim()) ? Number(x) : x);
	const raw: Json = {
		organization: {
			name: asMap(isObject(orgTr) ? orgTr.name : undefined, org.name),
			website: str(org.website) ?? null
		},
		name: asMap(texts.name, record.name),
		description: asMap(texts.description, record.description),
		whatHappens: asMap(texts.whatHappens, record.application_process),
		kind: one('cop:kind')?.code,
		status: status === undefined ? undefined : (STATUS_FROM_HSDS[status] ?? status),
		ageMin: age(record.minimum_age),
		ageMax: age(record.maximum_age),
		languages: (Array.isArray(record.languages) ? record.languages : []).map((l) => (isObject(l) ? str(l.code)?.toLowerCase() : undefined)).filter((c): c is string => !!c),
		countries,
		areas,
		cost: one('cop:cost')?.code,
		topics: all('cop:topic').map((a) => a.code),
		actions: all('cop:action').map((a) => a.code),
		website: str(record.url) ?? null,
		source: one('cop:field', 'source')?.value ?? null,
		channels
	};
	return { raw, errors };
}

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
 */
export async function hsdsServicePage(params: HsdsListParams, options: { now?: Date } = {}): Promise<HsdsPage<HsdsService>> {
	const base = { search: params.search, modifiedAfter: params.modifiedAfter };
	const t = params.term;
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
