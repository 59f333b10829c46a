// Deployment-wide facts kept in the database (when demo content was seeded, and so on).
import { eq } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { appMeta } from './schema';

export async function getMeta<T = unknown>(key: string, tx: Db | Tx = db()): Promise<T | undefined> {
	const [row] = await tx.select().from(appMeta).where(eq(appMeta.key, key));
	return row?.value as T | undefined;
}

export async function setMeta(key: string, value: unknown, tx: Db | Tx = db()): Promise<void> {
	await tx
		.insert(appMeta)
		.values({ key, value })
		.onConflictDoUpdate({ target: appMeta.key, set: { value, updatedAt: new Date() } });
}

/**
 * The name the public sees for this deployment (a COP unit, ITU): verified listings say that it
 * verified them, never which account did. `DEPLOYMENT_NAME`, else `ISSUER_NAME`, else "COP Platform".
 */
export function deploymentName(): string {
	return process.env.DEPLOYMENT_NAME?.trim() || process.env.ISSUER_NAME?.trim() || 'COP Platform';
}
