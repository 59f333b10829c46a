// Wall-clock time in an IANA zone with the built-in Intl API only: an instant's local date and
// time, a local date and time back to the instant (DST gaps and overlaps as hours.ts describes),
// the zone's UTC offset, and whether a zone name is known. Pure; runs in the browser and on the server.
import type { Weekday } from './hours-types';

export const MINUTE = 60_000;
export const DAY = 86_400_000;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** IANA names ("Africa/Nairobi", "UTC", "Etc/GMT+3"); keeps out offsets like "+03:00", which only some engines accept. */
const ZONE_NAME = /^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/;

// ---------------------------------------------------------------- wall clock in a zone

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** A formatter per zone (building one is expensive). Throws RangeError for an unknown zone. */
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = partsFormatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			calendar: 'gregory',
			numberingSystem: 'latn',
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		partsFormatters.set(timeZone, f); // only valid zones get here: the constructor throws otherwise
	}
	return f;
}

interface Wall {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

function wallFields(ms: number, timeZone: string): Wall {
	const w: Wall = { year: 0, month: 1, day: 1, hour: 0, minute: 0, second: 0 };
	for (const p of partsFormatter(timeZone).formatToParts(ms)) {
		if (p.type === 'year' || p.type === 'month' || p.type === 'day' || p.type === 'hour' || p.type === 'minute' || p.type === 'second') {
			w[p.type] = Number(p.value);
		}
	}
	if (w.hour === 24) w.hour = 0; // old engines wrote midnight as 24 despite h23
	return w;
}

/** Date.UTC that also works for years 0–99. */
function utc(year: number, month: number, day: number, hour = 0, minute = 0, second = 0): number {
	const t = Date.UTC(year, month - 1, day, hour, minute, second);
	return year >= 0 && year < 100 ? new Date(t).setUTCFullYear(year) : t;
}

/** The local wall-clock time at `ms`, written as if it were UTC (whole seconds). */
function wallMs(ms: number, timeZone: string): number {
	const w = wallFields(ms, timeZone);
	return utc(w.year, w.month, w.day, w.hour, w.minute, w.second);
}

/** The zone's offset from UTC at `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
	const s = Math.floor(ms / 1000) * 1000;
	return wallMs(s, timeZone) - s;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
export const dateString = (year: number, month: number, day: number) => `${pad(year, 4)}-${pad(month)}-${pad(day)}`;

/** The local date, weekday and minutes since local midnight of `instant` in `timeZone`. */
export function localParts(instant: Date, timeZone: string): { date: string; weekday: Weekday; minutes: number } {
	const ms = instant.getTime();
	if (!Number.isFinite(ms)) throw new RangeError('Invalid Date');
	const w = wallFields(ms, timeZone);
	return {
		date: dateString(w.year, w.month, w.day),
		weekday: new Date(utc(w.year, w.month, w.day)).getUTCDay() as Weekday,
		minutes: w.hour * 60 + w.minute
	};
}

/** "YYYY-MM-DD" of a real calendar date -> its midnight as if UTC; null when not a date. */
export function parseDate(date: unknown): number | null {
	if (typeof date !== 'string') return null;
	const m = DATE.exec(date);
	if (!m) return null;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const t = utc(y, mo, d);
	const back = new Date(t);
	return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
}

/** "HH:MM" or "24:00" -> minutes since midnight; null when not a valid time. */
export function parseTime(time: unknown): number | null {
	if (typeof time !== 'string' || !TIME.test(time)) return null;
	return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The wall clock `wall` (local time written as if UTC) -> the instant, with the DST rules above. */
export function resolveWall(wall: number, timeZone: string): number {
	// Read the wall time with the offset in force a day before and a day after; an offset
	// change in between gives two candidates. Keep the earliest whose wall clock comes back
	// exactly as asked (in a fall-back overlap both do: the earlier wins).
	const before = offsetAt(wall - DAY, timeZone);
	const after = offsetAt(wall + DAY, timeZone);
	const candidates = before === after ? [wall - before] : [wall - before, wall - after].sort((a, b) => a - b);
	for (const t of candidates) if (wallMs(t, timeZone) === wall) return t;
	if (after > before) {
		// Spring-forward gap: the wall time never happens. Find the moment of the change, the first
		// instant whose wall clock is at or past the one asked for (bisection, to the second).
		let lo = wall - after; // before the change: wall clock still behind
		let hi = wall - before; // after the change: wall clock already past
		while (hi - lo > 1000) {
			const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
			if (wallMs(mid, timeZone) >= wall) hi = mid;
			else lo = mid;
		}
		return hi;
	}
	// Two changes within two days (historical oddities only): plain offset iteration.
	let t = wall - before;
	for (let i = 0; i < 4; i++) {
		const next = wall - offsetAt(t, timeZone);
		if (next === t) break;
		t = next;
	}
	return t;
}

/**
 * Local wall-clock `date` ("YYYY-MM-DD") and `time` ("HH:MM", "24:00" = the next day's 00:00) in
 * `timeZone` -> the instant. A time skipped by a spring-forward change gives the moment of the
 * change (the first valid instant after it); a time repeated by a fall-back change gives the
 * earlier instant. Throws RangeError for a malformed date or time or an unknown zone.
 */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
	const day = parseDate(date);
	const minutes = parseTime(time);
	if (day === null) throw new RangeError(`Invalid date: ${date}`);
	if (minutes === null) throw new RangeError(`Invalid time: ${time}`);
	return new Date(resolveWall(day + minutes * MINUTE, timeZone));
}

const validZones = new Map<string, boolean>();

/** Whether `tz` is an IANA time-zone name this engine knows ("Africa/Nairobi", "UTC"). */
export function isValidTimeZone(tz: string): boolean {
	if (typeof tz !== 'string' || tz.length === 0 || tz.length > 64 || !ZONE_NAME.test(tz)) return false;
	let ok = validZones.get(tz);
	if (ok === undefined) {
		try {
			partsFormatter(tz);
			ok = true;
		} catch {
			ok = false;
		}
		if (validZones.size < 2000) validZones.set(tz, ok); // bounded: names come from user input
	}
	return ok;
}

/** The zone's offset from UTC at `at`, in minutes (0 for an unknown zone): the one offset function HSDS times and the hours rules share. */
export function utcOffsetMinutes(timeZone: string, at: Date): number {
	if (!isValidTimeZone(timeZone) || !Number.isFinite(at.getTime())) return 0;
	return Math.round(offsetAt(at.getTime(), timeZone) / MINUTE);
}

