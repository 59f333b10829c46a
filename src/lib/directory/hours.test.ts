// Opening hours: instants are built with Date.UTC and every expected value is worked out by hand
// from the zone's offsets (noted beside each), not taken from the implementation.
import { describe, it, expect } from 'vitest';
import { formatLocalTime, isOpenAt, formatWeekday, isValidTimeZone, localParts, openStatus, validateHours, zonedTimeToInstant } from './hours';
import type { Hours, HoursException, Weekday, WeeklyRule } from './hours-types';
import { prng } from '../prng';

const at = (y: number, mo: number, d: number, h = 0, mi = 0, s = 0) => new Date(Date.UTC(y, mo - 1, d, h, mi, s));
const iso = (y: number, mo: number, d: number, h = 0, mi = 0) => at(y, mo, d, h, mi).toISOString();
const rules = (days: number[], opens: string, closes: string): WeeklyRule[] => days.map((day) => ({ day: day as Weekday, opens, closes }));
const hours = (timezone: string, weekly: WeeklyRule[], exceptions: HoursException[] = [], always = false): Hours => ({ timezone, always, weekly, exceptions });
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** openStatus with the Dates turned into ISO strings, so failures read well. */
function status(h: Hours, now: Date) {
	const s = openStatus(h, now);
	return { ...s, closesAt: s.closesAt?.toISOString(), opensAt: s.opensAt?.toISOString() };
}
const open = (closesAt?: string) => ({ open: true, closesAt, opensAt: undefined, ...(closesAt ? {} : { always: true }) });
const closed = (opensAt?: string) => ({ open: false, closesAt: undefined, opensAt });

describe('localParts', () => {
	it('gives the local date, weekday and minutes since midnight', () => {
		// Nairobi is UTC+3 all year: 2026-03-01T22:30Z is Monday 2026-03-02 01:30
		expect(localParts(at(2026, 3, 1, 22, 30), 'Africa/Nairobi')).toEqual({ date: '2026-03-02', weekday: 1, minutes: 90 });
		// London jumps 01:00 GMT -> 02:00 BST at 2026-03-29T01:00Z (a Sunday)
		expect(localParts(at(2026, 3, 29, 0, 59), 'Europe/London')).toEqual({ date: '2026-03-29', weekday: 0, minutes: 59 });
		expect(localParts(at(2026, 3, 29, 1, 0), 'Europe/London')).toEqual({ date: '2026-03-29', weekday: 0, minutes: 120 });
		// midnight is 0, not 24
		expect(localParts(at(2026, 1, 1), 'UTC')).toEqual({ date: '2026-01-01', weekday: 4, minutes: 0 });
		// Kathmandu is UTC+5:45
		expect(localParts(at(2026, 6, 1, 18, 15), 'Asia/Kathmandu')).toEqual({ date: '2026-06-02', weekday: 2, minutes: 0 });
	});

	it('throws for an unknown zone', () => {
		expect(() => localParts(at(2026, 1, 1), 'Mars/Olympus')).toThrow(RangeError);
	});
});

describe('openStatus: weekday hours in Nairobi (UTC+3, no DST)', () => {
	const h = hours('Africa/Nairobi', rules([1, 2, 3, 4, 5], '09:00', '17:00'));
	// 2026-03-02 is a Monday; 09:00 local = 06:00Z, 17:00 local = 14:00Z

	it('opens inclusive, closes exclusive', () => {
		expect(status(h, at(2026, 3, 2, 5, 59, 59))).toEqual(closed(iso(2026, 3, 2, 6)));
		expect(status(h, at(2026, 3, 2, 6))).toEqual(open(iso(2026, 3, 2, 14)));
		expect(status(h, at(2026, 3, 2, 13, 59, 59))).toEqual(open(iso(2026, 3, 2, 14)));
		expect(status(h, at(2026, 3, 2, 14))).toEqual(closed(iso(2026, 3, 3, 6)));
	});

	it('after closing, opens the next morning', () => {
		expect(status(h, at(2026, 3, 3, 20))).toEqual(closed(iso(2026, 3, 4, 6))); // Tue 23:00 local
		expect(status(h, at(2026, 3, 3, 21, 30))).toEqual(closed(iso(2026, 3, 4, 6))); // Wed 00:30 local
	});

	it('Friday evening and the weekend -> Monday morning', () => {
		expect(status(h, at(2026, 3, 6, 15))).toEqual(closed(iso(2026, 3, 9, 6))); // Fri 18:00 local
		expect(status(h, at(2026, 3, 7, 9))).toEqual(closed(iso(2026, 3, 9, 6))); // Sat noon
		expect(status(h, at(2026, 3, 8, 20, 59))).toEqual(closed(iso(2026, 3, 9, 6))); // Sun 23:59
	});

	it('uses the service zone, not the server one', () => {
		// 2026-03-02T22:00Z is still Monday in UTC but Tuesday 01:00 in Nairobi
		expect(localParts(at(2026, 3, 2, 22), 'Africa/Nairobi').weekday).toBe(2);
		expect(status(h, at(2026, 3, 2, 22))).toEqual(closed(iso(2026, 3, 3, 6)));
	});
});

