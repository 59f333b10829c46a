import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utcOffsetMinutes } from './hours';
import { formatHoursSpec, parseHoursSpec } from './hours-text';
import type { Hours, HoursException, Weekday } from './hours-types';

describe('hours written as text', () => {
	const tz = 'Africa/Nairobi';
	it('reads weekly rules, ranges, lists, wrap-around, several ranges a day, and exceptions', () => {
		expect(parseHoursSpec('Mo-Fr 08:00-20:00; Sa 10:00-14:00', tz).hours).toEqual({
			timezone: tz,
			always: false,
			weekly: [1, 2, 3, 4, 5].map((day) => ({ day, opens: '08:00', closes: '20:00' })).concat([{ day: 6, opens: '10:00', closes: '14:00' }]),
			exceptions: []
		});
		expect(parseHoursSpec('Fr-Mo 9:00-12:00,13:00-17:00', tz).hours?.weekly).toEqual(
			[5, 6, 0, 1].flatMap((day) => [
				{ day, opens: '09:00', closes: '12:00' },
				{ day, opens: '13:00', closes: '17:00' }
			])
		);
		expect(parseHoursSpec('Sa, Su 22:00-02:00', tz).hours?.weekly).toEqual([
			{ day: 6, opens: '22:00', closes: '02:00' },
			{ day: 0, opens: '22:00', closes: '02:00' }
		]);
		expect(parseHoursSpec('Monday,Wed 10:00-24:00', tz).hours?.weekly.map((r) => r.day)).toEqual([1, 3]);
		expect(parseHoursSpec('daily 10:00-11:00', tz).hours?.weekly).toHaveLength(7);
		expect(parseHoursSpec('24/7; 2026-12-25 closed (Christmas; family day); 2026-12-24 10:00-14:00', tz).hours).toEqual({
			timezone: tz,
			always: true,
			weekly: [],
			exceptions: [
				{ date: '2026-12-25', closed: true, note: 'Christmas; family day' },
				{ date: '2026-12-24', opens: '10:00', closes: '14:00' }
			]
		});
	});

	it('refuses what it cannot read, with the reason', () => {
		expect(parseHoursSpec('', tz).error).toBe('hours_empty');
		expect(parseHoursSpec('weekdays 9-5', tz).error).toBe('hours_syntax');
		expect(parseHoursSpec('Xy 09:00-10:00', tz).error).toBe('hours_syntax');
		expect(parseHoursSpec('Mo 09:00', tz).error).toBe('hours_syntax');
		expect(parseHoursSpec('24/7; Mo 09:00-10:00', tz).error).toBe('hours_syntax');
		expect(parseHoursSpec('Mo 25:00-26:00', tz).error).toBe('time_invalid');
		expect(parseHoursSpec('Mo 09:00-09:00', tz).error).toBe('time_invalid');
		expect(parseHoursSpec('2026-02-30 closed', tz).error).toBe('date_invalid');
		expect(parseHoursSpec('Mo 09:00-10:00', 'Mars/Olympus').error).toBe('timezone_invalid');
	});

	it('reads back what formatHoursSpec writes', () => {
		const samples = [
			'Mo-Fr 08:00-20:00; Sa 10:00-14:00',
			'Mo,We,Fr 09:00-12:00; Mo,We,Fr 13:00-17:00; Su 22:00-02:00; 2026-12-25 closed (Christmas)',
			'24/7; 2026-01-01 closed; 2026-12-31 08:00-12:00',
			'Mo-Su 00:00-24:00'
		];
		for (const spec of samples) {
			const h = parseHoursSpec(spec, tz).hours!;
			expect(formatHoursSpec(h)).toBe(spec);
			expect(parseHoursSpec(formatHoursSpec(h), tz).hours).toEqual(h);
		}
	});
});

describe('hours text round trip (property)', () => {
	const pad = (n: number) => String(n).padStart(2, '0');
	const time = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45)).map(([h, m]) => `${pad(h)}:${pad(m)}`);
	const range = fc.tuple(time, fc.oneof(time, fc.constant('24:00'))).filter(([a, b]) => a !== b);
	const weekday = fc.integer({ min: 0, max: 6 }) as fc.Arbitrary<Weekday>;
	const date = fc.tuple(fc.integer({ min: 2020, max: 2035 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([y, m, d]) => `${y}-${pad(m)}-${pad(d)}`);
	const note = fc.option(fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 ,.;'-]{0,20}[A-Za-z0-9]$/), { nil: undefined });
	const exception: fc.Arbitrary<HoursException> = fc.tuple(date, fc.option(range, { nil: null }), note).map(([d, r, n]) => ({
		date: d,
		...(r ? { opens: r[0], closes: r[1] } : { closed: true }),
		...(n ? { note: n } : {})
	}));
	const hours: fc.Arbitrary<Hours> = fc
		.record({
			timezone: fc.constantFrom('UTC', 'Africa/Nairobi', 'America/Sao_Paulo', 'Asia/Kathmandu', 'Pacific/Chatham'),
			always: fc.boolean(),
			weekly: fc.uniqueArray(fc.tuple(weekday, range), { selector: ([d, [o, c]]) => `${d} ${o} ${c}`, maxLength: 12 }),
			exceptions: fc.uniqueArray(exception, { selector: (e) => e.date, maxLength: 4 }) // one exception per date (validateHours: date_invalid)
		})
		.map(({ timezone, always, weekly, exceptions }) => ({
			timezone,
			always,
			weekly: always ? [] : weekly.map(([day, [opens, closes]]) => ({ day, opens, closes })),
			exceptions
		}))
		.filter((h) => h.always || h.weekly.length > 0); // exceptions alone are not a schedule (validateHours: hours_empty)
	// Order carries no meaning in weekly rules (the text groups days by times): compare as sets.
	const canonical = (h: Hours) => ({ ...h, weekly: [...h.weekly].sort((a, b) => a.day - b.day || a.opens.localeCompare(b.opens) || a.closes.localeCompare(b.closes)) });

	it('parseHoursSpec(formatHoursSpec(h)) gives h back, and the text is stable', () => {
		fc.assert(
			fc.property(hours, (h) => {
				const text = formatHoursSpec(h);
				const back = parseHoursSpec(text, h.timezone);
				expect(back.error).toBeUndefined();
				expect(canonical(back.hours!)).toEqual(canonical(h));
				expect(formatHoursSpec(back.hours!)).toBe(text);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('UTC offsets', () => {
	const NOW = new Date('2026-06-15T12:00:00Z');
	it('one offset function for HSDS times and the hours rules', () => {
		expect(formatHoursSpec({ timezone: 'UTC', always: true, weekly: [], exceptions: [{ date: '2026-12-25', closed: true }] })).toBe('24/7; 2026-12-25 closed');
		expect(utcOffsetMinutes('Asia/Kathmandu', NOW)).toBe(345);
		expect(utcOffsetMinutes('America/New_York', NOW)).toBe(-240);
		expect(utcOffsetMinutes('Australia/Adelaide', NOW)).toBe(570);
		expect(utcOffsetMinutes('Europe/London', new Date('2026-01-15T12:00:00Z'))).toBe(0);
		expect(utcOffsetMinutes('Not/AZone', NOW)).toBe(0);
	});
});
