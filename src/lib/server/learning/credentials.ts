// Open Badges 3.0 certificates: the credential document, its Data Integrity proof (cryptosuite
// eddsa-jcs-2022, platform/data-integrity.ts, shared with federation manifests), the deployment's
// key pair kept in the database, and verification. See docs/learning.md.
import { createHash, createPrivateKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { eq } from 'drizzle-orm';
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
export const verificationMethodId = () => `${issuerId()}#key-1`;
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

// ---- the issuer key ----------------------------------------------------------------------------

export interface IssuerKey {
	publicKeyRaw: Uint8Array;
	publicKeyMultibase: string;
	privateKey: KeyObject;
}

let cachedKey: { db: Db | Tx; key: IssuerKey } | undefined;
const KEY_CONTEXT = `learning_issuer_keys:${KEY_ID}`;

/**
 * The deployment's Ed25519 key, generated on first use. Two app servers using it for the first
 * time at once both insert with ON CONFLICT DO NOTHING, then both read the one row that won.
 */
export async function issuerKey(db: Db | Tx): Promise<IssuerKey> {
	if (cachedKey?.db === db) return cachedKey.key;
	let [row] = await db.select().from(issuerKeys).where(eq(issuerKeys.id, KEY_ID));
	if (!row) {
		const pair = generateKeyPairSync('ed25519');
		const pkcs8 = pair.privateKey.export({ format: 'der', type: 'pkcs8' });
		await db
			.insert(issuerKeys)
			.values({ id: KEY_ID, publicKey: rawPublicKey(pair.publicKey).toString('base64'), privateKey: seal(pkcs8.toString('base64'), KEY_CONTEXT) })
			.onConflictDoNothing();
		[row] = await db.select().from(issuerKeys).where(eq(issuerKeys.id, KEY_ID));
	}
	// the private key is sealed under the master key (platform/secrets); a key stored in clear by an
	// older version, or sealed under a previous master key, is sealed again now
	const { plaintext, stale } = unseal(row.privateKey, KEY_CONTEXT);
	if (stale) await db.update(issuerKeys).set({ privateKey: seal(plaintext, KEY_CONTEXT) }).where(eq(issuerKeys.id, KEY_ID));
	const raw = Uint8Array.from(Buffer.from(row.publicKey, 'base64'));
	const key: IssuerKey = {
		publicKeyRaw: raw,
		publicKeyMultibase: publicKeyMultibase(raw),
		privateKey: createPrivateKey({ key: Buffer.from(plaintext, 'base64'), format: 'der', type: 'pkcs8' })
	};
	cachedKey = { db, key };
	return key;
}

/** Forget the cached key (tests that swap databases). */
export function forgetIssuerKey(): void {
	cachedKey = undefined;
}

// ---- documents ----------------------------------------------------------------------------------

export interface IssuerProfileOptions {
	name: string;
}

/** The public issuer profile: an OB 3.0 Profile with the Multikey that verifies its proofs. */
export function issuerProfile(key: Pick<IssuerKey, 'publicKeyMultibase'>, options: IssuerProfileOptions) {
	return {
		'@context': OB3_CONTEXT,
		id: issuerId(),
		type: ['Profile'],
		name: options.name,
		url: origin(),
		verificationMethod: [{ id: verificationMethodId(), type: 'Multikey', controller: issuerId(), publicKeyMultibase: key.publicKeyMultibase }],
		assertionMethod: [verificationMethodId()]
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
	return signDataIntegrity(unsecured, key.privateKey, verificationMethodId(), created);
}

export type ProofCheck = IntegrityCheck | 'unknown_key';

/** Checks the proof against the given public key (the issuer's published key) and our key id. */
export function checkProof(document: unknown, publicKeyRaw: Uint8Array): ProofCheck {
	const proof = (document as { proof?: { verificationMethod?: unknown; type?: unknown; cryptosuite?: unknown } } | null)?.proof;
	if (proof && typeof proof === 'object' && proof.type === 'DataIntegrityProof' && proof.cryptosuite === 'eddsa-jcs-2022' && proof.verificationMethod !== verificationMethodId()) return 'unknown_key';
	return verifyDataIntegrity(document, publicKeyRaw);
}