describe('openStatus: across midnight', () => {
	const h = hours('Europe/London', rules([5], '22:00', '02:00'));
	// January: London is on GMT (UTC+0). 2026-01-09 is a Friday.

	it('Fri 22:00–02:00 is open early on Saturday and closes at 02:00', () => {
		expect(status(h, at(2026, 1, 9, 21, 59))).toEqual(closed(iso(2026, 1, 9, 22)));
		expect(status(h, at(2026, 1, 9, 22))).toEqual(open(iso(2026, 1, 10, 2)));
		expect(status(h, at(2026, 1, 10, 1, 30))).toEqual(open(iso(2026, 1, 10, 2)));
		expect(status(h, at(2026, 1, 10, 2))).toEqual(closed(iso(2026, 1, 16, 22)));
	});

	it('in summer time (BST, UTC+1) the same wall-clock hours are an hour earlier in UTC', () => {
		// Fri 2026-07-03 22:00 BST = 21:00Z; Sat 01:30 BST = 00:30Z; 02:00 BST = 01:00Z
		expect(status(h, at(2026, 7, 4, 0, 30))).toEqual(open(iso(2026, 7, 4, 1)));
		expect(status(h, at(2026, 7, 4, 1))).toEqual(closed(iso(2026, 7, 10, 21)));
	});

	it('a Saturday "closed" exception does not cut short the interval that started on Friday', () => {
		const sat = hours('Europe/London', rules([5], '22:00', '02:00'), [{ date: '2026-01-10', closed: true }]);
		expect(status(sat, at(2026, 1, 10, 1, 30))).toEqual(open(iso(2026, 1, 10, 2)));
	});

	it('a Friday "closed" exception removes the interval starting that Friday, including its Saturday part', () => {
		const fri = hours('Europe/London', rules([5], '22:00', '02:00'), [{ date: '2026-01-09', closed: true }]);
		expect(status(fri, at(2026, 1, 9, 23))).toEqual(closed(iso(2026, 1, 16, 22)));
		expect(status(fri, at(2026, 1, 10, 1, 30))).toEqual(closed(iso(2026, 1, 16, 22)));
	});
});

