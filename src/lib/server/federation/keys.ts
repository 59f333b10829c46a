// The instance's signing keys: generated once, private part sealed under the master key
// (platform/secrets, as the certificate issuer key is), rotated by an administrator. A rotated key
// stays listed with its validity; the new key is endorsed by the old one.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { asc, eq, isNull } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { seal, unseal } from '../platform/secrets';
import { base58btc, endorse, fingerprint, rawPublicKey } from './crypto';
import { federationKeys } from './schema';

export interface SigningKey {
	fingerprint: string;
	publicKeyRaw: Buffer;
	privateKey: KeyObject;
}

const context = (fp: string) => `federation_keys:${fp}`;

function newPair(): { fp: string; raw: Buffer; pkcs8: string; privateKey: KeyObject } {
	const pair = generateKeyPairSync('ed25519');
	const raw = rawPublicKey(pair.publicKey);
	return { fp: fingerprint(raw), raw, pkcs8: (pair.privateKey.export({ format: 'der', type: 'pkcs8' }) as Buffer).toString('base64'), privateKey: pair.privateKey };
}

async function open(d: Db | Tx, row: typeof federationKeys.$inferSelect): Promise<SigningKey> {
	const { plaintext, stale } = unseal(row.privateKey, context(row.fingerprint));
	if (stale) await d.update(federationKeys).set({ privateKey: seal(plaintext, context(row.fingerprint)) }).where(eq(federationKeys.fingerprint, row.fingerprint));
	return {
		fingerprint: row.fingerprint,
		publicKeyRaw: Buffer.from(row.publicKey, 'base64'),
		privateKey: createPrivateKey({ key: Buffer.from(plaintext, 'base64'), format: 'der', type: 'pkcs8' })
	};
}

/**
 * The current signing key, generated on first use. Two app servers using it for the first time at
 * once may both insert one; both then read the same first row, and the other is deleted (it never
 * signed anything: only the first row is ever used).
 */
export async function currentKey(d: Db | Tx): Promise<SigningKey> {
	let rows = await d.select().from(federationKeys).where(isNull(federationKeys.retiredAt)).orderBy(asc(federationKeys.validFrom), asc(federationKeys.fingerprint));
	if (!rows.length) {
		const k = newPair();
		await d.insert(federationKeys).values({ fingerprint: k.fp, publicKey: k.raw.toString('base64'), privateKey: seal(k.pkcs8, context(k.fp)) }).onConflictDoNothing();
		rows = await d.select().from(federationKeys).where(isNull(federationKeys.retiredAt)).orderBy(asc(federationKeys.validFrom), asc(federationKeys.fingerprint));
		for (const extra of rows.slice(1)) if (!extra.endorsement) await d.delete(federationKeys).where(eq(federationKeys.fingerprint, extra.fingerprint));
	}
	return open(d, rows[0]);
}

export interface PublicKeyInfo {
	fingerprint: string;
	publicKeyMultibase: string;
	publicKey: string;
	validFrom: string;
	validUntil: string | null;
	endorsement: string | null;
	endorsedBy: string | null;
}

/** Every key ever used, newest first, public parts only. */
export async function listKeys(d: Db | Tx): Promise<PublicKeyInfo[]> {
	const rows = await d.select().from(federationKeys).orderBy(asc(federationKeys.validFrom));
	return rows.reverse().map((r) => ({
		fingerprint: r.fingerprint,
		publicKey: r.publicKey,
		publicKeyMultibase: multibase(Buffer.from(r.publicKey, 'base64')),
		validFrom: r.validFrom.toISOString(),
		validUntil: r.retiredAt?.toISOString() ?? null,
		endorsement: r.endorsement,
		endorsedBy: r.endorsedBy
	}));
}

function multibase(raw: Uint8Array): string {
	return 'z' + base58btc(Uint8Array.from([0xed, 0x01, ...raw]));
}

/** Makes a new current key endorsed by the old one, and retires the old one (kept for verification). */
export async function rotate(tx: Db | Tx, now = new Date()): Promise<{ previous: string; current: string }> {
	const old = await currentKey(tx);
	const k = newPair();
	await tx.update(federationKeys).set({ retiredAt: now }).where(eq(federationKeys.fingerprint, old.fingerprint));
	await tx.insert(federationKeys).values({
		fingerprint: k.fp,
		publicKey: k.raw.toString('base64'),
		privateKey: seal(k.pkcs8, context(k.fp)),
		validFrom: now,
		endorsement: endorse(k.fp, old.privateKey),
		endorsedBy: old.fingerprint
	});
	return { previous: old.fingerprint, current: k.fp };
}
