// "Open now" in SQL (the services' week_* columns + the JS check of the few it cannot decide) must find
// exactly what `isOpenAt` on every channel finds, which is what the search did before: random
// hours (past midnight, Saturday -> Sunday, 24/7, closed days and special hours) in zones with
// unusual changes, at instants around every DST change of 2026. And every writer keeps the table
// in step with the channels.
import { sql } from 'drizzle-orm';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { db, rowsOf } from '../db';
import { useFreshDatabase } from '../test/db';
import { serviceInput } from '../test/directory';
import { grant, makeUser } from '../test/factories';
import { isOpenAt, openStatus, utcOffsetMinutes, localParts, weeklyOpenMinutes, WEEK_MINUTES } from '../../directory/hours';
import type { Hours, HoursException, WeeklyRule, Weekday } from '../../directory/hours-types';
import { setMeta } from '../platform/meta';
import * as directory from '.';
import { importServices, parseCsv } from './import';
import { ServiceInput } from './input';
import { channels, services } from './schema';
import { ensureServiceWeeks, serviceWeek, WEEK_META_KEY, WEEK_VERSION } from './weekly-hours';
import * as cache from '../platform/cache';
// the same random hours on every run, so a failure can be replayed
import { prng, type Rng } from '../../prng';

useFreshDatabase();

