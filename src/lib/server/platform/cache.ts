// Invalidation of the rendered-page cache (page-cache.ts), shared by every app instance.
//
// Each kind of public data has a counter row in `cache_versions`. A module's commands bump their
// tag in the same transaction as the write (`cache.invalidate(tx, 'directory')`, one call site per
// module), so the bump commits or rolls back with the data. Every instance reads the rows (one tiny
// table, primary key) before it serves or renders a cacheable page, and a cached page is only used
// while the counters it was rendered under are unchanged. This works the same on PGlite and on any
// number of instances sharing one PostgreSQL; see docs/decisions.md ("Page cache invalidation: a
// version counter read per request, not LISTEN/NOTIFY").
import { sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { cacheVersions } from './schema';

/**
 * What public pages are made of. A page depends on one or more of these. `content` is the bundled
 * content (toolkits): it changes only with a new build, whose restart empties the memory, so
 * nothing bumps it and its pages live out their five minutes. `translations` is how each language
 * shows unreviewed content (translations/display.ts), which changes what content pages show.
 */
export const TAGS = ['directory', 'progress', 'events', 'participation', 'learning', 'library', 'network', 'content', 'translations'] as const;
export type Tag = (typeof TAGS)[number];

/** Marks `tags` as changed: pages rendered before the surrounding transaction commits are dropped. */
export async function invalidate(tx: Db | Tx, ...tags: Tag[]): Promise<void> {
	for (const tag of new Set(tags)) {
		await tx
			.insert(cacheVersions)
			.values({ tag, version: 1 })
			.onConflictDoUpdate({ target: cacheVersions.tag, set: { version: sql`${cacheVersions.version} + 1`, updatedAt: new Date() } });
	}
}

export type Versions = ReadonlyMap<string, number>;

/** The current counters (tags never bumped are absent and count as 0). */
export async function readVersions(handle: Db | Tx = db()): Promise<Versions> {
	const rows = await handle.select({ tag: cacheVersions.tag, version: cacheVersions.version }).from(cacheVersions);
	return new Map(rows.map((r) => [r.tag, r.version]));
}

/** The part of `versions` that a page depending on `tags` was made under, as a comparable string. */
export function stamp(versions: Versions, tags: readonly Tag[]): string {
	return tags.map((t) => `${t}:${versions.get(t) ?? 0}`).join(',');
}

/** The current counter of one tag (0 when never bumped): one primary-key read. */
export async function readVersion(tag: Tag, handle: Db | Tx = db()): Promise<number> {
	const rows = await handle.select({ version: cacheVersions.version }).from(cacheVersions).where(sql`${cacheVersions.tag} = ${tag}`);
	return rows[0]?.version ?? 0;
}

/**
 * Results computed from the data behind one tag, kept in this process and reused while the tag's
 * counter is unchanged: a search that many visitors make is computed once per change of the data,
 * on every instance, and never served stale (the counter is read from the database each time).
 * Bounded (least recently used entries go first) and kept per database handle, so tests that open a
 * fresh database never see another's results.
 */
export class TagMemo<T> {
	private readonly byDb = new WeakMap<object, Map<string, { version: number; value: T }>>();
	/** computations under way, by version and key: requests arriving meanwhile wait for the same one */
	private readonly running = new WeakMap<object, Map<string, Promise<T>>>();

	constructor(
		private readonly tag: Tag,
		private readonly max = 500
	) {}

	async get(key: string, compute: () => Promise<T>): Promise<T> {
		const handle = db();
		let entries = this.byDb.get(handle);
		if (!entries) this.byDb.set(handle, (entries = new Map()));
		const version = await readVersion(this.tag, handle);
		const hit = entries.get(key);
		if (hit && hit.version === version) {
			entries.delete(key); // most recently used goes last
			entries.set(key, hit);
			return hit.value;
		}
		let running = this.running.get(handle);
		if (!running) this.running.set(handle, (running = new Map()));
		const runs = running;
		const runKey = `${version}\u0000${key}`;
		let pending = runs.get(runKey);
		if (!pending) {
			pending = compute().finally(() => runs.delete(runKey));
			runs.set(runKey, pending);
		}
		const value = await pending;
		const kept = entries.get(key);
		if (kept && kept.version > version) return value; // a newer result was stored meanwhile
		entries.delete(key);
		entries.set(key, { version, value });
		while (entries.size > this.max) entries.delete(entries.keys().next().value!);
		return value;
	}
}
