// HSDS -> our input (for imports): an HSDS `service` record, ours or another publisher's, read back
// into the raw shape ServiceInput validates, with field errors named by HSDS path.
import { allCountryCodes, countryName, isCountryCode } from '../../../geo';
import type { Hours, Weekday } from '../../../directory/hours-types';
import { VOCABULARIES, findTerm, term, type Vocabulary } from './terms';

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