const ZONES = ['Europe/London', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Chatham', 'Africa/Nairobi'];

const pad = (n: number) => String(n).padStart(2, '0');
/** Times that sit on the edges that matter: midnight, DST changes at 00:00/01:00/02:00/02:30/03:00, half hours. */
const EDGE_TIMES = ['00:00', '00:30', '01:00', '01:30', '01:59', '02:00', '02:30', '03:00', '03:30', '12:00', '20:00', '22:00', '23:00', '23:30', '23:59'];
const time = (r: Rng) => (r.chance(0.6) ? r.pick(EDGE_TIMES) : `${pad(r.int(0, 23))}:${pad(r.int(0, 59))}`);
const closing = (r: Rng, opens: string) => {
	for (;;) {
		const c = r.chance(0.15) ? '24:00' : time(r);
		if (c !== opens) return c;
	}
};

/** The moments in 2026 when `tz`'s offset changes (to the minute). */
function transitions(tz: string): Date[] {
	const out: Date[] = [];
	const start = Date.UTC(2026, 0, 1);
	for (let t = start; t < Date.UTC(2027, 0, 1); t += 3_600_000) {
		if (utcOffsetMinutes(tz, new Date(t)) === utcOffsetMinutes(tz, new Date(t + 3_600_000))) continue;
		let lo = t;
		let hi = t + 3_600_000;
		while (hi - lo > 60_000) {
			const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
			if (utcOffsetMinutes(tz, new Date(mid)) === utcOffsetMinutes(tz, new Date(lo))) lo = mid;
			else hi = mid;
		}
		out.push(new Date(hi));
	}
	return out;
}

const MIN = 60_000;
/** Instants around every change of every zone, around local midnight after the changes, and some at random. */
function instants(r: Rng): Date[] {
	const out: Date[] = [];
	for (const tz of ZONES) {
		for (const t of transitions(tz)) {
			for (const d of [-1440, -241, -120, -61, -60, -31, -30, -1, 0, 1, 29, 30, 59, 60, 61, 90, 119, 120, 121, 600, 1439, 1440]) out.push(new Date(t.getTime() + d * MIN));
		}
	}
	// Saturday -> Sunday in Nairobi (UTC+3): 2026-12-05 23:59 and 2026-12-06 00:00 local
	out.push(new Date('2026-12-05T20:59:00Z'), new Date('2026-12-05T21:00:00Z'), new Date('2026-12-06T00:30:00Z'));
	for (let i = 0; i < 40; i++) out.push(new Date(Date.UTC(2026, 0, 1) + r.int(0, 364 * 1440) * MIN));
	return out;
}

/** The local dates around every instant, in `tz`: where exceptions must fall to be tested. */
function datesNear(tz: string, at: Date[]): string[] {
	const dates = new Set<string>();
	for (const t of at) for (const d of [-1, 0, 1]) dates.add(localParts(new Date(t.getTime() + d * 86_400_000), tz).date);
	return [...dates];
}

function randomHours(r: Rng, tz: string, exceptionDates: string[]): Hours {
	const always = r.chance(0.15);
	const weekly: WeeklyRule[] = [];
	if (!always) {
		const n = r.int(1, 6);
		for (let i = 0; i < n; i++) {
			const opens = time(r);
			weekly.push({ day: r.int(0, 6) as Weekday, opens, closes: closing(r, opens) });
		}
	}
	const exceptions: HoursException[] = [];
	const used = new Set<string>();
	const nExceptions = r.chance(0.5) ? r.int(1, 4) : 0;
	for (let i = 0; i < nExceptions; i++) {
		const date = r.pick(exceptionDates);
		if (used.has(date)) continue;
		used.add(date);
		if (r.chance(0.5)) exceptions.push({ date, closed: true });
		else {
			const opens = time(r);
			exceptions.push({ date, opens, closes: closing(r, opens) });
		}
	}
	return { timezone: tz, always, weekly, exceptions };
}

const CHANNELS = [
	{ type: 'phone', value: '+999 55 0100' },
	{ type: 'sms', value: '21000' },
	{ type: 'webchat', value: 'https://chat.example.org' }
] as const;

describe('"open now" in SQL gives what isOpenAt gives', () => {
	const r = prng(2026);
	const at = instants(r);
	const nearBy = new Map(ZONES.map((tz) => [tz, datesNear(tz, at)]));
	const inputs: ServiceInput[] = [];
	const ids: string[] = [];

	it('setup: 150 services with random hours, 1 to 3 channels each, now and then in different zones', async () => {
		const raws: Record<string, unknown>[] = [];
		for (let i = 0; i < 150; i++) {
			const zone = r.pick(ZONES);
			const chans = Array.from({ length: r.int(1, 3) }, (_, k) => {
				const tz = r.chance(0.1) ? r.pick(ZONES) : zone; // now and then channels in two zones (decided in JS)
				return { ...CHANNELS[k], hours: randomHours(r, tz, nearBy.get(tz)!) };
			});
			raws.push(
				serviceInput({
					name: { en: `Service ${String(i).padStart(3, '0')}` },
					countries: r.chance(0.1) ? ['ZZ'] : ['KE'],
					status: r.pick(['active', 'active', 'active', 'active', 'temporarily_closed', 'defunct']),
					ageMin: r.chance(0.3) ? 13 : null,
					channels: chans
				})
			);
		}
		for (const raw of raws) {
			const parsed = v.safeParse(ServiceInput, raw);
			expect(parsed.issues?.map((x) => `${x.path?.map((p) => String(p.key)).join('.')}: ${x.message}`)).toBeUndefined();
		}
		await db().transaction(async (tx) => {
			for (const raw of raws) ids.push(await directory.insertServiceAsSystem(tx, raw, { isDemo: false }));
		});
		inputs.push(...raws.map((raw) => v.parse(ServiceInput, raw)));
		// the random hours do reach the cases that matter
		const all = inputs.flatMap((s) => s.channels.map((c) => c.hours));
		expect(all.some((h) => h.always)).toBe(true);
		expect(all.some((h) => h.exceptions.some((e) => e.closed))).toBe(true);
		expect(all.some((h) => h.weekly.some((w) => w.closes < w.opens))).toBe(true);
		expect(all.some((h) => h.weekly.some((w) => w.day === 6 && w.closes < w.opens))).toBe(true);
	});

	/** What the search found before: every active, matching service with a channel isOpenAt, in SEARCH_ORDER. */
	function expected(now: Date, age?: number) {
		const cache = new Map();
		return inputs
			.map((s, i) => ({ s, id: ids[i] }))
			.filter(({ s }) => s.status === 'active' && (age == null || s.ageMin == null || s.ageMin <= age) && s.channels.some((c) => isOpenAt(c.hours, now, cache)))
			.sort((a, b) => Number(a.s.countries.includes('ZZ')) - Number(b.s.countries.includes('ZZ')) || a.s.name.en!.localeCompare(b.s.name.en!))
			.map(({ id }) => id);
	}

	/** What searchPage does to its page last: open services (by openStatus, the full check) first, stable otherwise. */
	function openFirst(page: string[], now: Date) {
		const open = (id: string) => Number(inputs[ids.indexOf(id)].channels.some((c) => openStatus(c.hours, now).open));
		return [...page].sort((a, b) => open(b) - open(a));
	}

	it(`at ${at.length} instants around the DST changes of ${ZONES.join(', ')}: the same services, order and totals`, async () => {
		let excepted = 0;
		let bySql = 0;
		let openSeen = 0;
		for (const now of at) {
			const want = expected(now);
			const got = await directory.searchPage({ country: 'KE', openNow: true, now, pageSize: 500 });
			expect(got.results.map((x) => x.service.id), now.toISOString()).toEqual(openFirst(want, now));
			expect(got.total, now.toISOString()).toBe(want.length);
			openSeen += want.length;
			excepted += inputs.filter((s) => s.channels.some((c) => c.hours.exceptions.some((e) => e.date === localParts(now, c.hours.timezone).date))).length;
			bySql += inputs.filter((s) => new Set(s.channels.map((c) => c.hours.timezone)).size === 1 && !s.channels.some((c) => c.hours.exceptions.length)).length;
		}
		// the JS path (exceptions today) and the SQL path were both exercised, and answers vary
		expect(excepted).toBeGreaterThan(100);
		expect(bySql).toBeGreaterThan(at.length * 25);
		expect(openSeen).toBeGreaterThan(at.length * 10);
	});

	it('pages and totals with another filter: page 2 holds the next open services, past the end gives the total', async () => {
		for (const now of at.filter((_, i) => i % 7 === 0)) {
			const want = expected(now, 12);
			const p2 = await directory.searchPage({ country: 'KE', openNow: true, age: 12, now, page: 2, pageSize: 5 });
			expect(p2.results.map((x) => x.service.id)).toEqual(openFirst(want.slice(5, 10), now));
			expect(p2.total).toBe(want.length);
			const past = await directory.searchPage({ country: 'KE', openNow: true, age: 12, now, page: 99, pageSize: 5 });
			expect(past).toMatchObject({ results: [], total: want.length });
		}
	});
});

describe('weeklyOpenMinutes (the ranges SQL compares)', () => {
	it('splits intervals past midnight and past Saturday -> Sunday; 24/7 is the whole week', () => {
		const h = (weekly: WeeklyRule[], always = false): Hours => ({ timezone: 'UTC', always, weekly, exceptions: [] });
		expect(weeklyOpenMinutes(h([], true))).toEqual(Array.from({ length: 7 }, (_, d) => [d * 1440, d * 1440 + 1440]));
		// Friday 22:00 -> Saturday 02:00; Saturday 22:00 -> Sunday 02:00 splits at the end of the week
		expect(weeklyOpenMinutes(h([{ day: 5, opens: '22:00', closes: '02:00' }]))).toEqual([[5 * 1440 + 1320, 6 * 1440 + 120]]);
		expect(weeklyOpenMinutes(h([{ day: 6, opens: '22:00', closes: '02:00' }]))).toEqual([
			[0, 120],
			[6 * 1440 + 1320, WEEK_MINUTES]
		]);
		expect(weeklyOpenMinutes(h([{ day: 1, opens: '09:00', closes: '24:00' }]))).toEqual([[1440 + 540, 2 * 1440]]);
	});
});

/** PostgreSQL's text form of the union of `ranges` (merged where they overlap or touch). */
function canonical(ranges: [number, number][]): string {
	const merged: [number, number][] = [];
	for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
		const last = merged.at(-1);
		if (last && a <= last[1]) last[1] = Math.max(last[1], b);
		else merged.push([a, b]);
	}
	return `{${merged.map(([a, b]) => `[${a},${b})`).join(',')}}`;
}

