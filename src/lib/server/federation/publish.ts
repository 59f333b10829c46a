// Publisher side: the signed snapshots of what this instance already publishes, for the countries
// it speaks for. A snapshot is a manifest (feed, sequence, created, sha256 of each file) with an
// eddsa-jcs-2022 proof, and its files, stored so the bytes served always match the hashes; a new
// sequence is made only when the content changed.
import { and, desc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import * as directory from '../directory';
import * as progress from '../progress';
import { sha256Hex, signDocument } from './crypto';
import { currentKey } from './keys';
import { federationSnapshots } from './schema';
import { readSettings, type Feed, type Settings } from './settings';

export const MANIFEST_TYPE = 'CopFederationManifest';
export const FILE_TYPES: Record<string, string> = {
	'scores.json': 'application/json',
	'observations.csv': 'text/csv; charset=utf-8; header=present',
	'services.json': 'application/json'
};
/** The files each feed carries: nothing else is ever fetched. */
export const FEED_FILES: Record<Feed, string[]> = { progress: ['scores.json', 'observations.csv'], services: ['services.json'] };

export interface ScoresFile {
	frameworkVersion: number | null;
	results: progress.CountryResult[];
}

/** Published (validated) country results for the countries this instance speaks for, federated ones left out. */
async function progressFiles(d: Db | Tx, s: Settings): Promise<Record<string, string>> {
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
	return { 'scores.json': JSON.stringify(scores), 'observations.csv': progress.opendata.toSdmxCsv(obs) };
}

/** Verified, not defunct services covering a country this instance speaks for, as HSDS 3.0 services. */
async function servicesFiles(s: Settings): Promise<Record<string, string>> {
	const mine = new Set(s.countries);
	const out: unknown[] = [];
	if (mine.size) {
		for (let page = 1; ; page++) {
			const { rows } = await directory.listForExport({ page, perPage: 200 });
			for (const r of rows) {
				if (!r.service.verifiedAt || r.service.status === 'defunct') continue;
				if (!r.service.countries.some((c: string) => mine.has(c))) continue;
				out.push(directory.hsds.toHsdsService(r));
			}
			if (rows.length < 200) break;
		}
	}
	return { 'services.json': JSON.stringify(out) };
}

async function buildFiles(d: Db | Tx, feed: Feed, s: Settings): Promise<Record<string, string>> {
	return feed === 'progress' ? progressFiles(d, s) : servicesFiles(s);
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

/**
 * The current snapshot of a feed: rebuilt from the data at most once a minute per process
 * (FEDERATION_SNAPSHOT_SECONDS), a new sequence only when the files changed.
 */
export async function ensureSnapshot(d: Db | Tx, feed: Feed, now = new Date(), force = false): Promise<Snapshot> {
	const last = await latestSnapshot(d, feed);
	const key = `${feed}`;
	if (last && !force && now.getTime() - (lastBuilt.get(key) ?? 0) < REBUILD_MS()) return last;
	const s = await readSettings(d);
	const files = await buildFiles(d, feed, s);
	const names = Object.keys(files).sort();
	const entries = names.map((name) => ({ name, sha256: sha256Hex(files[name]), bytes: Buffer.byteLength(files[name]), mediaType: FILE_TYPES[name] }));
	const contentHash = sha256Hex(JSON.stringify({ countries: s.countries, entries: entries.map((e) => [e.name, e.sha256]) }));
	lastBuilt.set(key, now.getTime());
	if (last && last.contentHash === contentHash) return last;
	const sequence = (last?.sequence ?? 0) + 1;
	const k = await currentKey(d);
	const manifest = signDocument(
		{ type: MANIFEST_TYPE, version: 1, instance: s.baseUrl, name: s.name, feed, sequence, created: now.toISOString(), countries: s.countries, files: entries },
		k.privateKey,
		`${s.baseUrl}/.well-known/cop-instance#${k.fingerprint}`,
		now
	);
	await d.insert(federationSnapshots).values({ feed, sequence, createdAt: now, contentHash, manifest, files }).onConflictDoNothing();
	return (await latestSnapshot(d, feed))!;
}

/** Forget when snapshots were last built (tests, and after a key rotation). */
export function forgetBuilt(): void {
	lastBuilt.clear();
}
