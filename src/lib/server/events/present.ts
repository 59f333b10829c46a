// Rows -> what pages and the open API show: translations resolved, times in the event's zone,
// private fields (online link, who registered, children's ages) dropped unless the reader may see them.
import { countryName, isLocale as isGeoLocale } from '../../geo';
import { localized } from '../../i18n';
import type { Locale } from '../../paraglide/runtime.js';
import { origin } from '../learning';
import { registrationOpen } from './commands';
import { formatWhen } from './mails';
import type { EventRow, RegistrationRow } from './queries';
import { offsetMinutes, utcToZoned } from './time';

/** Venue, city and country in the reader's language, as cards show where an event is. */
export function placeName(e: Pick<EventRow, 'venue' | 'city' | 'country'>, locale: Locale): string {
	const country = e.country ? (countryName(e.country, isGeoLocale(locale) ? locale : 'en') ?? e.country) : '';
	return [e.venue, e.city, country].filter(Boolean).join(', ');
}

/** A card in the list. */
export function presentSummary(e: EventRow, taken: number, locale: Locale, now = new Date()) {
	const title = localized(e.title, locale);
	return {
		id: e.id,
		title: title.text,
		titleLang: title.lang,
		fallback: title.fallback,
		kind: e.kind,
		mode: e.mode,
		place: e.mode === 'online' ? '' : placeName(e, locale),
		when: formatWhen(e, locale),
		startsAt: e.startsAt.toISOString(),
		timeZone: e.timeZone,
		seatsLeft: Math.max(0, e.seats - taken),
		seats: e.seats,
		languages: e.languages,
		audiences: e.audiences,
		childAges: e.childMinAge !== null ? { min: e.childMinAge, max: e.childMaxAge } : null,
		isDemo: e.isDemo,
		open: registrationOpen(e, now),
		past: e.endsAt < now
	};
}

/** ISO 8601 with the offset of the event's zone (as schema.org and people expect). */
export function zonedIso(d: Date, tz: string): string {
	const off = offsetMinutes(d, tz);
	const sign = off < 0 ? '-' : '+';
	const a = Math.abs(off);
	return `${utcToZoned(d, tz)}:00${sign}${String(Math.floor(a / 60)).padStart(2, '0')}:${String(a % 60).padStart(2, '0')}`;
}

