// The iCalendar output, read back by a real parser (ical.js).
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { fold, toICalendar } from './ics';
import type { events } from './schema';
import { offsetMinutes, utcToZoned, zonedToUtc } from './time';

const base: typeof events.$inferSelect = {
	id: '5b1c2f7e-1111-4a2b-8c3d-000000000001',
	status: 'published',
	isDemo: false,
	title: { en: 'Safer internet; a workshop, with commas', ar: 'ورشة عمل حول الإنترنت الأكثر أمانًا للأطفال والمعلمين وأولياء الأمور في المنطقة العربية' },
	description: { en: 'Line one\nLine two \\ backslash' },
	kind: 'workshop',
	audiences: [],
	topics: [],
	areas: [],
	languages: ['en'],
	startsAt: zonedToUtc('2026-03-29T01:30', 'Europe/Paris')!,
	endsAt: zonedToUtc('2026-03-29T04:00', 'Europe/Paris')!,
	timeZone: 'Europe/Paris',
	mode: 'in_person',
	venue: 'Salle 1',
	city: 'Paris',
	country: 'FR',
	region: null,
	onlineUrl: null,
	seats: 10,
	registrationOpensAt: null,
	registrationClosesAt: null,
	childMinAge: null,
	childMaxAge: null,
	moderated: false,
	holdHours: 48,
	reminders: [1440, 60],
	questions: [],
	safeguardingContact: null,
	materials: {},
	cancelReason: null,
	createdBy: null,
	createdAt: new Date(),
	updatedAt: new Date(),
	publishedAt: new Date(),
	cancelledAt: null
};

describe('time zones', () => {
	it('converts wall-clock times across a daylight-saving change', () => {
		// Paris moves to summer time at 02:00 on 29 March 2026: 01:30 is UTC+1, 04:00 is UTC+2
		expect(base.startsAt.toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(base.endsAt.toISOString()).toBe('2026-03-29T02:00:00.000Z');
		expect(utcToZoned(base.endsAt, 'Europe/Paris')).toBe('2026-03-29T04:00');
		expect(offsetMinutes(base.endsAt, 'Asia/Kolkata')).toBe(330);
		expect(zonedToUtc('2026-02-30T10:00x', 'Europe/Paris')).toBeNull();
	});
});

describe('iCalendar', () => {
	it('parses with ical.js, with the right instants and escaped text', () => {
		const text = toICalendar([base, { ...base, id: '5b1c2f7e-1111-4a2b-8c3d-000000000002', status: 'cancelled' }], { locale: 'en', name: 'Events' });
		expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
		const cal = new ICAL.Component(ICAL.parse(text));
		const vevents = cal.getAllSubcomponents('vevent');
		expect(vevents).toHaveLength(2);
		const ev = new ICAL.Event(vevents[0]);
		expect(ev.summary).toBe('Safer internet; a workshop, with commas');
		expect(ev.description).toContain('Line one\nLine two \\ backslash');
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-29T00:30:00.000Z');
		expect(ev.endDate.toJSDate().toISOString()).toBe('2026-03-29T02:00:00.000Z');
		expect(ev.location).toBe('Salle 1, Paris, FR');
		expect(vevents[1].getFirstPropertyValue('status')).toBe('CANCELLED');
	});

	it('adds the events national platforms share, under their own UID and link, in start order', () => {
		const shared = {
			event: {
				id: '9c1b2c3d-0000-4000-8000-000000000001',
				url: 'https://cop.example.ke/events/9c1b2c3d-0000-4000-8000-000000000001',
				status: 'cancelled',
				title: { en: 'Kenya workshop', fr: 'Atelier au Kenya' },
				description: {},
				start: '2026-03-28T09:00:00+03:00',
				end: '2026-03-28T12:00:00+03:00',
				timeZone: 'Africa/Nairobi',
				mode: 'in_person',
				venue: null,
				city: 'Nairobi',
				country: 'KE'
			},
			sourceName: 'Kenya national COP platform',
			snapshotAt: '2026-03-01T00:00:00.000Z'
		};
		const text = toICalendar([base], { locale: 'fr', shared: [shared] });
		const vevents = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
		expect(vevents).toHaveLength(2);
		const ev = new ICAL.Event(vevents[0]);
		// the member's own feed names it the same way, so a calendar subscribed to both shows it once
		expect(ev.uid).toBe('9c1b2c3d-0000-4000-8000-000000000001@cop.example.ke');
		expect(ev.summary).toBe('Atelier au Kenya');
		expect(ev.startDate.toJSDate().toISOString()).toBe('2026-03-28T06:00:00.000Z');
		expect(ev.location).toBe('Nairobi, KE');
		expect(vevents[0].getFirstPropertyValue('url')).toBe('https://cop.example.ke/fr/events/9c1b2c3d-0000-4000-8000-000000000001');
		expect(ev.description).toContain('Kenya national COP platform');
		expect(vevents[0].getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(new ICAL.Event(vevents[1]).uid).toMatch(/^5b1c2f7e-1111-4a2b-8c3d-000000000001@/);
	});

	it('folds long lines without splitting a character', () => {
		const text = toICalendar([base], { locale: 'ar' });
		const ev = new ICAL.Event(new ICAL.Component(ICAL.parse(text)).getFirstSubcomponent('vevent')!);
		expect(ev.summary).toBe(base.title.ar);
		const folded = fold('x'.repeat(200));
		expect(folded.split('\r\n ').join('')).toBe('x'.repeat(200));
	});
});
