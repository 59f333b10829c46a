// "Open now" in SQL: each service's weekly hours kept on its row as local minutes of the week
// (directory_services.week_*), the clock a search compares them with, and the start-up fill for
// services written before those columns existed. docs/decisions.md ("Open now in SQL") says why
// the SQL answer is the same as `isOpenAt`'s on every channel.
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Db, type Tx } from '../db';
import { localParts, minuteOfWeek, weeklyOpenMinutes } from '../../directory/hours';
import type { Hours } from '../../directory/hours-types';
import * as cache from '../platform/cache';
import { getMeta, setMeta } from '../platform/meta';
import { services } from './schema';

/** What the fill at start-up has brought up to date; raise it when serviceWeek changes meaning. */
export const WEEK_VERSION = 1;
export const WEEK_META_KEY = 'directory_week_version';

export interface ServiceWeek {
	weekZone: string | null;
	weekMinutes: string;
	weekExceptionDates: string[];
}

/**
 * The week_* columns of a service with these channel hours: one zone (null when the channels'
 * zones differ, or there is no channel: such a service is decided in JS), the union of their
 * weekly minutes (a service is open when any channel is), and every date that has an exception.
 */
export function serviceWeek(hours: Hours[]): ServiceWeek {
	const zones = new Set(hours.map((h) => h.timezone));
	const ranges = hours.flatMap((h) => weeklyOpenMinutes(h));
	const dates = hours.flatMap((h) => (h.exceptions ?? []).map((e) => e?.date)).filter((d): d is string => typeof d === 'string');
	return {
		weekZone: zones.size === 1 ? [...zones][0] : null,
		weekMinutes: multirange(ranges),
		weekExceptionDates: [...new Set(dates)].sort()
	};
}

/** [[540, 1020], [1980, 2460]] -> '{[540,1020),[1980,2460)}' (PostgreSQL merges what overlaps or touches). */
export function multirange(ranges: [number, number][]): string {
	return `{${ranges.map(([a, b]) => `[${a},${b})`).join(',')}}`;
}

/**
 * Derives the week_* columns once per WEEK_VERSION (start-up, under the start-up lock): the first
 * time, for services that have none yet (a database from before them; until then those are
 * decided in JS, so answers are right meanwhile, only slower); after a version change, for every
 * service. From then on writeService writes them with the channels. Returns the services updated.
 */
export async function ensureServiceWeeks(d: Db): Promise<number> {
	const done = await getMeta<number>(WEEK_META_KEY, d);
	if (done === WEEK_VERSION) return 0;
	return d.transaction(async (tx) => {
		let written = 0;
		let after = '00000000-0000-0000-0000-000000000000';
		for (;;) {
			const batch = rowsOf(
				await tx.execute(sql`
					select s.id, coalesce(jsonb_agg(c.hours order by c.position) filter (where c.id is not null), '[]') as hours
					from (select id from directory_services where id > ${after} ${done === undefined ? sql`and week_zone is null` : sql``} order by id limit 500) s
					left join directory_channels c on c.service_id = s.id
					group by s.id order by s.id`)
			) as { id: string; hours: Hours[] }[];
			if (!batch.length) break;
			await writeServiceWeeks(tx, batch.map((b) => ({ id: b.id, ...serviceWeek(b.hours) })));
			written += batch.length;
			after = batch[batch.length - 1].id;
		}
		await setMeta(WEEK_META_KEY, WEEK_VERSION, tx);
		if (written) await cache.invalidate(tx, 'directory'); // the zones in use may have changed
		return written;
	});
}

async function writeServiceWeeks(tx: Db | Tx, rows: (ServiceWeek & { id: string })[]) {
	const json = rows.map((r) => ({ id: r.id, week_zone: r.weekZone, week_minutes: r.weekMinutes, week_exception_dates: r.weekExceptionDates }));
	await tx.execute(sql`
		update ${services} s set week_zone = j.week_zone, week_minutes = j.week_minutes::int4multirange, week_exception_dates = j.week_exception_dates
		from jsonb_to_recordset(${JSON.stringify(json)}::jsonb) as j(id uuid, week_zone text, week_minutes text, week_exception_dates text[])
		where s.id = j.id`);
}

/** Every zone a service's hours are in; few (one or two per country), read once per directory change. */
function zonesInUse(): Promise<string[]> {
	return zonesMemo.get('', async () =>
		rowsOf(await db().execute(sql`select distinct week_zone as tz from ${services} where week_zone is not null`)).map((r) => String(r.tz))
	);
}
const zonesMemo = new cache.TagMemo<string[]>('directory', 1);

export interface WeekClock {
	/** zone -> its local minute of the week at `now` (zones `localParts` refuses are left out: closed, as in isOpenAt) */
	minutes: Record<string, number>;
	/** every zone's local date today and the day before: a service with an exception on one of these is decided in JS */
	dates: string[];
}

/** The local minute of the week in every zone in use, at `now`, and the dates whose exceptions matter. */
export async function weekClock(now: Date): Promise<WeekClock> {
	const minutes: Record<string, number> = {};
	const dates = new Set<string>();
	for (const tz of await zonesInUse()) {
		let local;
		try {
			local = localParts(now, tz);
		} catch {
			continue;
		}
		minutes[tz] = minuteOfWeek(local);
		dates.add(local.date);
		dates.add(dayBefore(local.date));
	}
	return { minutes, dates: [...dates].sort() };
}

/** The date before "YYYY-MM-DD", as isOpenAt works it out. */
function dayBefore(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
