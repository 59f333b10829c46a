// The audit log: who changed what, when, with the state before and after. Written in the same
// transaction as the change it records, so the two can never disagree.
//
// Entries form a hash chain: each stores the hash of the entry before it and a hash over its own
// content and that link. Editing, deleting or inserting an entry in the database breaks the chain
// at that point, which `verifyChain` (run by `npm run audit:verify` and on /admin/audit) reports.
// The database also refuses UPDATE and DELETE on the table (migration 0006's trigger), except for
// blanking the copied actor email when an account is anonymised, and pruning by the retention job.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, gt, ilike, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { containsPattern, db, type Db, type Tx } from '../db';
import { searchText } from '../platform/validate';
import { canonicalize } from '../platform/canonical';
import { currentRequestId } from '../platform/context';
import { getMeta } from '../platform/meta';
import { auditLog } from './schema';
import type { Actor } from './policy';

export interface AuditEntryInput {
	action: string;
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
}

/** The hash the first entry of a chain links to. */
export const GENESIS = '0'.repeat(64);
/** Advisory lock key that orders audit writes, so the chain has one order across app instances. */
const CHAIN_LOCK = 0x636f7061; // 'copa'
/** app_meta key of the chain's start after pruning: `{ afterId, hash }`. */
export const ANCHOR_KEY = 'audit_chain_anchor';

type Row = typeof auditLog.$inferSelect;
type Hashed = Pick<Row, 'at' | 'actorId' | 'action' | 'entityType' | 'entityId' | 'before' | 'after' | 'requestId'>;

/** JSON as the database will hand it back (dates become strings, undefined disappears). */
function asStored(value: unknown): unknown {
	return value === undefined || value === null ? null : JSON.parse(JSON.stringify(value));
}

/**
 * The hash of one entry. The copied actor email is left out on purpose: it is blanked when an
 * account is anonymised, and the actor id still says who acted.
 */
export function entryHash(prevHash: string, e: Hashed): string {
	const content = canonicalize({
		at: e.at.toISOString(),
		actorId: e.actorId ?? null,
		action: e.action,
		entityType: e.entityType,
		entityId: e.entityId,
		before: asStored(e.before),
		after: asStored(e.after),
		requestId: e.requestId ?? null
	});
	return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Entries written before the chain existed get their links, in id order (under the chain lock). */
async function chainLegacyEntries(tx: Db | Tx, prev: string): Promise<string> {
	const rows = await tx.select().from(auditLog).where(isNull(auditLog.hash)).orderBy(asc(auditLog.id));
	for (const r of rows) {
		const hash = entryHash(prev, r);
		await tx.update(auditLog).set({ prevHash: prev, hash }).where(eq(auditLog.id, r.id));
		prev = hash;
	}
	return prev;
}

/** Records one change. `actor` is null only for changes the system makes on its own (first-run set-up). */
export async function record(tx: Db | Tx, actor: Actor | null, entry: AuditEntryInput): Promise<void> {
	// one writer at a time extends the chain; the lock ends with the caller's transaction
	await tx.execute(sql`select pg_advisory_xact_lock(${CHAIN_LOCK})`);
	const [last] = await tx.select({ id: auditLog.id, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.id)).limit(1);
	let prev = last?.hash ?? ((await getMeta<{ hash: string }>(ANCHOR_KEY, tx))?.hash ?? GENESIS);
	if (last && !last.hash) prev = await chainLegacyEntries(tx, (await getMeta<{ hash: string }>(ANCHOR_KEY, tx))?.hash ?? GENESIS);
	const row: Hashed & { actorEmail: string | null } = {
		at: new Date(),
		actorId: actor?.id ?? null,
		actorEmail: actor?.email ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		before: asStored(entry.before),
		after: asStored(entry.after),
		requestId: currentRequestId() ?? null
	};
	await tx.insert(auditLog).values({ ...row, prevHash: prev, hash: entryHash(prev, row) });
}

export interface ChainCheck {
	ok: boolean;
	/** entries checked */
	checked: number;
	/** the first entry that does not fit, and why */
	brokenAt?: { id: number; reason: 'hash_mismatch' | 'link_mismatch' | 'missing_hash' };
}

/** Walks the whole log in id order and checks every link and hash. */
export async function verifyChain(d: Db | Tx = db()): Promise<ChainCheck> {
	let prev = (await getMeta<{ hash: string }>(ANCHOR_KEY, d))?.hash ?? GENESIS;
	let after = 0;
	let checked = 0;
	for (;;) {
		const rows = await d.select().from(auditLog).where(gt(auditLog.id, after)).orderBy(asc(auditLog.id)).limit(1000);
		if (!rows.length) return { ok: true, checked };
		for (const r of rows) {
			if (!r.hash || !r.prevHash) return { ok: false, checked, brokenAt: { id: r.id, reason: 'missing_hash' } };
			if (r.prevHash !== prev) return { ok: false, checked, brokenAt: { id: r.id, reason: 'link_mismatch' } };
			if (entryHash(r.prevHash, r) !== r.hash) return { ok: false, checked, brokenAt: { id: r.id, reason: 'hash_mismatch' } };
			prev = r.hash;
			checked++;
		}
		after = rows[rows.length - 1].id;
	}
}

export interface AuditQuery {
	/** matches action, entity type/id or actor email */
	q?: string;
	/** keyset paging: entries older than this id */
	before?: number;
	limit?: number;
}

export async function list(query: AuditQuery = {}) {
	const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
	const where: SQL[] = [];
	if (query.before) where.push(lt(auditLog.id, query.before));
	const q = searchText(query.q);
	if (q) {
		const like = containsPattern(q);
		where.push(or(ilike(auditLog.action, like), ilike(auditLog.entityType, like), eq(auditLog.entityId, q), ilike(auditLog.actorEmail, like))!);
	}
	return db()
		.select()
		.from(auditLog)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit);
}
