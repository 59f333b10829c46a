// Publisher side: the signed snapshots of what this instance already publishes, for the countries
// it speaks for. A snapshot is a manifest (feed, sequence, created, sha256 of each file) with an
// eddsa-jcs-2022 proof, and its files, stored so the bytes served always match the hashes; a new
// sequence is made only when the content changed. The services feed is paged (services-0001.json,
// ...), so a member of any size stays within the hub's per-file cap.
import { randomInt } from 'node:crypto';
import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import * as directory from '../directory';
import * as events from '../events';
import * as progress from '../progress';
import { sha256Hex, signDocument } from './crypto';
import { currentKey } from './keys';
import { LIMITS, type EventsFile, type LegalFile } from './input';
import { federationSnapshotFiles, federationSnapshots } from './schema';
import { FEEDS, readSettings, type Feed, type Settings } from './settings';

export const MANIFEST_TYPE = 'CopFederationManifest';
/** Help services per file of the services feed: about 28 MB of HSDS, far under the hub's per-file cap. */
export const SERVICES_PER_FILE = 2000;
/** The most files a services feed may have: the hub takes at most LIMITS.servicesMax services (500,000). */
export const MAX_SERVICE_FILES = 250;
const SERVICE_PAGE = /^services-(\d{4})\.json$/;

/** The files each feed carries, by name; nothing else is ever fetched. */
export function isFeedFileList(feed: Feed, names: string[]): boolean {
	const sorted = [...names].sort();
	// progress: legal.json beside the scores (members before the legal tracker was federated send none)
	if (feed === 'progress') return ['legal.json,observations.csv,scores.json', 'observations.csv,scores.json'].includes(sorted.join(','));
	if (feed === 'events') return sorted.length === 1 && sorted[0] === 'events.json';
	// services: pages services-0001.json ... numbered from 1 without gaps, or one services.json (members before paging)
	if (sorted.length === 1 && sorted[0] === 'services.json') return true;
	return sorted.length >= 1 && sorted.length <= MAX_SERVICE_FILES && sorted.every((n, k) => SERVICE_PAGE.exec(n)?.[1] === String(k + 1).padStart(4, '0'));
}

/** The media type a feed file is served with. */
export function fileType(name: string): string {
	return name.endsWith('.csv') ? 'text/csv; charset=utf-8; header=present' : 'application/json';
}

export interface ScoresFile {
	frameworkVersion: number | null;
	results: progress.CountryResult[];
}

interface FeedFile {
	name: string;
	body: string;
}

/** Published (validated) country results for the countries this instance speaks for, federated ones left out. */
async function* progressFiles(d: Db | Tx, s: Settings): AsyncGenerator<FeedFile> {
	const mine = new Set(s.countries);
	const results = (await progress.publishedCountryResults(d)).filter((r) => mine.has(r.country) && !(r as { source?: unknown }).source);
	const frameworkVersion = results[0]?.frameworkVersion ?? null;
	const scores: ScoresFile = {
		frameworkVersion,
		results: results.map((r) => ({
			country: r.country,
			period: r.period,
			frameworkVersion: r.frameworkVersion,
			overall: r.overall,
			tier: r.tier,
			pillars: r.pillars,
			// hidden (aggregate-only) indicators travel without a score, as on the public pages
			indicators: r.indicators.map((i) => (i.hidden ? { ...i, score: null } : i)),
			demo: r.demo
		}))
	};
	const obs = (await progress.opendata.observations(d)).filter((o) => o.refAreaType === 'country' && mine.has(o.refArea) && results.some((r) => r.country === o.refArea && r.period === o.timePeriod));
	// the legal tracker's measures: published, public answers of the legal pillar, local ones only
	const measures = (await progress.legalMeasures(d)).filter((x) => mine.has(x.country) && !x.source);
	const legal: LegalFile = { frameworkVersion, measures: measures.map(({ country, period, indicatorId, questionId, answer, citation, adoptedOn, url, demo }) => ({ country, period, indicatorId, questionId, answer, citation, adoptedOn, url, demo })) };
	yield { name: 'legal.json', body: JSON.stringify(legal) };
	yield { name: 'observations.csv', body: progress.opendata.toSdmxCsv(obs) };
	yield { name: 'scores.json', body: JSON.stringify(scores) };
}

