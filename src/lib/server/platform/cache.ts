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
import { db, type Database, type Db, type Tx } from '../db';
import { cacheVersions } from './schema';

/**
 * What public pages are made of. A page depends on one or more of these. `content` is the bundled
 * content (toolkits): it changes only with a new build, whose restart empties the memory, so
 * nothing bumps it and its pages live out their five minutes. `translations` is how each language
 * shows unreviewed content (translations/display.ts), which changes what content pages show.
 */
export const TAGS = ['directory', 'progress', 'events', 'participation', 'learning', 'library', 'network', 'content', 'translations'] as const;
export type Tag = (typeof TAGS)[number];

/** The channel on which committed bumps are announced to every instance (`tag:version`). */
export const CHANNEL = 'cop_cache';

/**
 * Marks `tags` as changed: pages rendered before the surrounding transaction commits are dropped.
 * The new counter is also announced with NOTIFY, which PostgreSQL delivers to every listening
 * instance when (and only if) the transaction commits; `live` (below) follows those announcements.
 */
export async function invalidate(tx: Db | Tx, ...tags: Tag[]): Promise<void> {
	for (const tag of new Set(tags)) {
		const [row] = await tx
			.insert(cacheVersions)
			.values({ tag, version: 1 })
			.onConflictDoUpdate({ target: cacheVersions.tag, set: { version: sql`${cacheVersions.version} + 1`, updatedAt: new Date() } })
			.returning({ version: cacheVersions.version });
		live.expect(tag, row.version);
		await tx.execute(sql`select pg_notify(${CHANNEL}, ${`${tag}:${row.version}`})`);
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

const PENDING_MS = 60_000;

/**
 * The counters as this process last heard them, kept current by LISTEN/NOTIFY instead of a read per
 * request: what lets the page cache answer before SvelteKit runs (page-cache.ts, `front`). Only
 * trusted while the listening connection is up (after it comes back, the counters are read again
 * before anything is served from them) and for tags this process is not itself changing: a bump
 * made here is "expected" from the moment it is written until its announcement arrives, so a
 * visitor who just saved something never gets the page from before (their next request takes the
 * full path, which reads the counters from the database). A bump rolled back stops being expected
 * when the same number is announced by a later one, or after a minute.
 */
export class LiveVersions {
	private readonly versions = new Map<string, number>();
	private readonly expected = new Map<string, { version: number; at: number }>();
	private listening = false;
	private ready = false;
	private generation = 0;
	private stop: (() => Promise<void>) | undefined;
	private handle: object | undefined;

	/** Follows the announcements on `database` (once; later calls do nothing until `close`). */
	async start(database: Pick<Database, 'listen' | 'db'>): Promise<void> {
		if (this.stop) return;
		this.handle = database.db;
		this.stop = await database.listen(CHANNEL, (payload) => this.heard(payload), (up) => {
			const generation = ++this.generation;
			this.listening = up;
			this.ready = false;
			if (!up) return;
			// listening first, then read: nothing committed in between is missed
			readVersions(database.db).then(
				(read) => {
					if (generation !== this.generation) return;
					this.observe(read);
					this.ready = true;
				},
				() => {}
			);
		});
	}

	async close(): Promise<void> {
		const stop = this.stop;
		this.stop = undefined;
		this.handle = undefined;
		this.listening = this.ready = false;
		this.generation++;
		await stop?.();
	}

	/** A bump this process wrote (not yet committed): not to be trusted until it is announced. */
	expect(tag: string, version: number): void {
		const known = this.expected.get(tag);
		if (!known || known.version < version) this.expected.set(tag, { version, at: Date.now() });
	}

	/** Counters read from the database (they only ever grow): never lets this process fall behind. */
	observe(read: Versions): void {
		for (const [tag, version] of read) this.raise(tag, version);
	}

	/** `stamp(counters, tags)` when the counters of `tags` can be trusted, else null. */
	stampOf(tags: readonly Tag[]): string | null {
		if (!this.ready || !this.listening) return null;
		for (const tag of tags) {
			const wait = this.expected.get(tag);
			if (!wait) continue;
			if (wait.version <= (this.versions.get(tag) ?? 0)) this.expected.delete(tag);
			else if (Date.now() - wait.at < PENDING_MS) return null;
			else this.expected.delete(tag);
		}
		return stamp(this.versions, tags);
	}

	/** The counter of `tag` on the database `handle` when it can be trusted, else null (read it). */
	version(tag: Tag, handle: object): number | null {
		if (handle !== this.handle || this.stampOf([tag]) === null) return null;
		return this.versions.get(tag) ?? 0;
	}

	private heard(payload: string): void {
		const sep = payload.lastIndexOf(':');
		const version = Number(payload.slice(sep + 1));
		if (sep > 0 && Number.isSafeInteger(version)) this.raise(payload.slice(0, sep), version);
	}

	private raise(tag: string, version: number): void {
		if (version > (this.versions.get(tag) ?? 0)) this.versions.set(tag, version);
		const wait = this.expected.get(tag);
		if (wait && wait.version <= version) this.expected.delete(tag);
	}
}

/** This process's counters, started with the database (startup.ts). */
export const live = new LiveVersions();

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
		const version = live.version(this.tag, handle) ?? (await readVersion(this.tag, handle));
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
