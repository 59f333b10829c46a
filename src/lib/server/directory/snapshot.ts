// The help finder's last known answer per country, for when the database is down
// (docs/performance.md, "When the database is down").
//
// Every time /help?country=XX is answered from the database with no filter (what a child in a
// hurry asks), its emergency numbers, first page of services and languages are kept in memory and
// written to DATA_DIR/snapshots/help-XX.json when they differ from what is there. Edits to the
// directory drop the cached help pages (platform/cache.ts), so the next visit re-reads the database
// and refreshes the snapshot. When the database cannot be reached, the page shows the snapshot,
// with opening status worked out again for the current time, and says it may be out of date.
// Only public listings are kept; nothing about the visitor or their search.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openStatus } from '../../directory/hours';
import { log } from '../platform/log';
import type { emergencyServices, SearchResult } from './queries';

export interface HelpSnapshot {
	country: string;
	savedAt: string;
	results: SearchResult[];
	total: number;
	emergency: Awaited<ReturnType<typeof emergencyServices>>;
	languages: string[];
}

const memory = new Map<string, { snapshot: HelpSnapshot; hash: string }>();
let folder: string | undefined;

/** Where snapshots are written (DATA_DIR/snapshots unless set, e.g. by tests). */
export function snapshotFolder(dir?: string): string {
	if (dir !== undefined) {
		folder = dir;
		memory.clear();
	}
	return folder ?? path.join(process.env.DATA_DIR ?? './data', 'snapshots');
}

const COUNTRY = /^[A-Z]{2}$/;

// Dates survive the file as {"$date": iso}: `this[key]` is the value before Date#toJSON ran.
// A channel's opening status is left out: it is worked out again when the snapshot is used, and
// keeping it would make every minute's render look like a change worth writing.
function replacer(this: Record<string, unknown>, key: string, value: unknown) {
	if (key === 'status' && value !== null && typeof value === 'object') return undefined;
	const raw = this[key];
	return raw instanceof Date ? { $date: raw.toISOString() } : value;
}
function reviver(_key: string, value: unknown) {
	if (value && typeof value === 'object' && '$date' in value && Object.keys(value).length === 1) return new Date((value as { $date: string }).$date);
	return value;
}

/** Keeps what the help page just read from the database for `country` (cheap when unchanged). */
export function saveHelpSnapshot(country: string, data: Omit<HelpSnapshot, 'country' | 'savedAt'>): void {
	if (!COUNTRY.test(country)) return;
	const body = JSON.stringify({ results: data.results, total: data.total, emergency: data.emergency, languages: data.languages }, replacer);
	const hash = createHash('sha1').update(body).digest('hex');
	if (memory.get(country)?.hash === hash) return;
	const snapshot: HelpSnapshot = { country, savedAt: new Date().toISOString(), ...data };
	memory.set(country, { snapshot, hash });
	try {
		const dir = snapshotFolder();
		mkdirSync(dir, { recursive: true });
		const file = path.join(dir, `help-${country}.json`);
		const tmp = `${file}.${process.pid}.tmp`;
		writeFileSync(tmp, JSON.stringify(snapshot, replacer));
		renameSync(tmp, file); // whole or nothing, even if the process dies half-way
	} catch (err) {
		log.warn('help snapshot not written', { err, country });
	}
}

/** The last known help for `country` (memory, else disk), opening status recomputed at `now`. */
export function helpSnapshot(country: string, now = new Date()): HelpSnapshot | null {
	if (!COUNTRY.test(country)) return null;
	let snapshot = memory.get(country)?.snapshot;
	if (!snapshot) {
		try {
			snapshot = JSON.parse(readFileSync(path.join(snapshotFolder(), `help-${country}.json`), 'utf8'), reviver) as HelpSnapshot;
		} catch {
			return null;
		}
	}
	const results = snapshot.results.map((r) => {
		const channels = r.channels.map((c) => ({ ...c, status: openStatus(c.hours, now) }));
		return { ...r, channels, open: r.service.status === 'active' && channels.some((c) => c.status.open) };
	});
	results.sort((a, b) => Number(b.open) - Number(a.open));
	return { ...snapshot, results };
}
