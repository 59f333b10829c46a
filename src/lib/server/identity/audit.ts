// The audit log: who changed what, when, with the state before and after. Written in the same
// transaction as the change it records, so the two can never disagree.
import { and, desc, eq, ilike, lt, or, type SQL } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { currentRequestId } from '../platform/context';
import { auditLog } from './schema';
import type { Actor } from './policy';

export interface AuditEntryInput {
	action: string;
	entityType: string;
	entityId: string;
	before?: unknown;
	after?: unknown;
}

/** Records one change. `actor` is null only for changes the system makes on its own (first-run set-up). */
export async function record(tx: Db | Tx, actor: Actor | null, entry: AuditEntryInput): Promise<void> {
	await tx.insert(auditLog).values({
		actorId: actor?.id ?? null,
		actorEmail: actor?.email ?? null,
		action: entry.action,
		entityType: entry.entityType,
		entityId: entry.entityId,
		before: entry.before ?? null,
		after: entry.after ?? null,
		requestId: currentRequestId() ?? null
	});
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
	if (query.q) {
		const like = `%${query.q.replace(/[%_\\]/g, (c) => '\\' + c)}%`;
		where.push(
			or(ilike(auditLog.action, like), ilike(auditLog.entityType, like), eq(auditLog.entityId, query.q), ilike(auditLog.actorEmail, like))!
		);
	}
	return db()
		.select()
		.from(auditLog)
		.where(where.length ? and(...where) : undefined)
		.orderBy(desc(auditLog.id))
		.limit(limit);
}
