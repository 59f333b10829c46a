// iCalendar (RFC 5545) for one event or a list. Times are written in UTC ("Z" form), which every
// calendar converts to the reader's zone without a VTIMEZONE; the event's own zone is named in the
// description. Text is escaped (\\ ; , newline) and lines folded at 75 octets, CRLF-terminated.
import { localized } from '../../i18n';
import type { LocaleMap } from '../../i18n/locale-map';
import * as m from '../../paraglide/messages.js';
import type { Locale } from '../../paraglide/runtime.js';
import { origin } from '../learning';
import type { events } from './schema';

type EventRow = typeof events.$inferSelect;

function escapeText(s: string): string {
	return s.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r\n|\r|\n/g, '\\n');
}

function utc(d: Date): string {
	return d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function fold(line: string): string {
	const out: string[] = [];
	let current = '';
	let octets = 0;
	for (const ch of line) {
		const n = Buffer.byteLength(ch);
		const limit = out.length === 0 ? 75 : 74; // continuation lines start with a space
		if (octets + n > limit) {
			out.push(current);
			current = '';
			octets = 0;
		}
		current += ch;
		octets += n;
	}
	out.push(current);
	return out.join('\r\n ');
}

function host(): string {
	try {
		return new URL(origin()).host;
	} catch {
		return 'localhost';
	}
}

/** What a calendar entry needs: an event of ours, or one a national platform shared (its open-data shape). */
interface Entry {
	uid: string;
	start: Date;
	end: Date;
	sequence: number;
	title: LocaleMap;
	description: LocaleMap;
	timeZone: string;
	url: string;
	location: string;
	cancelled: boolean;
	/** for shared events: who runs it (registration is there) */
	source?: string;
}

/** An event as `/api/v1/events` and the federation feed give it. */
export interface OpenDataEvent {
	id: string;
	url: string;
	status: string;
	title: LocaleMap;
	description: LocaleMap;
	start: string;
	end: string;
	timeZone: string;
	mode: string;
	venue: string | null;
	city: string | null;
	country: string | null;
}

/** A shared event with where it comes from: `sourceName` runs it, `snapshotAt` is when this hub last read it. */
export interface SharedCalendarEvent {
	event: OpenDataEvent;
	sourceName: string;
	snapshotAt: string;
}

function ownEntry(e: EventRow, locale: Locale): Entry {
	const url = `${origin()}${locale === 'en' ? '' : '/' + locale}/events/${e.id}`;
	return {
		uid: `${e.id}@${host()}`,
		start: e.startsAt,
		end: e.endsAt,
		sequence: Math.floor(e.updatedAt.getTime() / 1000),
		title: e.title,
		description: e.description,
		timeZone: e.timeZone,
		url,
		location: e.mode === 'online' ? url : [e.venue, e.city, e.country].filter(Boolean).join(', '),
		cancelled: e.status === 'cancelled'
	};
}

/** A shared event's page on the member, in the reader's language: the member runs this software, so its pages take the same prefix. */
export function memberEventUrl(eventUrl: string, locale: Locale): URL {
	const url = new URL(eventUrl);
	if (locale !== 'en' && url.pathname.startsWith('/events/')) url.pathname = `/${locale}${url.pathname}`;
	return url;
}

function sharedEntry({ event: e, sourceName, snapshotAt }: SharedCalendarEvent, locale: Locale): Entry {
	const url = memberEventUrl(e.url, locale);
	return {
		// the member's own feed names it the same way, so a calendar subscribed to both shows it once
		uid: `${e.id}@${new URL(e.url).host}`,
		start: new Date(e.start),
		end: new Date(e.end),
		sequence: Math.floor(Date.parse(snapshotAt) / 1000) || 0,
		title: e.title,
		description: e.description,
		timeZone: e.timeZone,
		url: url.href,
		location: e.mode === 'online' ? url.href : [e.venue, e.city, e.country].filter(Boolean).join(', '),
		cancelled: e.status === 'cancelled',
		source: sourceName
	};
}

function vevent(e: Entry, locale: Locale, now: Date): string[] {
	const title = localized(e.title, locale).text;
	const description = localized(e.description, locale).text;
	const from = e.source ? `\n${m.events_federated_register_on({ source: e.source }, { locale })}` : '';
	return [
		'BEGIN:VEVENT',
		`UID:${e.uid}`,
		`DTSTAMP:${utc(now)}`,
		`DTSTART:${utc(e.start)}`,
		`DTEND:${utc(e.end)}`,
		`SEQUENCE:${e.sequence}`,
		`SUMMARY:${escapeText(title)}`,
		`DESCRIPTION:${escapeText(`${description}\n\n(${e.timeZone})${from}\n${e.url}`.trim())}`,
		`LOCATION:${escapeText(e.location)}`,
		`URL:${e.url}`,
		`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
}

/**
 * A calendar of the given events (one or many), in the reader's language; on a hub, `shared` adds
 * the events national platforms share with it (their own links, their own UIDs).
 */
export function toICalendar(list: EventRow[], options: { locale: Locale; name?: string; now?: Date; shared?: SharedCalendarEvent[] }): string {
	const now = options.now ?? new Date();
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//COP Platform//events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
	if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
	const entries = [...list.map((e) => ownEntry(e, options.locale)), ...(options.shared ?? []).map((e) => sharedEntry(e, options.locale))];
	entries.sort((a, b) => a.start.getTime() - b.start.getTime());
	for (const e of entries) lines.push(...vevent(e, options.locale, now));
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