/** Every service's week_* columns as they are, and as they should be for its channels as they are. */
async function weeksAndExpected() {
	const rows = rowsOf(
		await db().execute(sql`select id, week_zone, week_minutes::text as week_minutes, week_exception_dates from ${services} order by id`)
	).map((x) => ({ id: x.id, weekZone: x.week_zone, weekMinutes: x.week_minutes, weekExceptionDates: x.week_exception_dates }));
	const chans = await db().select({ serviceId: channels.serviceId, hours: channels.hours }).from(channels).orderBy(channels.serviceId, channels.position);
	const want = rows.map(({ id }) => {
		const hours = chans.filter((c) => c.serviceId === id).map((c) => c.hours);
		return { id, ...serviceWeek(hours), weekMinutes: canonical(hours.flatMap((h) => weeklyOpenMinutes(h))) };
	});
	return { rows, want };
}

describe('every writer keeps the week columns in step with the channels', () => {
	const nights = (timezone: string) => ({ timezone, always: false, weekly: [5, 6].map((day) => ({ day, opens: '22:00', closes: '02:00' })), exceptions: [{ date: '2026-12-25', closed: true }] });
	const always = (timezone: string) => ({ timezone, always: true, weekly: [], exceptions: [] });

	it('create, update (other hours and zones), import, and the fill at start-up', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(
			mod,
			serviceInput({
				name: { en: 'Sync line' },
				channels: [
					{ type: 'phone', value: '116', hours: nights('Europe/London') },
					{ type: 'sms', value: '21000', hours: always('Asia/Kolkata') }
				]
			})
		);
		let { rows, want } = await weeksAndExpected();
		expect(rows).toEqual(want);
		// two zones: decided in JS
		expect(rows.find((x) => x.id === id)).toMatchObject({ weekZone: null, weekExceptionDates: ['2026-12-25'] });

		await directory.updateService(mod, id, serviceInput({ name: { en: 'Sync line' }, channels: [{ type: 'phone', value: '116', hours: nights('Pacific/Chatham') }] }));
		({ rows, want } = await weeksAndExpected());
		expect(rows).toEqual(want);
		expect(rows.find((x) => x.id === id)).toEqual({
			id,
			weekZone: 'Pacific/Chatham',
			weekMinutes: `{[0,120),[${5 * 1440 + 1320},${6 * 1440 + 120}),[${6 * 1440 + 1320},10080)}`,
			weekExceptionDates: ['2026-12-25']
		});

		const csv = [
			'organization_name,name_en,kind,countries,topics,actions,languages,timezone,phone,phone_hours',
			'Import Org,Imported line,helpline,KE,bullying_cyberbullying,talk,en,America/New_York,116,Mo-Fr 09:00-17:00; 2026-12-24 10:00-12:00'
		].join('\n');
		const parsed = parseCsv(csv);
		expect(parsed.rows.flatMap((x) => x.errors)).toEqual([]);
		const admin = await makeUser({ grants: [grant('admin')] });
		const report = await importServices(admin, parsed.rows, { dryRun: false });
		expect(report.ids).toHaveLength(1);
		({ rows, want } = await weeksAndExpected());
		expect(rows).toEqual(want);
		expect(rows.find((x) => x.id === report.ids[0])).toMatchObject({ weekZone: 'America/New_York', weekExceptionDates: ['2026-12-24'] });

		// a database from before the columns (their defaults, no version mark): searches are still right
		// (every service decided in JS), and the fill at start-up derives them, once
		const now = new Date('2026-12-05T09:15:00Z'); // Saturday 23:00 in Chatham (UTC+13:45): the night line is open
		const before = (await directory.searchPage({ country: 'KE', openNow: true, now, pageSize: 500 })).results.map((x) => x.service.id);
		expect(before).toContain(id);
		await db().execute(sql`update ${services} set week_zone = null, week_minutes = '{}', week_exception_dates = '{}'`);
		await db().execute(sql`delete from app_meta where key = ${WEEK_META_KEY}`);
		await cache.invalidate(db(), 'directory');
		expect((await directory.searchPage({ country: 'KE', openNow: true, now, pageSize: 500 })).results.map((x) => x.service.id)).toEqual(before);
		expect(await ensureServiceWeeks(db())).toBe(want.length);
		expect(await ensureServiceWeeks(db())).toBe(0);
		({ rows, want } = await weeksAndExpected());
		expect(rows).toEqual(want);
		expect((await directory.searchPage({ country: 'KE', openNow: true, now, pageSize: 500 })).results.map((x) => x.service.id)).toEqual(before);

		// an older version mark: every service is derived again (here a stale one is put right)
		await db().execute(sql`update ${services} set week_minutes = '{}' where id = ${id}`);
		await setMeta(WEEK_META_KEY, WEEK_VERSION - 1);
		expect(await ensureServiceWeeks(db())).toBe(want.length);
		({ rows, want } = await weeksAndExpected());
		expect(rows).toEqual(want);
	});
});
