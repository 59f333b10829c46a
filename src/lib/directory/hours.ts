// Opening hours in the service's own IANA time zone: "is it open now?", when it next closes or
// opens, and converting between instants and local wall-clock time. Pure, runs in the browser
// and on the server, uses only the built-in Intl API (no time-zone data of our own).
//
// Rules (read these before changing anything):
//
// - Hours are wall-clock times in `hours.timezone`. An interval opens at `opens` (inclusive) and
//   closes at `closes` (exclusive). "24:00" as a closing time is the end of the day (the next
//   day's 00:00). When `closes` < `opens` the interval runs past midnight and closes on the next
//   day, so Fri 22:00–02:00 is open on Saturday at 01:00.
// - An interval BELONGS TO THE DATE IT STARTS ON. An exception for a date (closed, or special
//   hours) replaces only the intervals starting on that date: a "closed" exception on Saturday
//   does not cut short a Friday 22:00–02:00 interval, which still runs until Saturday 02:00.
//   Likewise a special-hours exception replaces that date's weekly rules (or, for a 24/7 service,
//   that date's 00:00–24:00) and may itself run past midnight.
// - A 24/7 service (`always`) is treated as one 00:00–24:00 interval per local date, so a
//   "closed" exception closes it for that whole local date and it reopens at the local midnight
//   after it.
// - Several exceptions for one date: if any says closed, the date is closed; otherwise their
//   hours are all open. An exception with neither `closed` nor both times is ignored (validation
//   rejects it).
// - Daylight-saving time: a wall-clock time that does not exist (spring forward) means the first
//   instant after it, i.e. the moment of the change (01:30 on a day London jumps 01:00 -> 02:00
//   is 02:00 BST); a wall-clock time that occurs twice (fall back) means the earlier instant. So
//   a 00:00–06:00 interval lasts 5 hours on spring-forward day and 7 hours on fall-back day.
// - Look-ahead: opening and closing times are searched for HORIZON_DAYS local dates ahead. A
//   closed channel with no opening in that window has no `opensAt`; an open channel that stays
//   open past the window (24/7, or weekly rules covering every hour) has no `closesAt` and
//   reports `always: true`. So `always: true` means "open, with no closing in sight", which is
//   also what a 24/7 service reports unless an exception closes it within the window.
import type { Hours, HoursException, Weekday } from './hours-types';
import { DAY, MINUTE, dateString, isValidTimeZone, localParts, parseDate, parseTime, resolveWall } from './time-zone';

export { isValidTimeZone, localParts, utcOffsetMinutes, zonedTimeToInstant } from './time-zone';

/** How many local dates after today are searched for the next opening or closing. */
export const HORIZON_DAYS = 14;

// ---------------------------------------------------------------- open or closed

export interface OpenStatus {
	open: boolean;
	/** when open: the instant it next closes (none when it stays open past the look-ahead window) */
	closesAt?: Date;
	/** when closed: the instant it next opens (none when it does not open within the window) */
	opensAt?: Date;
	/** open with no closing within the window (24/7) */
	always?: boolean;
}

interface Interval {
	start: number;
	end: number;
}