/**
 * Verified, not defunct services covering a country this instance speaks for, as HSDS 3.0 services,
 * SERVICES_PER_FILE to a file (services-0001.json, ...; one empty page when there are none). Made a
 * page at a time, so a member with 100,000 services never holds more than one page in memory.
 */
async function* servicesFiles(s: Settings): AsyncGenerator<FeedFile> {
	const mine = new Set(s.countries);
	let page: unknown[] = [];
	let n = 0;
	const file = (): FeedFile => ({ name: `services-${String(++n).padStart(4, '0')}.json`, body: JSON.stringify(page) });
	if (mine.size) {
		for (let at = 1; ; at++) {
			const { rows } = await directory.listForExport({ page: at, perPage: 200 });
			for (const r of rows) {
				if (!r.service.verifiedAt || r.service.status === 'defunct') continue;
				if (!r.service.countries.some((c: string) => mine.has(c))) continue;
				page.push(directory.hsds.toHsdsService(r));
				if (page.length === SERVICES_PER_FILE) {
					yield file();
					page = [];
				}
			}
			if (rows.length < 200) break;
		}
	}
	if (page.length || n === 0) yield file();
}

/**
 * Published public events in the countries this instance speaks for (and cancelled ones, so a hub
 * learns of the cancellation), as /api/v1/events gives them: no registrations, no online link.
 */
async function* eventsFiles(s: Settings, now = new Date()): AsyncGenerator<FeedFile> {
	const rows = await events.listForFederation(s.countries, now, LIMITS.eventsMax);
	const file: EventsFile = { events: rows.map((r) => events.presentOpenData(r.event, r.taken)) as EventsFile['events'] };
	yield { name: 'events.json', body: JSON.stringify(file) };
}

function buildFiles(d: Db | Tx, feed: Feed, s: Settings): AsyncGenerator<FeedFile> {
	if (feed === 'progress') return progressFiles(d, s);
	return feed === 'services' ? servicesFiles(s) : eventsFiles(s);
}

export type Snapshot = typeof federationSnapshots.$inferSelect;

const lastBuilt = new Map<string, number>();
const REBUILD_MS = () => Number(process.env.FEDERATION_SNAPSHOT_SECONDS ?? 60) * 1000;

export async function latestSnapshot(d: Db | Tx, feed: Feed): Promise<Snapshot | undefined> {
	const [row] = await d.select().from(federationSnapshots).where(eq(federationSnapshots.feed, feed)).orderBy(desc(federationSnapshots.sequence)).limit(1);
	return row;
}

export async function snapshotAt(d: Db | Tx, feed: Feed, sequence: number): Promise<Snapshot | undefined> {
	const [row] = await d.select().from(federationSnapshots).where(and(eq(federationSnapshots.feed, feed), eq(federationSnapshots.sequence, sequence)));
	return row;
}

/** The bytes of one file of a snapshot, with the hash its manifest gives; undefined when not kept. */
export async function snapshotFile(d: Db | Tx, feed: Feed, sequence: number, name: string): Promise<{ body: string; sha256: string } | undefined> {
	const [row] = await d
		.select({ body: federationSnapshotFiles.body, manifest: federationSnapshots.manifest })
		.from(federationSnapshotFiles)
		.innerJoin(federationSnapshots, and(eq(federationSnapshots.feed, federationSnapshotFiles.feed), eq(federationSnapshots.sequence, federationSnapshotFiles.sequence)))
		.where(and(eq(federationSnapshotFiles.feed, feed), eq(federationSnapshotFiles.sequence, sequence), eq(federationSnapshotFiles.name, name)));
	if (!row) return undefined;
	const entry = (row.manifest as { files: { name: string; sha256: string }[] }).files.find((f) => f.name === name);
	return { body: row.body, sha256: entry?.sha256 ?? sha256Hex(row.body) };
}

