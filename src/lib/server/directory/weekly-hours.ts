// "Open now" in SQL: each channel's weekly hours kept as local minutes of the week
// (directory_channel_hours), the clock a search compares them with, and the start-up fill for
// channels written before the table existed. See docs/decisions.md ("Open now in SQL") for why the
// SQL answer is the same as `isOpenAt`'s.
import { sql } from 'drizzle-orm';
import { db, rowsOf, type Db, type Tx } from '../db';
import { localParts, minuteOfWeek, weeklyOpenMinutes } from '../../directory/hours';
import type { Hours } from '../../directory/hours-types';
import * as cache from '../platform/cache';
import { getMeta, setMeta } from '../platform/meta';
import { channelHours } from './schema';

/** What the fill at start-up has brought up to date; raise it when weeklyOpenMinutes changes meaning. */
export const CHANNEL_HOURS_VERSION = 1;
const META_KEY = 'directory_channel_hours_version';

/** The row of directory_channel_hours for one channel. */
export function channelHoursRow(channelId: string, serviceId: string, hours: Hours): typeof channelHours.$inferInsert {
	return {
		channelId,
		serviceId,
		timezone: hours.timezone,
		openMinutes: multirange(weeklyOpenMinutes(hours)),
		exceptionDates: [...new Set((hours.exceptions ?? []).map((e) => e?.date).filter((d): d is string => typeof d === 'string'))]
	};
}

/** [[540, 1020], [1980, 2460]] -> '{[540,1020),[1980,2460)}' (PostgreSQL merges what overlaps or touches). */
export function multirange(ranges: [number, number][]): string {
	return `{${ranges.map(([a, b]) => `[${a},${b})`).join(',')}}`;
}

/** Writes the rows of channels just inserted (their old rows went with the old channels, by cascade). */
export async function writeChannelHours(tx: Db | Tx, rows: { id: string; serviceId: string; hours: Hours }[]): Promise<void> {
	if (rows.length) await tx.insert(channelHours).values(rows.map((c) => channelHoursRow(c.id, c.serviceId, c.hours)));
}

/**
 * Brings directory_channel_hours up to date once per CHANNEL_HOURS_VERSION (start-up, under the
 * start-up lock): the first time, it adds the rows of channels that have none (a database from
 * before the table); after a version change it rebuilds every row. Afterwards writeService keeps
 * the table in step. Returns the number of rows written.
 */
export async function ensureChannelHours(d: Db): Promise<number> {
	const done = await getMeta<number>(META_KEY, d);
	if (done === CHANNEL_HOURS_VERSION) return 0;
	return d.transaction(async (tx) => {
		if (done !== undefined) await tx.delete(channelHours);
		let written = 0;
		let after = '00000000-0000-0000-0000-000000000000';
		for (;;) {
			const result = await tx.execute(sql`
				select c.id, c.service_id as "serviceId", c.hours from directory_channels c
				where c.id > ${after} and not exists (select 1 from directory_channel_hours h where h.channel_id = c.id)
				order by c.id limit 1000`);
			const rows = rowsOf(result) as { id: string; serviceId: string; hours: Hours }[];
			if (!rows.length) break;
			await writeChannelHours(tx, rows);
			written += rows.length;
			after = rows[rows.length - 1].id;
		}
		await setMeta(META_KEY, CHANNEL_HOURS_VERSION, tx);
		if (written) await cache.invalidate(tx, 'directory'); // the zones in use may have changed
		return written;
	});
}

/** Every zone named by a channel's hours; few (one or two per country), read once per directory change. */
function zonesInUse(): Promise<string[]> {
	return zonesMemo.get('', async () => (await db().selectDistinct({ tz: channelHours.timezone }).from(channelHours)).map((r) => r.tz));
}
const zonesMemo = new cache.TagMemo<string[]>('directory', 1);

export interface WeekClock {
	/** zone -> its local minute of the week at `now` (zones `localParts` refuses are left out: closed, as in isOpenAt) */
	minutes: Record<string, number>;
	/** every zone's local date today and the day before: a channel with an exception on one of these is checked in JS */
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

function dayBefore(date: string): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
}
