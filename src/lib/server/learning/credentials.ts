// Open Badges 3.0 certificates: the credential document, its Data Integrity proof (cryptosuite
// eddsa-jcs-2022, platform/data-integrity.ts, shared with federation manifests), the deployment's
// key pair kept in the database, and verification. See docs/learning.md.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { canonicalize } from '../platform/canonical';
import { base58btc, fromBase58btc as decode58 } from '../platform/base58';
import { publicKeyFromRaw, rawPublicKey, signDataIntegrity, verifyDataIntegrity, type ProofCheck as IntegrityCheck } from '../platform/data-integrity';
import { seal, unseal } from '../platform/secrets';
import { issuerKeys } from './schema';

export const OB3_CONTEXT = ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'];
const KEY_ID = 'ob3-issuer';

/** The public origin credentials and activity ids live under (ORIGIN, as adapter-node uses it). */
export function origin(): string {
	return (process.env.ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export const issuerId = () => `${origin()}/learn/issuer`;
export const statusListId = () => `${origin()}/learn/status`;
export const credentialUrl = (id: string) => `${origin()}/learn/certificates/${id}`;

// ---- JCS (RFC 8785): platform/canonical.ts, shared with the audit log's hash chain ----------

export { canonicalize };

// ---- base58btc multibase ----------------------------------------------------------------------

export { base58btc };

export function fromBase58btc(s: string): Uint8Array {
	const bytes = decode58(s);
	if (!bytes) throw new Error('not base58btc');
	return bytes;
}

/** Multikey encoding of an Ed25519 public key: 'z' + base58btc(0xed 0x01 + 32 bytes). */
export function publicKeyMultibase(raw: Uint8Array): string {
	return 'z' + base58btc(Uint8Array.from([0xed, 0x01, ...raw]));
}

export function rawFromMultibase(multibase: string): Uint8Array | undefined {
	if (!multibase.startsWith('z')) return;
	try {
		const bytes = fromBase58btc(multibase.slice(1));
		if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) return;
		return bytes.slice(2);
	} catch {
		return;
	}
}

export { publicKeyFromRaw, verifyDataIntegrity };

// ---- the issuer keys ---------------------------------------------------------------------------
//
// One current key signs; an admin may rotate it (rotateIssuerKey). A retired key stays listed in the
// issuer profile, so every certificate it signed keeps verifying, and this platform's verifier
// refuses any proof it dates after its retirement. The first key's row is 'ob3-issuer' with the
// verification method `#key-1` (older certificates name it); later keys' rows are 'key-2', 'key-3'…

/** A key's public part, as listed in the issuer profile and used to verify. */
export interface PublicIssuerKey {
	/** the verification method: `<issuer>#key-N` */
	methodId: string;
	publicKeyRaw: Uint8Array;
	publicKeyMultibase: string;
	createdAt: Date;
	/** when it stopped signing; null for the current key */
	retiredAt: Date | null;
}

export interface IssuerKey extends Pick<PublicIssuerKey, 'methodId' | 'publicKeyRaw' | 'publicKeyMultibase'> {
	privateKey: KeyObject;
}

type KeyRow = typeof issuerKeys.$inferSelect;

const fragmentOf = (rowId: string) => (rowId === KEY_ID ? 'key-1' : rowId);
const methodOf = (rowId: string) => `${issuerId()}#${fragmentOf(rowId)}`;
const contextOf = (rowId: string) => `learning_issuer_keys:${rowId}`;
/** the serial lock that keeps two rotations from racing */
const ROTATION_LOCK = 7_340_061;

function publicOf(row: KeyRow): PublicIssuerKey {
	const raw = Uint8Array.from(Buffer.from(row.publicKey, 'base64'));
	return { methodId: methodOf(row.id), publicKeyRaw: raw, publicKeyMultibase: publicKeyMultibase(raw), createdAt: row.createdAt, retiredAt: row.retiredAt };
}

function newKeyRow(id: string, now: Date) {
	const pair = generateKeyPairSync('ed25519');
	const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
	return { id, publicKey: rawPublicKey(pair.publicKey).toString('base64'), privateKey: seal(pkcs8.toString('base64'), contextOf(id)), createdAt: now };
}

/** Private keys already unsealed, by row id and sealed text (a key resealed under a new master key is opened again). */
const opened = new Map<string, KeyObject>();

const currentRows = (db: Db | Tx) => db.select().from(issuerKeys).where(isNull(issuerKeys.retiredAt)).orderBy(asc(issuerKeys.createdAt));

/**
 * The key that signs now, generated on first use. Two app servers using it for the first time at
 * once both insert the first row with ON CONFLICT DO NOTHING, then both read the one that won. Read
 * on every use (certificates are rare), so a rotation on one app server is followed by all.
 */
export async function issuerKey(db: Db | Tx): Promise<IssuerKey> {
	let [row] = await currentRows(db);
	if (!row) {
		await db.insert(issuerKeys).values(newKeyRow(KEY_ID, new Date())).onConflictDoNothing();
		[row] = await currentRows(db);
	}
	let privateKey = opened.get(`${row.id}\u0000${row.privateKey}`);
	if (!privateKey) {
		// the private key is sealed under the master key (platform/secrets); a key stored in clear by an
		// older version, or sealed under a previous master key, is sealed again now
		const { plaintext, stale } = unseal(row.privateKey, contextOf(row.id));
		if (stale) await db.update(issuerKeys).set({ privateKey: seal(plaintext, contextOf(row.id)) }).where(eq(issuerKeys.id, row.id));
		privateKey = createPrivateKey({ key: Buffer.from(plaintext, 'base64'), format: 'der', type: 'pkcs8' });
		opened.set(`${row.id}\u0000${row.privateKey}`, privateKey);
	}
	const { methodId, publicKeyRaw, publicKeyMultibase: multibase } = publicOf(row);
	return { methodId, publicKeyRaw, publicKeyMultibase: multibase, privateKey };
}

/** Every key that ever signed, oldest first (public parts): what the issuer profile lists and verification uses. */
export async function issuerKeyList(db: Db | Tx): Promise<PublicIssuerKey[]> {
	const all = () => db.select().from(issuerKeys).orderBy(asc(issuerKeys.createdAt), asc(issuerKeys.id));
	let rows = await all();
	if (!rows.some((r) => !r.retiredAt)) {
		await issuerKey(db); // the first use: make the key
		rows = await all();
	}
	return rows.map(publicOf);
}

/**
 * Retires the current key and makes a new one, in the caller's transaction: certificates issued
 * from now on are signed with the new key; those signed before keep verifying with the old one.
 */
export async function rotateIssuerKey(tx: Tx, now = new Date()): Promise<{ previous: string; current: string }> {
	await tx.execute(sql`select pg_advisory_xact_lock(${ROTATION_LOCK})`);
	const old = await issuerKey(tx);
	const count = (await tx.select({ id: issuerKeys.id }).from(issuerKeys)).length;
	const id = `key-${count + 1}`;
	await tx.update(issuerKeys).set({ retiredAt: now }).where(isNull(issuerKeys.retiredAt));
	await tx.insert(issuerKeys).values(newKeyRow(id, now));
	return { previous: old.methodId, current: methodOf(id) };
}

/** Forget the unsealed keys (tests that swap databases or master keys). */
export function forgetIssuerKey(): void {
	opened.clear();
}

// ---- documents ----------------------------------------------------------------------------------

export interface IssuerProfileOptions {
	name: string;
}

/** The public issuer profile: an OB 3.0 Profile with the Multikey that verifies its proofs. */
export function issuerProfile(keys: Pick<PublicIssuerKey, 'methodId' | 'publicKeyMultibase'>[], options: IssuerProfileOptions) {
	return {
		'@context': OB3_CONTEXT,
		id: issuerId(),
		type: ['Profile'],
		name: options.name,
		url: origin(),
		// every key that ever signed: a certificate signed before a rotation keeps verifying
		verificationMethod: keys.map((k) => ({ id: k.methodId, type: 'Multikey', controller: issuerId(), publicKeyMultibase: k.publicKeyMultibase })),
		assertionMethod: keys.map((k) => k.methodId)
	};
}

export interface CredentialInput {
	id: string;
	email: string;
	learnerName: string;
	course: { id: string; name: string; description: string; criteria: string };
	issuerName: string;
	validFrom: Date;
	/** for tests: a fixed salt */
	salt?: string;
}

/** sha256$<hex> of email + salt, as OB 3.0 IdentityObject.identityHash expects. */
export function identityHash(email: string, salt: string): string {
	return 'sha256$' + createHash('sha256').update(email.trim().toLowerCase() + salt).digest('hex');
}

/** The unsigned OpenBadgeCredential for one completion. The learner appears only as a salted hash. */
export function buildCredential(input: CredentialInput): Record<string, unknown> {
	const salt = input.salt ?? randomBytes(16).toString('hex');
	return {
		'@context': OB3_CONTEXT,
		id: credentialUrl(input.id),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: input.course.name,
		issuer: { id: issuerId(), type: ['Profile'], name: input.issuerName, url: origin() },
		validFrom: input.validFrom.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityHash: identityHash(input.email, salt), identityType: 'emailAddress', hashed: true, salt }],
			achievement: {
				id: `${origin()}/learn/courses/${input.course.id}#achievement`,
				type: ['Achievement'],
				name: input.course.name,
				description: input.course.description,
				criteria: { narrative: input.course.criteria },
				achievementType: 'Certificate'
			}
		},
		credentialStatus: { id: `${statusListId()}#${input.id}`, type: '1EdTechRevocationList' }
	};
}