describe('DST, northern hemisphere', () => {
	// Europe/London 2026: spring forward Sun 03-29 01:00 GMT -> 02:00 BST (at 01:00Z);
	// fall back Sun 10-25 02:00 BST -> 01:00 GMT (at 01:00Z).
	const night = hours('Europe/London', rules(EVERY_DAY, '00:00', '06:00'));

	it('00:00–06:00 closes at the right UTC instant around spring forward', () => {
		// Sat 03-28 (GMT): 00:00–06:00 local = 00:00Z–06:00Z
		expect(status(night, at(2026, 3, 28, 3))).toEqual(open(iso(2026, 3, 28, 6)));
		// Sun 03-29: opens 00:00 GMT = 00:00Z, closes 06:00 BST = 05:00Z (5 hours long)
		expect(status(night, at(2026, 3, 29, 0, 30))).toEqual(open(iso(2026, 3, 29, 5)));
		expect(status(night, at(2026, 3, 29, 3))).toEqual(open(iso(2026, 3, 29, 5)));
		// closed at 05:00Z; Monday 00:00 BST = Sunday 23:00Z
		expect(status(night, at(2026, 3, 29, 5))).toEqual(closed(iso(2026, 3, 29, 23)));
		// Mon 03-30 (BST): closes 06:00 BST = 05:00Z
		expect(status(night, at(2026, 3, 30, 1))).toEqual(open(iso(2026, 3, 30, 5)));
	});

	it('00:00–06:00 closes at the right UTC instant around fall back', () => {
		// Sat 10-24 (BST): 00:00 BST = 10-23 23:00Z, 06:00 BST = 05:00Z
		expect(status(night, at(2026, 10, 24, 4, 59))).toEqual(open(iso(2026, 10, 24, 5)));
		expect(status(night, at(2026, 10, 24, 5, 30))).toEqual(closed(iso(2026, 10, 24, 23)));
		// Sun 10-25: opens 00:00 BST = 10-24 23:00Z, closes 06:00 GMT = 06:00Z (7 hours long)
		expect(status(night, at(2026, 10, 24, 23))).toEqual(open(iso(2026, 10, 25, 6)));
		expect(status(night, at(2026, 10, 25, 5, 30))).toEqual(open(iso(2026, 10, 25, 6)));
		expect(status(night, at(2026, 10, 25, 6))).toEqual(closed(iso(2026, 10, 26, 0)));
	});

	it('an interval opening at 01:30 on spring-forward day opens at 02:00 BST (01:00Z)', () => {
		const h = hours('Europe/London', rules([0], '01:30', '04:00'));
		expect(status(h, at(2026, 3, 29, 0, 45))).toEqual(closed(iso(2026, 3, 29, 1))); // 00:45 GMT
		// 04:00 BST = 03:00Z
		expect(status(h, at(2026, 3, 29, 1))).toEqual(open(iso(2026, 3, 29, 3)));
		// the next Sunday it is an ordinary BST day: 01:30 BST = 00:30Z
		expect(status(h, at(2026, 3, 29, 3))).toEqual(closed(iso(2026, 4, 5, 0, 30)));
	});

	it('an interval lying wholly in the skipped hour never opens that day', () => {
		const h = hours('Europe/London', rules([0], '01:10', '01:50'));
		// skipped on 03-29; next Sunday 01:10 BST = 00:10Z
		expect(status(h, at(2026, 3, 29, 0, 30))).toEqual(closed(iso(2026, 4, 5, 0, 10)));
	});

	it('zonedTimeToInstant in London: gap -> moment of the change, overlap -> earlier', () => {
		expect(zonedTimeToInstant('2026-03-29', '00:59', 'Europe/London').toISOString()).toBe(iso(2026, 3, 29, 0, 59));
		expect(zonedTimeToInstant('2026-03-29', '01:00', 'Europe/London').toISOString()).toBe(iso(2026, 3, 29, 1));
		expect(zonedTimeToInstant('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe(iso(2026, 3, 29, 1));
		expect(zonedTimeToInstant('2026-03-29', '02:00', 'Europe/London').toISOString()).toBe(iso(2026, 3, 29, 1));
		expect(zonedTimeToInstant('2026-03-29', '02:01', 'Europe/London').toISOString()).toBe(iso(2026, 3, 29, 1, 1));
		// 01:00–01:59 happens twice on 10-25: first in BST (UTC+1), then in GMT
		expect(zonedTimeToInstant('2026-10-25', '00:59', 'Europe/London').toISOString()).toBe(iso(2026, 10, 24, 23, 59));
		expect(zonedTimeToInstant('2026-10-25', '01:00', 'Europe/London').toISOString()).toBe(iso(2026, 10, 25, 0));
		expect(zonedTimeToInstant('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe(iso(2026, 10, 25, 0, 30));
		expect(zonedTimeToInstant('2026-10-25', '02:00', 'Europe/London').toISOString()).toBe(iso(2026, 10, 25, 2));
	});

	it('America/New_York spring forward 2026-03-08 (02:00 EST -> 03:00 EDT at 07:00Z)', () => {
		const ny = 'America/New_York';
		expect(zonedTimeToInstant('2026-03-08', '01:59', ny).toISOString()).toBe(iso(2026, 3, 8, 6, 59)); // EST, UTC-5
		expect(zonedTimeToInstant('2026-03-08', '02:30', ny).toISOString()).toBe(iso(2026, 3, 8, 7)); // skipped -> 03:00 EDT
		expect(zonedTimeToInstant('2026-03-08', '03:00', ny).toISOString()).toBe(iso(2026, 3, 8, 7)); // EDT, UTC-4
		// Sunday 01:00–05:00: opens 01:00 EST = 06:00Z, closes 05:00 EDT = 09:00Z (3 hours long)
		const h = hours(ny, rules([0], '01:00', '05:00'));
		expect(status(h, at(2026, 3, 8, 5, 59))).toEqual(closed(iso(2026, 3, 8, 6)));
		expect(status(h, at(2026, 3, 8, 8, 30))).toEqual(open(iso(2026, 3, 8, 9)));
		// fall back 2026-11-01: 01:30 happens at 05:30Z (EDT) and 06:30Z (EST); the earlier wins
		expect(zonedTimeToInstant('2026-11-01', '01:30', ny).toISOString()).toBe(iso(2026, 11, 1, 5, 30));
	});
});

describe('DST, southern hemisphere', () => {
	it('Australia/Sydney: DST ends 2026-04-05 03:00 AEDT -> 02:00 AEST (at 04-04T16:00Z)', () => {
		const syd = 'Australia/Sydney';
		// 02:00–02:59 happens twice; the earlier is AEDT (UTC+11): 02:30 -> 04-04T15:30Z
		expect(zonedTimeToInstant('2026-04-05', '02:30', syd).toISOString()).toBe(iso(2026, 4, 4, 15, 30));
		expect(zonedTimeToInstant('2026-04-05', '03:00', syd).toISOString()).toBe(iso(2026, 4, 4, 17)); // AEST, UTC+10
		// Sunday 00:00–06:00: 00:00 AEDT = 04-04T13:00Z, 06:00 AEST = 04-04T20:00Z (7 hours long)
		const h = hours(syd, rules([0], '00:00', '06:00'));
		expect(status(h, at(2026, 4, 4, 12, 59))).toEqual(closed(iso(2026, 4, 4, 13)));
		expect(status(h, at(2026, 4, 4, 19, 30))).toEqual(open(iso(2026, 4, 4, 20)));
		// next Sunday 04-12 00:00 AEST = 04-11T14:00Z
		expect(status(h, at(2026, 4, 4, 20))).toEqual(closed(iso(2026, 4, 11, 14)));
	});

	it('Australia/Sydney: DST starts 2026-10-04 02:00 AEST -> 03:00 AEDT (at 10-03T16:00Z)', () => {
		const syd = 'Australia/Sydney';
		expect(zonedTimeToInstant('2026-10-04', '02:30', syd).toISOString()).toBe(iso(2026, 10, 3, 16)); // skipped -> 03:00 AEDT
		// Sunday 00:00–06:00: 00:00 AEST = 10-03T14:00Z, 06:00 AEDT = 10-03T19:00Z (5 hours long)
		const h = hours(syd, rules([0], '00:00', '06:00'));
		expect(status(h, at(2026, 10, 3, 18))).toEqual(open(iso(2026, 10, 3, 19)));
		// Sunday 02:30–04:00 opens at the change, 03:00 AEDT = 16:00Z; closes 04:00 AEDT = 17:00Z
		const late = hours(syd, rules([0], '02:30', '04:00'));
		expect(status(late, at(2026, 10, 3, 15, 59))).toEqual(closed(iso(2026, 10, 3, 16)));
		expect(status(late, at(2026, 10, 3, 16))).toEqual(open(iso(2026, 10, 3, 17)));
	});

	// America/Santiago 2026 (checked with Intl: offsets change at 04-05T03:00Z and 09-06T04:00Z).
	// Chile changes at local midnight: DST ends Sun 04-05 00:00 -03 -> Sat 04-04 23:00 -04, so
	// Saturday 23:00–23:59 happens twice; DST starts Sun 09-06 00:00 -04 -> 01:00 -03, so Sunday
	// 00:00–00:59 never happens and the day starts at 01:00.
	it('America/Santiago: DST ends 2026-04-05 (Saturday 23:00–24:00 repeats)', () => {
		const scl = 'America/Santiago';
		expect(zonedTimeToInstant('2026-04-04', '22:59', scl).toISOString()).toBe(iso(2026, 4, 5, 1, 59)); // -03
		expect(zonedTimeToInstant('2026-04-04', '23:30', scl).toISOString()).toBe(iso(2026, 4, 5, 2, 30)); // earlier, -03
		expect(zonedTimeToInstant('2026-04-04', '24:00', scl).toISOString()).toBe(iso(2026, 4, 5, 4)); // -04
		expect(zonedTimeToInstant('2026-04-05', '00:00', scl).toISOString()).toBe(iso(2026, 4, 5, 4));
		// both 02:30Z and 03:30Z read Saturday 23:30
		expect(localParts(at(2026, 4, 5, 2, 30), scl)).toEqual({ date: '2026-04-04', weekday: 6, minutes: 23 * 60 + 30 });
		expect(localParts(at(2026, 4, 5, 3, 30), scl)).toEqual({ date: '2026-04-04', weekday: 6, minutes: 23 * 60 + 30 });
		// Saturday 20:00–24:00: 20:00 -03 = 23:00Z, 24:00 = Sunday 00:00 -04 = 04:00Z (5 hours long)
		const h = hours(scl, rules([6], '20:00', '24:00'));
		expect(status(h, at(2026, 4, 4, 22, 59))).toEqual(closed(iso(2026, 4, 4, 23)));
		expect(status(h, at(2026, 4, 5, 3, 30))).toEqual(open(iso(2026, 4, 5, 4)));
		// next Saturday 04-11 20:00 -04 = 04-12T00:00Z
		expect(status(h, at(2026, 4, 5, 4))).toEqual(closed(iso(2026, 4, 12, 0)));
	});

	it('America/Santiago: DST starts 2026-09-06 (Sunday starts at 01:00)', () => {
		const scl = 'America/Santiago';
		expect(zonedTimeToInstant('2026-09-05', '23:59', scl).toISOString()).toBe(iso(2026, 9, 6, 3, 59)); // -04
		expect(zonedTimeToInstant('2026-09-06', '00:00', scl).toISOString()).toBe(iso(2026, 9, 6, 4)); // skipped -> 01:00 -03
		expect(zonedTimeToInstant('2026-09-06', '00:30', scl).toISOString()).toBe(iso(2026, 9, 6, 4));
		expect(zonedTimeToInstant('2026-09-05', '24:00', scl).toISOString()).toBe(iso(2026, 9, 6, 4));
		expect(zonedTimeToInstant('2026-09-06', '01:00', scl).toISOString()).toBe(iso(2026, 9, 6, 4));
		expect(localParts(at(2026, 9, 6, 4), scl)).toEqual({ date: '2026-09-06', weekday: 0, minutes: 60 });
		// Sunday 00:00–06:00: starts 01:00 -03 = 04:00Z, ends 06:00 -03 = 09:00Z (5 hours long)
		const h = hours(scl, rules([0], '00:00', '06:00'));
		expect(status(h, at(2026, 9, 6, 3, 59))).toEqual(closed(iso(2026, 9, 6, 4)));
		expect(status(h, at(2026, 9, 6, 4))).toEqual(open(iso(2026, 9, 6, 9)));
		// 24/7 closed on Saturday 09-05: from 00:00 -04 (04:00Z) until Sunday's first instant 04:00Z
		const always = hours(scl, [], [{ date: '2026-09-05', closed: true }], true);
		expect(status(always, at(2026, 9, 5, 3, 59))).toEqual(open(iso(2026, 9, 5, 4)));
		expect(status(always, at(2026, 9, 5, 4))).toEqual(closed(iso(2026, 9, 6, 4)));
		expect(status(always, at(2026, 9, 6, 3, 59))).toEqual(closed(iso(2026, 9, 6, 4)));
		expect(status(always, at(2026, 9, 6, 4))).toEqual(open());
	});
});

describe('24/7', () => {
	it('is open at any time, with nothing closing', () => {
		const h = hours('Africa/Nairobi', [], [], true);
		for (const now of [at(2026, 1, 1), at(2026, 6, 15, 12, 34), at(2026, 12, 31, 23, 59, 59)]) {
			expect(status(h, now)).toEqual(open());
		}
	});

	it('a holiday exception closes it for that local date only (Nairobi, UTC+3)', () => {
		const h = hours('Africa/Nairobi', [], [{ date: '2026-12-25', closed: true, note: 'Christmas' }], true);
		// local 12-25 00:00 = 12-24T21:00Z; local 12-26 00:00 = 12-25T21:00Z
		expect(status(h, at(2026, 12, 20))).toEqual(open(iso(2026, 12, 24, 21)));
		expect(status(h, at(2026, 12, 24, 20, 59))).toEqual(open(iso(2026, 12, 24, 21)));
		expect(status(h, at(2026, 12, 24, 21))).toEqual(closed(iso(2026, 12, 25, 21)));
		expect(status(h, at(2026, 12, 25, 12))).toEqual(closed(iso(2026, 12, 25, 21)));
		expect(status(h, at(2026, 12, 25, 20, 59, 59))).toEqual(closed(iso(2026, 12, 25, 21)));
		expect(status(h, at(2026, 12, 25, 21))).toEqual(open());
	});

	it('an exception further ahead than the look-ahead window does not show', () => {
		const h = hours('Africa/Nairobi', [], [{ date: '2026-12-25', closed: true }], true);
		expect(status(h, at(2026, 12, 1))).toEqual(open());
	});

	it('special hours on a 24/7 service replace that date\'s 00:00–24:00', () => {
		const h = hours('Africa/Nairobi', [], [{ date: '2026-12-25', opens: '10:00', closes: '14:00' }], true);
		// closed 12-25 00:00–10:00 and 14:00–24:00 local
		expect(status(h, at(2026, 12, 24, 22))).toEqual(closed(iso(2026, 12, 25, 7)));
		expect(status(h, at(2026, 12, 25, 7))).toEqual(open(iso(2026, 12, 25, 11)));
		expect(status(h, at(2026, 12, 25, 11))).toEqual(closed(iso(2026, 12, 25, 21)));
	});

	it('weekly rules covering every hour are 24/7 too', () => {
		const h = hours('Europe/London', rules(EVERY_DAY, '00:00', '24:00'));
		expect(status(h, at(2026, 3, 29, 0, 30))).toEqual(open());
		expect(status(h, at(2026, 10, 25, 1, 30))).toEqual(open());
	});
});

describe('exceptions with special hours', () => {
	const weekdays = rules([1, 2, 3, 4, 5], '09:00', '17:00');

	it('replace that date\'s weekly rules (Nairobi, UTC+3)', () => {
		// Thursday 2026-12-24: 10:00–14:00 instead of 09:00–17:00
		const h = hours('Africa/Nairobi', weekdays, [{ date: '2026-12-24', opens: '10:00', closes: '14:00', note: 'Christmas Eve' }]);
		expect(status(h, at(2026, 12, 23, 14))).toEqual(closed(iso(2026, 12, 24, 7))); // Wed after closing
		expect(status(h, at(2026, 12, 24, 6, 30))).toEqual(closed(iso(2026, 12, 24, 7))); // 09:30 local
		expect(status(h, at(2026, 12, 24, 7))).toEqual(open(iso(2026, 12, 24, 11)));
		expect(status(h, at(2026, 12, 24, 11))).toEqual(closed(iso(2026, 12, 25, 6))); // 14:00 local; Friday as usual
		expect(status(h, at(2026, 12, 25, 7))).toEqual(open(iso(2026, 12, 25, 14)));
	});

	it('open a day that is normally closed, and may run past midnight', () => {
		// Saturday 2026-12-26 20:00–02:00 local = 17:00Z–23:00Z
		const h = hours('Africa/Nairobi', weekdays, [{ date: '2026-12-26', opens: '20:00', closes: '02:00' }]);
		expect(status(h, at(2026, 12, 25, 14))).toEqual(closed(iso(2026, 12, 26, 17)));
		expect(status(h, at(2026, 12, 26, 22))).toEqual(open(iso(2026, 12, 26, 23)));
		expect(status(h, at(2026, 12, 26, 23))).toEqual(closed(iso(2026, 12, 28, 6)));
	});

	it('a closed holiday on a weekday skips to the next opening', () => {
		const h = hours('Africa/Nairobi', weekdays, [{ date: '2026-12-25', closed: true }]);
		expect(status(h, at(2026, 12, 24, 14))).toEqual(closed(iso(2026, 12, 28, 6)));
		expect(status(h, at(2026, 12, 25, 7))).toEqual(closed(iso(2026, 12, 28, 6)));
	});
});

describe('weekly rule shapes', () => {
	it("'24:00' closes at the end of the day", () => {
		// Wednesday 2026-03-04 20:00–24:00 Nairobi = 17:00Z–21:00Z
		const h = hours('Africa/Nairobi', rules([3], '20:00', '24:00'));
		expect(status(h, at(2026, 3, 4, 20, 59))).toEqual(open(iso(2026, 3, 4, 21)));
		expect(status(h, at(2026, 3, 4, 21))).toEqual(closed(iso(2026, 3, 11, 17)));
	});

	it("'24:00' followed by '00:00' the next day is one stretch", () => {
		const h = hours('Africa/Nairobi', [...rules([1], '18:00', '24:00'), ...rules([2], '00:00', '08:00')]);
		// Mon 2026-03-02 23:00 local = 20:00Z; closes Tue 08:00 local = 05:00Z
		expect(status(h, at(2026, 3, 2, 20))).toEqual(open(iso(2026, 3, 3, 5)));
	});

	it('closes < opens runs into the next day; closing at 00:00 is the same as 24:00', () => {
		const h = hours('Africa/Nairobi', rules([3], '20:00', '00:00'));
		expect(status(h, at(2026, 3, 4, 20, 59))).toEqual(open(iso(2026, 3, 4, 21)));
		const night = hours('Africa/Nairobi', rules([0], '23:00', '07:00'));
		// Sunday 2026-03-08 23:00 local = 20:00Z; Monday 07:00 local = 04:00Z
		expect(status(night, at(2026, 3, 9, 1))).toEqual(open(iso(2026, 3, 9, 4)));
	});

	it('several intervals on one day', () => {
		const h = hours('UTC', [...rules([1], '14:00', '18:00'), ...rules([1], '08:00', '12:00')]);
		expect(status(h, at(2026, 3, 2, 7))).toEqual(closed(iso(2026, 3, 2, 8)));
		expect(status(h, at(2026, 3, 2, 12))).toEqual(closed(iso(2026, 3, 2, 14)));
		expect(status(h, at(2026, 3, 2, 15))).toEqual(open(iso(2026, 3, 2, 18)));
	});

	it('no weekly hours and not 24/7: never opens', () => {
		expect(status(hours('Africa/Nairobi', []), at(2026, 3, 2, 12))).toEqual(closed(undefined));
	});

	it('an opening more than 14 days ahead is not reported', () => {
		const h = hours('UTC', [], [{ date: '2026-04-01', opens: '09:00', closes: '17:00' }]);
		expect(status(h, at(2026, 3, 20))).toEqual(closed(iso(2026, 4, 1, 9)));
		expect(status(h, at(2026, 3, 1))).toEqual(closed(undefined));
	});

	it('an unknown zone in stored data reads as closed instead of throwing', () => {
		expect(openStatus(hours('Mars/Olympus', [], [], true), at(2026, 1, 1))).toEqual({ open: false });
	});
});

describe('validateHours', () => {
	const ok: Hours = hours('Africa/Nairobi', rules([1, 2, 3, 4, 5], '09:00', '17:00'), [
		{ date: '2026-12-25', closed: true, note: 'Christmas' },
		{ date: '2026-12-24', opens: '10:00', closes: '14:00' }
	]);
	const withWeekly = (r: unknown) => ({ ...ok, weekly: [r] });
	const withException = (e: unknown) => ({ ...ok, exceptions: [e] });

	it('accepts valid hours', () => {
		expect(validateHours(ok)).toBeNull();
		expect(validateHours(hours('UTC', [], [], true))).toBeNull();
		expect(validateHours(hours('Europe/London', rules([5], '22:00', '02:00')))).toBeNull();
		expect(validateHours(hours('Europe/London', rules([0], '00:00', '24:00')))).toBeNull();
		expect(validateHours(hours('UTC', [], [{ date: '2026-12-24', opens: '10:00', closes: '14:00' }]))).toBeNull();
	});

	it('rejects unknown zones', () => {
		expect(validateHours({ ...ok, timezone: 'Mars/Olympus' })).toBe('timezone_invalid');
		expect(validateHours({ ...ok, timezone: '' })).toBe('timezone_invalid');
		expect(validateHours({ ...ok, timezone: '+03:00' })).toBe('timezone_invalid');
		expect(validateHours({ ...ok, timezone: 3 })).toBe('timezone_invalid');
	});

	it('rejects bad times', () => {
		for (const t of ['25:00', '24:01', '9:00', '09:60', '09-00', '', ' 09:00']) {
			expect(validateHours(withWeekly({ day: 1, opens: t, closes: '17:00' })), t).toBe('time_invalid');
			expect(validateHours(withWeekly({ day: 1, opens: '08:00', closes: t })), t).toBe('time_invalid');
		}
		expect(validateHours(withWeekly({ day: 1, opens: '24:00', closes: '02:00' }))).toBe('time_invalid');
		expect(validateHours(withWeekly({ day: 1, opens: '09:00' }))).toBe('time_invalid');
	});

	it('rejects opens == closes', () => {
		expect(validateHours(withWeekly({ day: 1, opens: '09:00', closes: '09:00' }))).toBe('time_invalid');
		expect(validateHours(withException({ date: '2026-12-24', opens: '10:00', closes: '10:00' }))).toBe('time_invalid');
	});

	it('rejects bad days', () => {
		for (const day of [7, -1, 1.5, '1', null]) expect(validateHours(withWeekly({ day, opens: '09:00', closes: '17:00' })), String(day)).toBe('day_invalid');
	});

	it('rejects bad dates and repeated dates', () => {
		for (const date of ['2026-02-30', '2026-13-01', '2026-1-5', '26-01-05', '2026/01/05', '', undefined]) {
			expect(validateHours(withException({ date, closed: true })), String(date)).toBe('date_invalid');
		}
		expect(validateHours({ ...ok, exceptions: [{ date: '2026-12-25', closed: true }, { date: '2026-12-25', opens: '10:00', closes: '12:00' }] })).toBe('date_invalid');
		expect(validateHours(withException({ date: '2028-02-29', closed: true }))).toBeNull(); // leap day
	});

	it('rejects exceptions that are neither closed nor timed', () => {
		expect(validateHours(withException({ date: '2026-12-24' }))).toBe('time_invalid');
		expect(validateHours(withException({ date: '2026-12-24', closed: false }))).toBe('time_invalid');
		expect(validateHours(withException({ date: '2026-12-24', opens: '10:00' }))).toBe('time_invalid');
	});

	it('rejects empty or malformed hours', () => {
		expect(validateHours(hours('UTC', []))).toBe('hours_empty');
		expect(validateHours(hours('UTC', [], [{ date: '2026-12-25', closed: true }]))).toBe('hours_empty');
		expect(validateHours(null)).toBe('hours_empty');
		expect(validateHours('09:00-17:00')).toBe('hours_empty');
		expect(validateHours({ timezone: 'UTC', always: true })).toBe('hours_empty');
		expect(validateHours({ timezone: 'UTC', always: 'yes', weekly: [], exceptions: [] })).toBe('hours_empty');
	});
});

describe('isValidTimeZone', () => {
	it('knows IANA zones', () => {
		for (const tz of ['UTC', 'Africa/Nairobi', 'America/Argentina/Buenos_Aires', 'America/Port-au-Prince', 'Etc/GMT+3']) expect(isValidTimeZone(tz), tz).toBe(true);
		for (const tz of ['Mars/Olympus', '', 'Africa/', '/Nairobi', '+03:00', 'Africa/Nairobi ']) expect(isValidTimeZone(tz), tz).toBe(false);
		expect(isValidTimeZone(undefined as unknown as string)).toBe(false);
	});
});

describe('zonedTimeToInstant', () => {
	it("'24:00' is the next day's 00:00, across months and years", () => {
		expect(zonedTimeToInstant('2026-12-31', '24:00', 'Africa/Nairobi').toISOString()).toBe(iso(2026, 12, 31, 21));
		expect(zonedTimeToInstant('2026-02-28', '24:00', 'UTC').toISOString()).toBe(iso(2026, 3, 1));
	});

	it('throws on malformed input', () => {
		expect(() => zonedTimeToInstant('2026-02-30', '10:00', 'UTC')).toThrow(RangeError);
		expect(() => zonedTimeToInstant('2026-02-01', '10:60', 'UTC')).toThrow(RangeError);
		expect(() => zonedTimeToInstant('2026-02-01', '10:00', 'Mars/Olympus')).toThrow(RangeError);
	});

	it('handles a whole day skipped (Samoa, 2011-12-30 never happened)', () => {
		// 2011-12-29 was UTC-10, 2011-12-31 UTC+14; the change was at 12-30T10:00Z
		expect(zonedTimeToInstant('2011-12-29', '23:59', 'Pacific/Apia').toISOString()).toBe(iso(2011, 12, 30, 9, 59));
		expect(zonedTimeToInstant('2011-12-30', '12:00', 'Pacific/Apia').toISOString()).toBe(iso(2011, 12, 30, 10));
		expect(zonedTimeToInstant('2011-12-31', '00:00', 'Pacific/Apia').toISOString()).toBe(iso(2011, 12, 30, 10));
	});

	const ZONES = [
		'UTC',
		'Africa/Nairobi',
		'Europe/London',
		'America/New_York',
		'America/Santiago',
		'Australia/Sydney',
		'Australia/Lord_Howe', // 30-minute DST
		'Asia/Kathmandu', // UTC+5:45
		'Pacific/Chatham', // UTC+12:45 / +13:45
		'America/St_Johns' // UTC-3:30 / -2:30
	];
	const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

	it('round-trips through localParts for random instants', () => {
		const random = prng(20260329).next;
		const from = Date.UTC(2000, 0, 1);
		const to = Date.UTC(2040, 0, 1);
		for (const tz of ZONES) {
			for (let i = 0; i < 300; i++) {
				const t = Math.floor((from + random() * (to - from)) / 60_000) * 60_000;
				const p = localParts(new Date(t), tz);
				const back = zonedTimeToInstant(p.date, hhmm(p.minutes), tz).getTime();
				expect(localParts(new Date(back), tz), `${tz} ${new Date(t).toISOString()}`).toEqual(p);
				// the same instant, or (a repeated fall-back time) the earlier reading of it
				if (back !== t) {
					expect(back, `${tz} ${new Date(t).toISOString()}`).toBeLessThan(t);
					expect(t - back).toBeLessThanOrEqual(60 * 60_000);
				}
			}
		}
	});

	it('every minute around this year\'s DST changes round-trips, and gaps map forward', () => {
		for (const tz of ZONES) {
			for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 6 * 3600_000) {
				// look for an offset change within these six hours
				const before = localParts(new Date(t), tz).minutes;
				const after = localParts(new Date(t + 6 * 3600_000), tz).minutes;
				if ((after - before + 1440) % 1440 === 360) continue;
				for (let u = t - 3600_000; u < t + 7 * 3600_000; u += 60_000) {
					const p = localParts(new Date(u), tz);
					const back = zonedTimeToInstant(p.date, hhmm(p.minutes), tz).getTime();
					expect(localParts(new Date(back), tz), `${tz} ${new Date(u).toISOString()}`).toEqual(p);
					expect(back).toBeLessThanOrEqual(u);
				}
			}
		}
	});

	it('is monotonic in wall-clock time through a day with a change', () => {
		for (const [tz, date] of [
			['Europe/London', '2026-03-29'],
			['Europe/London', '2026-10-25'],
			['America/Santiago', '2026-09-06'],
			['America/Santiago', '2026-04-04'],
			['Australia/Lord_Howe', '2026-10-04'],
			['Australia/Lord_Howe', '2026-04-05']
		]) {
			let prev = -Infinity;
			for (let m = 0; m <= 1440; m++) {
				const t = zonedTimeToInstant(date, hhmm(m), tz).getTime();
				expect(t, `${tz} ${date} ${hhmm(m)}`).toBeGreaterThanOrEqual(prev);
				// a time that exists comes back as itself; one that does not maps to a later wall time
				const p = localParts(new Date(t), tz);
				if (m < 1440 && p.date === date) expect(p.minutes).toBeGreaterThanOrEqual(m);
				prev = t;
			}
		}
	});
});

describe('formatting', () => {
	it('formats a time of day in the zone, as the locale writes it', () => {
		const t = at(2026, 3, 2, 11, 30); // 14:30 in Nairobi
		expect(formatLocalTime(t, 'Africa/Nairobi', 'en-GB')).toBe('14:30');
		expect(formatLocalTime(t, 'Africa/Nairobi', 'fr')).toBe('14:30');
		expect(formatLocalTime(t, 'Africa/Nairobi', 'en-US')).toMatch(/^2:30\sPM$/);
		expect(formatLocalTime(at(2026, 3, 2, 6, 5), 'Africa/Nairobi', 'en-GB')).toBe('09:05');
	});

	it('names weekdays', () => {
		expect(formatWeekday(0, 'en')).toBe('Sunday');
		expect(formatWeekday(1, 'fr')).toBe('lundi');
		expect(formatWeekday(6, 'es')).toBe('sábado');
		expect([0, 1, 2, 3, 4, 5, 6].map((d) => formatWeekday(d as Weekday, 'en'))).toEqual(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
	});
});

describe('isOpenAt, the fast check, agrees with openStatus', () => {
	const samples: import('./hours-types').Hours[] = [
		{ timezone: 'Africa/Nairobi', always: false, weekly: [1, 2, 3, 4, 5].map((day) => ({ day: day as 1, opens: '08:00', closes: '17:30' })), exceptions: [{ date: '2026-12-25', closed: true }] },
		{ timezone: 'Europe/London', always: false, weekly: [{ day: 5, opens: '22:00', closes: '02:00' }, { day: 6, opens: '10:00', closes: '24:00' }], exceptions: [] },
		{ timezone: 'Australia/Sydney', always: true, weekly: [], exceptions: [{ date: '2026-06-01', closed: true }, { date: '2026-06-02', opens: '10:00', closes: '14:00' }] },
		{ timezone: 'Asia/Kolkata', always: false, weekly: [0, 1, 2, 3, 4, 5, 6].map((day) => ({ day: day as 0, opens: '18:00', closes: '06:00' })), exceptions: [] },
		{ timezone: 'America/Santiago', always: false, weekly: [{ day: 3, opens: '09:00', closes: '21:00' }], exceptions: [{ date: '2026-07-01', opens: '12:00', closes: '13:00' }] }
	];
	it('at thousands of instants through 2026, away from the repeated hour of fall-back changes', () => {
		let seed = 42;
		const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
		const start = Date.UTC(2026, 0, 1);
		let checked = 0;
		for (let i = 0; i < 4000; i++) {
			const now = new Date(start + Math.floor(rand() * 365 * 86_400_000));
			for (const h of samples) {
				// skip instants whose local wall time occurs twice (an hour after a fall-back change)
				const back = localParts(new Date(now.getTime() - 3_600_000), h.timezone);
				const here = localParts(now, h.timezone);
				if (back.date === here.date && back.minutes >= here.minutes) continue;
				expect(isOpenAt(h, now), `${h.timezone} ${now.toISOString()}`).toBe(openStatus(h, now).open);
				checked++;
			}
		}
		expect(checked).toBeGreaterThan(15_000);
	});
});