/** Everything a visitor needs to decide, and the registration form's questions. */
export function presentDetail(row: { event: EventRow; taken: number; waiting: number }, locale: Locale, now = new Date()) {
	const e = row.event;
	const description = localized(e.description, locale);
	const materials = localized(e.materials, locale);
	return {
		...presentSummary(e, row.taken, locale, now),
		status: e.status,
		cancelReason: e.cancelReason,
		description: description.text,
		descriptionLang: description.lang,
		materials: materials.text,
		waiting: row.waiting,
		topics: e.topics,
		areas: e.areas,
		endsAt: e.endsAt.toISOString(),
		safeguardingContact: e.safeguardingContact,
		moderated: e.moderated,
		holdHours: e.holdHours,
		opensAt: e.registrationOpensAt ? formatWhen({ startsAt: e.registrationOpensAt, endsAt: e.registrationOpensAt, timeZone: e.timeZone }, locale).replace(/ – .*\(/, ' (') : null,
		notYetOpen: !!e.registrationOpensAt && now < e.registrationOpensAt,
		questions: e.questions.map((q) => ({
			id: q.id,
			kind: q.kind,
			required: q.required,
			label: localized(q.label, locale).text,
			options: (q.options ?? []).map((o, i) => ({ value: String(i), label: localized(o, locale).text }))
		})),
		jsonLd: jsonLd(e, row.taken, locale)
	};
}

/** schema.org Event, in the reader's language. The online link is never in it. */
export function jsonLd(e: EventRow, taken: number, locale: Locale) {
	const url = `${origin()}${locale === 'en' ? '' : '/' + locale}/events/${e.id}`;
	return {
		'@context': 'https://schema.org',
		'@type': 'Event',
		name: localized(e.title, locale).text,
		description: localized(e.description, locale).text || undefined,
		startDate: zonedIso(e.startsAt, e.timeZone),
		endDate: zonedIso(e.endsAt, e.timeZone),
		eventStatus: e.status === 'cancelled' ? 'https://schema.org/EventCancelled' : 'https://schema.org/EventScheduled',
		eventAttendanceMode: e.mode === 'online' ? 'https://schema.org/OnlineEventAttendanceMode' : 'https://schema.org/OfflineEventAttendanceMode',
		location:
			e.mode === 'online'
				? { '@type': 'VirtualLocation', url }
				: { '@type': 'Place', name: e.venue ?? e.city ?? '', address: { '@type': 'PostalAddress', addressLocality: e.city ?? undefined, addressCountry: e.country ?? undefined } },
		inLanguage: e.languages,
		maximumAttendeeCapacity: e.seats,
		remainingAttendeeCapacity: Math.max(0, e.seats - taken),
		url
	};
}

/** The open-data shape (GET /api/v1/events): authored text as locale maps, no personal data, no online link. */
export function presentOpenData(e: EventRow, taken: number) {
	return {
		id: e.id,
		url: `${origin()}/events/${e.id}`,
		status: e.status,
		demo: e.isDemo,
		title: e.title,
		description: e.description,
		kind: e.kind,
		audiences: e.audiences,
		topics: e.topics,
		copAreas: e.areas,
		languages: e.languages,
		start: zonedIso(e.startsAt, e.timeZone),
		end: zonedIso(e.endsAt, e.timeZone),
		timeZone: e.timeZone,
		mode: e.mode,
		venue: e.venue,
		city: e.city,
		country: e.country,
		region: e.region,
		seats: e.seats,
		seatsLeft: Math.max(0, e.seats - taken),
		registrationOpens: e.registrationOpensAt?.toISOString() ?? null,
		registrationCloses: e.registrationClosesAt?.toISOString() ?? null,
		childAgeRange: e.childMinAge !== null ? { min: e.childMinAge, max: e.childMaxAge } : null
	};
}

/** A registration as its owner sees it through the private link (the online link once confirmed). */
export function presentOwnRegistration(r: RegistrationRow, e: EventRow, ahead: number, locale: Locale) {
	return {
		id: r.id,
		status: r.status,
		name: r.name,
		email: r.email,
		adults: r.adults,
		children: r.childAges.length,
		answers: r.answers,
		heldUntil: r.heldUntil ? formatWhen({ startsAt: r.heldUntil, endsAt: r.heldUntil, timeZone: e.timeZone }, locale).replace(/ – .*\(/, ' (') : null,
		ahead,
		onlineUrl: r.status === 'confirmed' && e.mode === 'online' ? e.onlineUrl : null,
		certificateId: r.certificateId
	};
}

/** A registration as the organiser sees it: who the adult is, and how many children (never more). */
export function presentForOrganiser(r: RegistrationRow, e: EventRow) {
	return {
		id: r.id,
		status: r.status,
		name: r.name,
		email: r.email,
		adults: r.adults,
		children: r.childAges.length,
		places: r.places,
		answers: e.questions.map((q) => ({ id: q.id, label: localized(q.label, 'en').text, value: answerText(q, r.answers[q.id]) })),
		checkedIn: !!r.checkedInAt,
		certificateId: r.certificateId,
		heldUntil: r.heldUntil?.toISOString() ?? null,
		createdAt: r.createdAt.toISOString()
	};
}

function answerText(q: EventRow['questions'][number], value: string | undefined): string {
	if (!value) return '';
	if (q.kind === 'choice') return localized(q.options?.[Number(value)] ?? {}, 'en').text || value;
	return value;
}

function csvCell(v: unknown): string {
	let s = String(v ?? '');
	// a cell starting with = + - @ would run as a formula in a spreadsheet
	if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
	return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The registrations as CSV (UTF-8 with BOM so spreadsheets read every script). */
export function registrationsCsv(e: EventRow, regs: RegistrationRow[]): string {
	const head = ['status', 'name', 'email', 'adults', 'children', 'places', 'checked_in', 'registered_at', ...e.questions.map((q) => localized(q.label, 'en').text)];
	const lines = regs.map((r) => {
		const p = presentForOrganiser(r, e);
		return [p.status, p.name, p.email, p.adults, p.children, p.places, p.checkedIn ? 'yes' : '', p.createdAt, ...p.answers.map((a) => a.value)].map(csvCell).join(',');
	});
	return '\ufeff' + [head.map(csvCell).join(','), ...lines].join('\r\n') + '\r\n';
}