/** Adds a DataIntegrityProof (eddsa-jcs-2022) made with the issuer key. */
export function signCredential(unsecured: Record<string, unknown>, key: IssuerKey, created = new Date()): Record<string, unknown> {
	return signDataIntegrity(unsecured, key.privateKey, key.methodId, created);
}

export type ProofCheck = IntegrityCheck | 'unknown_key';

/**
 * Checks the proof against the issuer's keys: the key it names must be one of ours, and a retired
 * key verifies only proofs made before its retirement.
 */
export function checkProof(document: unknown, keys: Pick<PublicIssuerKey, 'methodId' | 'publicKeyRaw' | 'retiredAt'>[]): ProofCheck {
	const proof = (document as { proof?: { verificationMethod?: unknown; type?: unknown; cryptosuite?: unknown; created?: unknown } } | null)?.proof;
	if (!proof || typeof proof !== 'object' || proof.type !== 'DataIntegrityProof' || proof.cryptosuite !== 'eddsa-jcs-2022') return verifyDataIntegrity(document, keys[0]?.publicKeyRaw ?? new Uint8Array(32));
	const key = keys.find((k) => k.methodId === proof.verificationMethod);
	if (!key) return 'unknown_key';
	// a defence in depth only: whoever holds a retired key can backdate `created`; what stops a forged
	// certificate is the register (verifyCredential looks the certificate up and checks revocation)
	if (key.retiredAt && !(typeof proof.created === 'string' && new Date(proof.created) < key.retiredAt)) return 'unknown_key';
	return verifyDataIntegrity(document, key.publicKeyRaw);
}
