// The framework as versioned data: files under content/progress/frameworks/<key>/<version>.json,
// validated on load (a bad file fails loudly, naming the file and the reason), and stored in the
// database as versions that move draft -> published -> retired.
import { invalidate as invalidateCache } from '../platform/cache';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { bundledContent, ContentError, subtree, type ContentFiles } from '../content';
import { checkFramework } from '../../progress/framework-schema';
import type { Framework, FrameworkStatus } from '../../progress/model';
import { frameworkVersions } from './schema';

/** Where framework files live, relative to the repository (for messages and audit sources). */
export const FRAMEWORKS_PATH = 'content/progress/frameworks';

/** Parses and validates framework JSON text; `where` names the source in errors (ContentError). */
export function parseFramework(json: string, where: string): Framework {
	let raw: unknown;
	try {
		raw = JSON.parse(json);
	} catch (e) {
		throw ContentError.of(where, [`not valid JSON: ${(e as Error).message}`]);
	}
	const r = checkFramework(raw);
	if (!r.ok) throw ContentError.of(where, r.problems);
	return r.framework;
}

/** A framework file shipped with the platform: `path` is relative to content/progress/frameworks. */
export interface FrameworkFile {
	path: string;
	text: string;
}

/** Loads one framework file; its path must be <key>/<version>.json matching the key and version inside. */
export function loadFrameworkFile(file: FrameworkFile): Framework {
	const where = `${FRAMEWORKS_PATH}/${file.path}`;
	const fw = parseFramework(file.text, where);
	const expected = `${fw.key}/${fw.version}.json`;
	if (file.path !== expected) throw ContentError.of(where, [`file should be at <frameworks>/${expected} (key and version inside the file)`]);
	return fw;
}

/** Every framework file in the bundled content (or `files`, keyed relative to the frameworks folder), newest version last per key. */
export function contentFrameworkFiles(files: ContentFiles = subtree(bundledContent(), 'progress/frameworks')): FrameworkFile[] {
	return Object.keys(files)
		.filter((k) => /^[^/]+\/\d+\.json$/.test(k))
		.sort((a, b) => {
			const [ka, va] = a.split('/');
			const [kb, vb] = b.split('/');
			return ka.localeCompare(kb) || parseInt(va) - parseInt(vb);
		})
		.map((path) => ({ path, text: files[path] }));
}

export interface FrameworkVersionInfo {
	version: number;
	key: string;
	status: FrameworkStatus;
	publishedAt: Date | null;
	source: string;
	createdAt: Date;
}

export async function listFrameworkVersions(d: Db | Tx): Promise<{ version: number; status: FrameworkStatus; publishedAt: Date | null }[]> {
	const rows = await listFrameworkVersionDetails(d);
	return rows.map((r) => ({ version: r.version, status: r.status, publishedAt: r.publishedAt }));
}

export async function listFrameworkVersionDetails(d: Db | Tx): Promise<FrameworkVersionInfo[]> {
	const rows = await d
		.select({
			version: frameworkVersions.version,
			key: frameworkVersions.key,
			status: frameworkVersions.status,
			publishedAt: frameworkVersions.publishedAt,
			source: frameworkVersions.source,
			createdAt: frameworkVersions.createdAt
		})
		.from(frameworkVersions)
		.orderBy(desc(frameworkVersions.version));
	return rows.map((r) => ({ ...r, status: r.status as FrameworkStatus }));
}

/** The latest published version number, or null when nothing is published yet. */
export async function latestPublishedVersion(d: Db | Tx): Promise<number | null> {
	const [row] = await d
		.select({ version: frameworkVersions.version })
		.from(frameworkVersions)
		.where(eq(frameworkVersions.status, 'published'))
		.orderBy(desc(frameworkVersions.version))
		.limit(1);
	return row?.version ?? null;
}

const cache = new Map<string, Framework>();

/**
 * A framework by version (any status), or the latest published one. Published content never
 * changes, so it is cached by row id.
 */
export async function findFramework(d: Db | Tx, version?: number): Promise<Framework | null> {
	const where = version === undefined ? eq(frameworkVersions.status, 'published') : eq(frameworkVersions.version, version);
	const [head] = await d
		.select({ id: frameworkVersions.id, status: frameworkVersions.status })
		.from(frameworkVersions)
		.where(where)
		.orderBy(desc(frameworkVersions.version))
		.limit(1);
	if (!head) return null;
	const hit = cache.get(head.id);
	if (hit) return hit;
	const [row] = await d.select({ content: frameworkVersions.content }).from(frameworkVersions).where(eq(frameworkVersions.id, head.id));
	if (head.status !== 'draft') cache.set(head.id, row.content);
	return row.content;
}

/** Versions whose scores are kept up to date (published and retired; drafts only on request). */
export async function scoredVersions(d: Db | Tx): Promise<number[]> {
	const rows = await d
		.select({ version: frameworkVersions.version })
		.from(frameworkVersions)
		.where(inArray(frameworkVersions.status, ['published', 'retired']));
	return rows.map((r) => r.version);
}

/** Stores a framework as a draft version (replacing an unpublished draft of the same number). */
export async function storeDraft(tx: Db | Tx, fw: Framework, source: string): Promise<'created' | 'replaced'> {
	const [existing] = await tx.select().from(frameworkVersions).where(eq(frameworkVersions.version, fw.version));
	if (existing && existing.status !== 'draft') return Promise.reject(new VersionTakenError(fw.version));
	if (existing) {
		await tx.update(frameworkVersions).set({ key: fw.key, content: fw, source, createdAt: new Date() }).where(eq(frameworkVersions.id, existing.id));
		return 'replaced';
	}
	await tx.insert(frameworkVersions).values({ key: fw.key, version: fw.version, content: fw, source, status: 'draft' });
	return 'created';
}

export class VersionTakenError extends Error {
	constructor(readonly version: number) {
		super(`framework version ${version} is already published`);
	}
}

/** Marks a version published; earlier published versions stay readable (status stays published until retired). */
export async function markPublished(tx: Db | Tx, version: number, actorId: string | null): Promise<void> {
	await invalidateCache(tx, 'progress');
	await tx
		.update(frameworkVersions)
		.set({ status: 'published', publishedAt: new Date(), publishedBy: actorId })
		.where(and(eq(frameworkVersions.version, version), ne(frameworkVersions.status, 'published')));
}

export async function markRetired(tx: Db | Tx, version: number): Promise<void> {
	await invalidateCache(tx, 'progress');
	await tx.update(frameworkVersions).set({ status: 'retired' }).where(eq(frameworkVersions.version, version));
}
