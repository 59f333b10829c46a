// Service -> HSDS: one of our services as a fully nested HSDS `service` object. Everything HSDS
// has a field for goes in that field; the rest travels in `cop:*` attributes (docs/hsds.md).
import { countryName } from '../../../geo';
import { utcOffsetMinutes } from '../../../directory/hours';
import { DAY_CODES, WEEK_ORDER, formatHoursSpec, groupWeekly } from '../../../directory/hours-text';
import type { Hours } from '../../../directory/hours-types';
import { TOPICS } from '../../../directory/taxonomy';
import type { LocaleMap } from '../../../i18n/locale-map';
import { listForExport } from '../queries';
import type { HsdsAttribute, HsdsLanguage, HsdsOrganization, HsdsPhone, HsdsSchedule, HsdsService, HsdsServiceArea } from './types';
import { term, uuidV5, type Vocabulary } from './terms';

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
 * HSDS requires an organization description, and our directory records none for most
 * organizations: say what the directory does know (the service it runs, where), never invent more.
 */
function organizationSummary(organization: string, service: string, countries: string[]): string {
	const where = countries.length === 0 || countries.includes('ZZ') ? 'every country' : countries.map((c) => countryName(c, 'en') ?? c).join(', ');
	return `${organization || 'This organization'} runs ${service ? `“${service}”` : 'a service'} for ${where}, as listed in the help directory.`;
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
		description: pick(o.description) || organizationSummary(pick(o.name), pick(s.name), s.countries),
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
