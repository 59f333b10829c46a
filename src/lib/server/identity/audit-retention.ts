// Retention of the audit log: entries older than the period (two years by default) are first written
// to an archive file, one JSON object per line with their hashes, then deleted; the chain's new start
// (the last archived entry's hash) is kept as its anchor, so `npm run audit:verify` still checks
// every entry left, and the archive file can be checked on its own. The delete is the only one the
// database allows (`cop.audit_prune`, set for this transaction only; migration 0007).
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { asc, lt, lte, sql } from 'drizzle-orm';
import type { Tx } from '../db';
import { setMeta } from '../platform/meta';
import * as retention from '../platform/retention';
import { ANCHOR_KEY } from './audit';
import { auditLog } from './schema';

/** Where archives go: AUDIT_ARCHIVE_DIR, else `$DATA_DIR/audit-archive`. */
export function archiveDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.AUDIT_ARCHIVE_DIR ?? path.join(env.DATA_DIR ?? './data', 'audit-archive');
}

/** At most this many entries per run, so one run stays short; the next day takes the rest. */
const BATCH = 50_000;

/** Archives and deletes entries older than `cutoff`. Returns how many were archived. */
export async function archiveAndPrune(tx: Tx, cutoff: Date, dir = archiveDir()): Promise<{ count: number; file: string | null }> {
	// the same lock as writers: nobody extends the chain while its start moves
	await tx.execute(sql`select pg_advisory_xact_lock(${0x636f7061})`);
	const rows = await tx.select().from(auditLog).where(lt(auditLog.at, cutoff)).orderBy(asc(auditLog.id)).limit(BATCH);
	if (!rows.length) return { count: 0, file: null };
	const first = rows[0].id;
	const last = rows[rows.length - 1];
	await mkdir(dir, { recursive: true, mode: 0o700 });
	const file = path.join(dir, `audit-${String(first).padStart(12, '0')}-${String(last.id).padStart(12, '0')}.jsonl`);
	const handle = await open(file, 'wx', 0o600);
	try {
		await handle.writeFile(rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
		await handle.sync(); // on disk before anything is deleted
	} finally {
		await handle.close();
	}
	await tx.execute(sql`select set_config('cop.audit_prune', 'on', true)`);
	await tx.delete(auditLog).where(lte(auditLog.id, last.id));
	await tx.execute(sql`select set_config('cop.audit_prune', 'off', true)`);
	await setMeta(ANCHOR_KEY, { afterId: last.id, hash: last.hash }, tx);
	return { count: rows.length, file };
}

retention.register({
	name: 'audit_log',
	what: 'audit entries two years old, archived to a file (AUDIT_ARCHIVE_DIR) before they are deleted',
	defaultDays: 730,
	prune: async (tx, cutoff) => (await archiveAndPrune(tx, cutoff)).count
});