type Entry = { name: string; sha256: string; bytes: number; mediaType: string };
const entryOf = (f: FeedFile): Entry => ({ name: f.name, sha256: sha256Hex(f.body), bytes: Buffer.byteLength(f.body), mediaType: fileType(f.name) });
const contentHashOf = (countries: string[], entries: Entry[]) => sha256Hex(JSON.stringify({ countries, entries: [...entries].sort((a, b) => a.name.localeCompare(b.name)).map((e) => [e.name, e.sha256]) }));

/** Snapshots kept per feed: the newest and the one before (a hub may be fetching its files). */
const KEEP = 2;
const SNAPSHOT_LOCK = 0x636f7066; // 'copf': one snapshot builder at a time, across app instances

/**
 * The current snapshot of a feed: rebuilt from the data at most once a minute per process
 * (FEDERATION_SNAPSHOT_SECONDS), a new sequence only when the files changed. The files are first
 * only hashed (a page at a time) to see whether anything changed. Only then are they made again and
 * written, a row per file, under a staging number of their own (the directory's reads run outside
 * any transaction of ours); a short transaction then gives them the next sequence and signs the
 * manifest. Snapshots before the last two, and staged files an interrupted build left, are removed.
 */
export async function ensureSnapshot(d: Db | Tx, feed: Feed, now = new Date(), force = false): Promise<Snapshot> {
	const last = await latestSnapshot(d, feed);
	const key = `${feed}`;
	if (last && !force && now.getTime() - (lastBuilt.get(key) ?? 0) < REBUILD_MS()) return last;
	const s = await readSettings(d);
	const hashed: Entry[] = [];
	for await (const f of buildFiles(d, feed, s)) hashed.push(entryOf(f));
	lastBuilt.set(key, now.getTime());
	if (last && last.contentHash === contentHashOf(s.countries, hashed)) return last;
	const stage = -randomInt(1, 2 ** 31 - 1);
	const entries: Entry[] = [];
	for await (const f of buildFiles(d, feed, s)) {
		entries.push(entryOf(f));
		await d.insert(federationSnapshotFiles).values({ feed, sequence: stage, name: f.name, body: f.body });
	}
	const contentHash = contentHashOf(s.countries, entries);
	return d.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${SNAPSHOT_LOCK}, ${FEEDS.indexOf(feed)})`);
		const before = await latestSnapshot(tx, feed);
		// another app instance made the same snapshot meanwhile: keep theirs
		if (before && before.contentHash === contentHash) {
			await tx.delete(federationSnapshotFiles).where(and(eq(federationSnapshotFiles.feed, feed), eq(federationSnapshotFiles.sequence, stage)));
			return before;
		}
		const sequence = (before?.sequence ?? 0) + 1;
		await tx.update(federationSnapshotFiles).set({ sequence }).where(and(eq(federationSnapshotFiles.feed, feed), eq(federationSnapshotFiles.sequence, stage)));
		const k = await currentKey(tx);
		const manifest = signDocument(
			{ type: MANIFEST_TYPE, version: 1, instance: s.baseUrl, name: s.name, feed, sequence, created: now.toISOString(), countries: s.countries, files: entries },
			k.privateKey,
			`${s.baseUrl}/.well-known/cop-instance#${k.fingerprint}`,
			now
		);
		await tx.insert(federationSnapshots).values({ feed, sequence, createdAt: now, contentHash, manifest });
		// staged rows have negative numbers: an interrupted build's go with the old snapshots
		await tx.delete(federationSnapshotFiles).where(and(eq(federationSnapshotFiles.feed, feed), lte(federationSnapshotFiles.sequence, sequence - KEEP)));
		await tx.delete(federationSnapshots).where(and(eq(federationSnapshots.feed, feed), lte(federationSnapshots.sequence, sequence - KEEP)));
		return (await latestSnapshot(tx, feed))!;
	});
}

/** Forget when snapshots were last built (tests, and after a key rotation). */
export function forgetBuilt(): void {
	lastBuilt.clear();
}
