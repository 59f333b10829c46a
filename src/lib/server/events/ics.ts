// iCalendar (RFC 5545) for one event or a list. Times are written in UTC ("Z" form), which every
// calendar converts to the reader's zone without a VTIMEZONE; the event's own zone is named in the
// description. Text is escaped (\\ ; , newline) and lines folded at 75 octets, CRLF-terminated.
import { localized } from '../../i18n';
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

function vevent(e: EventRow, locale: Locale, now: Date): string[] {
	const title = localized(e.title, locale).text;
	const description = localized(e.description, locale).text;
	const url = `${origin()}${locale === 'en' ? '' : '/' + locale}/events/${e.id}`;
	const location = e.mode === 'online' ? url : [e.venue, e.city, e.country].filter(Boolean).join(', ');
	const lines = [
		'BEGIN:VEVENT',
		`UID:${e.id}@${host()}`,
		`DTSTAMP:${utc(now)}`,
		`DTSTART:${utc(e.startsAt)}`,
		`DTEND:${utc(e.endsAt)}`,
		`SEQUENCE:${Math.floor(e.updatedAt.getTime() / 1000)}`,
		`SUMMARY:${escapeText(title)}`,
		`DESCRIPTION:${escapeText(`${description}\n\n(${e.timeZone})\n${url}`.trim())}`,
		`LOCATION:${escapeText(location)}`,
		`URL:${url}`,
		`STATUS:${e.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
		'END:VEVENT'
	];
	return lines;
}

/** A calendar of the given events (one or many), in the reader's language. */
export function toICalendar(list: EventRow[], options: { locale: Locale; name?: string; now?: Date }): string {
	const now = options.now ?? new Date();
	const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//COP Platform//events//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
	if (options.name) lines.push(`X-WR-CALNAME:${escapeText(options.name)}`);
	for (const e of list) lines.push(...vevent(e, options.locale, now));
	lines.push('END:VCALENDAR');
	return lines.map(fold).join('\r\n') + '\r\n';
}