/** Whether the channel is open at `now` in the service's own zone, and when that changes. */
export function openStatus(hours: Hours, now: Date): OpenStatus {
	const tz = hours.timezone;
	const t = now.getTime();
	// Stored hours are validated; if a bad zone slips through, say closed rather than break a search.
	if (!Number.isFinite(t) || !isValidTimeZone(tz)) return { open: false };

	const today = parseDate(localParts(now, tz).date)!;
	const first = today - DAY; // an interval that started yesterday may still be running
	const last = today + HORIZON_DAYS * DAY;

	const exceptions = new Map<string, HoursException[]>();
	for (const e of hours.exceptions ?? []) {
		const d = parseDate(e?.date);
		if (d === null || d < first || d > last) continue;
		const list = exceptions.get(e.date) ?? [];
		list.push(e);
		exceptions.set(e.date, list);
	}
	if (hours.always && exceptions.size === 0) return { open: true, always: true };

	const instants = new Map<number, number>();
	const resolve = (wall: number) => {
		let r = instants.get(wall);
		if (r === undefined) instants.set(wall, (r = resolveWall(wall, tz)));
		return r;
	};

	/** Intervals starting on the local date whose midnight (as if UTC) is `day`, by start. */
	const intervalsOn = (day: number): Interval[] => {
		const d = new Date(day);
		const date = dateString(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
		let specs: { opens?: unknown; closes?: unknown }[] | undefined;
		const special = exceptions.get(date);
		if (special) {
			if (special.some((e) => e.closed === true)) specs = [];
			else {
				const timed = special.filter((e) => e.opens !== undefined && e.closes !== undefined);
				if (timed.length) specs = timed;
			}
		}
		if (!specs) specs = hours.always ? [{ opens: '00:00', closes: '24:00' }] : (hours.weekly ?? []).filter((r) => r?.day === d.getUTCDay());
		const out: Interval[] = [];
		for (const s of specs) {
			const opens = parseTime(s.opens);
			const closes = parseTime(s.closes);
			if (opens === null || closes === null || opens === closes) continue;
			const start = resolve(day + opens * MINUTE);
			const end = resolve(day + (closes > opens ? closes : closes + 1440) * MINUTE);
			if (end > start) out.push({ start, end }); // empty when it falls wholly in a DST gap
		}
		return out.sort((a, b) => a.start - b.start);
	};

	// Intervals come in order of start (a date's intervals all start before the next date's), so
	// one pass finds everything: those starting at or before `now` decide whether it is open (the
	// latest end among them), the first starting after `now` is the next opening when closed, and
	// when open the run is merged with intervals that overlap or touch it until a gap appears.
	let end = -Infinity;
	for (let day = first; day <= last; day += DAY) {
		for (const iv of intervalsOn(day)) {
			if (iv.start <= t) end = Math.max(end, iv.end);
			else if (end <= t) return { open: false, opensAt: new Date(iv.start) };
			else if (iv.start > end) return { open: true, closesAt: new Date(end) };
			else end = Math.max(end, iv.end);
		}
	}
	if (end <= t) return { open: false };
	// Intervals of later dates start at or after the next local midnight.
	if (end < resolve(last + DAY)) return { open: true, closesAt: new Date(end) };
	return { open: true, always: true };
}

// ---------------------------------------------------------------- validation

/**
 * Checks untrusted hours; returns an error code or null. Codes: 'timezone_invalid' (unknown
 * zone), 'hours_empty' (not 24/7 and no weekly or special hours; also a malformed shape:
 * not an object, `always` not a boolean, `weekly`/`exceptions` not lists), 'day_invalid'
 * (weekday not 0–6), 'time_invalid' (not "HH:MM"/"24:00", opening at "24:00", opens equal to
 * closes, or an exception neither closed nor with both times), 'date_invalid' (not a real
 * "YYYY-MM-DD" date, or two exceptions for one date).
 */
export function validateHours(h: unknown): string | null {
	if (typeof h !== 'object' || h === null || Array.isArray(h)) return 'hours_empty';
	const hours = h as Record<string, unknown>;
	if (typeof hours.timezone !== 'string' || !isValidTimeZone(hours.timezone)) return 'timezone_invalid';
	if (typeof hours.always !== 'boolean' || !Array.isArray(hours.weekly) || !Array.isArray(hours.exceptions)) return 'hours_empty';

	const span = (opens: unknown, closes: unknown): string | null => {
		const o = parseTime(opens);
		const c = parseTime(closes);
		if (o === null || c === null || o === 1440 || o === c) return 'time_invalid';
		return null;
	};
	for (const r of hours.weekly as unknown[]) {
		if (typeof r !== 'object' || r === null) return 'day_invalid';
		const rule = r as Record<string, unknown>;
		if (!Number.isInteger(rule.day) || (rule.day as number) < 0 || (rule.day as number) > 6) return 'day_invalid';
		const err = span(rule.opens, rule.closes);
		if (err) return err;
	}
	const dates = new Set<string>();
	let specialHours = false;
	for (const x of hours.exceptions as unknown[]) {
		if (typeof x !== 'object' || x === null) return 'date_invalid';
		const e = x as Record<string, unknown>;
		if (parseDate(e.date) === null || dates.has(e.date as string)) return 'date_invalid';
		dates.add(e.date as string);
		if (e.closed !== undefined && typeof e.closed !== 'boolean') return 'time_invalid';
		if (e.closed === true) continue; // closed wins over any times given with it
		const err = span(e.opens, e.closes);
		if (err) return err;
		specialHours = true;
	}
	if (!hours.always && hours.weekly.length === 0 && !specialHours) return 'hours_empty';
	return null;
}

// ---------------------------------------------------------------- display

const timeFormatters = new Map<string, Intl.DateTimeFormat>();

function timeFormatter(timeZone: string, locale: string): Intl.DateTimeFormat {
	const key = `${locale}|${timeZone}`;
	let f = timeFormatters.get(key);
	if (!f) {
		let loc: string = locale;
		try {
			f = new Intl.DateTimeFormat(loc, { timeZone, hour: 'numeric', minute: '2-digit' });
		} catch (e) {
			if (!(e instanceof RangeError) || !isValidTimeZone(timeZone)) throw e;
			loc = 'en'; // malformed locale tag: fall back rather than fail a page
			f = new Intl.DateTimeFormat(loc, { timeZone, hour: 'numeric', minute: '2-digit' });
		}
		// 24-hour clocks read best with two-digit hours ("09:05"); 12-hour ones without ("9:05 AM").
		const cycle = f.resolvedOptions().hourCycle;
		if (cycle === 'h23' || cycle === 'h24') f = new Intl.DateTimeFormat(loc, { timeZone, hour: '2-digit', minute: '2-digit' });
		timeFormatters.set(key, f);
	}
	return f;
}

/** Time of day of `instant` in `timeZone`, as `locale` writes it: "14:30", "2:30 PM". */
export function formatLocalTime(instant: Date, timeZone: string, locale: string): string {
	return timeFormatter(timeZone, locale).format(instant);
}

const weekdayFormatters = new Map<string, Intl.DateTimeFormat>();

/** The weekday's full name in `locale` ("Monday", "lundi"). */
export function formatWeekday(day: Weekday, locale: string): string {
	let f = weekdayFormatters.get(locale);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
		} catch {
			f = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' });
		}
		weekdayFormatters.set(locale, f);
	}
	return f.format(Date.UTC(2023, 0, 1 + day)); // 2023-01-01 was a Sunday
}

function addDays(date: string, days: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Intervals starting on one local date, as [opens, closes) in minutes; closes may pass 1440. */
function intervalsOn(hours: Hours, date: string, weekday: number): [number, number][] {
	const exceptions = hours.exceptions.filter((e) => e.date === date);
	if (exceptions.some((e) => e.closed)) return [];
	const rules = exceptions.length
		? exceptions.map((e) => ({ opens: e.opens!, closes: e.closes! }))
		: hours.always
			? [{ opens: '00:00', closes: '24:00' }]
			: hours.weekly.filter((r) => r.day === weekday);
	return rules.map((r) => {
		const o = parseTime(r.opens) ?? 0;
		const c = parseTime(r.closes) ?? 0;
		return [o, c <= o ? c + 1440 : c];
	});
}

/**
 * Is the channel open at `now`? The fast check used to filter many services at once ("open now").
 * It compares wall-clock minutes in the service's zone, so it agrees with `openStatus` except
 * within the repeated hour of a fall-back change. `cache` shares the zone look-up between calls.
 */
export function isOpenAt(hours: Hours, now: Date, cache: Map<string, ReturnType<typeof localParts>> = new Map()): boolean {
	let local = cache.get(hours.timezone);
	if (!local) {
		try {
			local = localParts(now, hours.timezone);
		} catch {
			return false;
		}
		cache.set(hours.timezone, local);
	}
	const minute = local.minutes;
	if (intervalsOn(hours, local.date, local.weekday).some(([o, c]) => minute >= o && minute < c)) return true;
	const yesterday = addDays(local.date, -1);
	return intervalsOn(hours, yesterday, (local.weekday + 6) % 7).some(([, c]) => c > 1440 && minute < c - 1440);
}

// ---------------------------------------------------------------- the week as minutes (for SQL)

/** Minutes in a week; a minute of the week counts from Sunday 00:00 local (0) to Saturday 23:59 (10079). */
export const WEEK_MINUTES = 7 * 1440;

/**
 * The weekly rules (or 24/7) as half-open ranges of local minutes of the week, ignoring exceptions:
 * what the help search keeps in SQL (directory_services.week_minutes) to answer "open now" without
 * reading every channel's hours. Built from the same per-date intervals as `isOpenAt`, so for any
 * instant whose local date and the date before have no exception, `isOpenAt` is true exactly when
 * `minuteOfWeek` falls in one of these ranges. An interval past midnight continues into the next
 * day's minutes; one past Saturday midnight is split and its end goes to Sunday's start.
 */
export function weeklyOpenMinutes(hours: Hours): [number, number][] {
	const weekOnly: Hours = { ...hours, exceptions: [] };
	const out: [number, number][] = [];
	for (let day = 0; day < 7; day++) {
		for (const [o, c] of intervalsOn(weekOnly, '', day)) {
			const start = day * 1440 + o;
			const end = day * 1440 + c;
			if (end <= WEEK_MINUTES) out.push([start, end]);
			else {
				if (start < WEEK_MINUTES) out.push([start, WEEK_MINUTES]);
				out.push([0, end - WEEK_MINUTES]);
			}
		}
	}
	return out.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

/** The local minute of the week `isOpenAt` looks at (from `localParts`). */
export function minuteOfWeek(local: ReturnType<typeof localParts>): number {
	return local.weekday * 1440 + local.minutes;
}
