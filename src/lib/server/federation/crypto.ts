// Signing and verifying federation manifests: a W3C Data Integrity proof, cryptosuite
// eddsa-jcs-2022 (JCS canonical JSON RFC 8785, SHA-256, Ed25519), the same format the platform's
// certificates use (docs/decisions.md says why not JWS). Everything from node:crypto, offline.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { base58btc, fromBase58btc as decode58 } from '../platform/base58';
import { canonicalize } from '../platform/canonical';

export { base58btc };

/** As platform/base58's, with a bound on the length a manifest may hand us. */
export function fromBase58btc(s: string): Uint8Array | undefined {
	return s.length > 200 ? undefined : decode58(s);
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The raw 32 bytes of an Ed25519 public key object. */
export function rawPublicKey(key: KeyObject): Buffer {
	return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(ED25519_SPKI_PREFIX.length);
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
	return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(raw)]), format: 'der', type: 'spki' });
}

/** "sha256:<hex>" of the raw public key: what two administrators compare out of band. */
export function fingerprint(raw: Uint8Array): string {
	return 'sha256:' + createHash('sha256').update(raw).digest('hex');
}

/** A fingerprint as typed by a person: spaces and colons between hex pairs allowed, any case. */
export function normaliseFingerprint(text: string): string | null {
	const hex = text.trim().toLowerCase().replace(/^sha256:/, '').replace(/[\s:]/g, '');
	return /^[0-9a-f]{64}$/.test(hex) ? `sha256:${hex}` : null;
}

export const sha256Hex = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

function hashData(unsecured: Record<string, unknown>, options: Record<string, unknown>): Buffer {
	return Buffer.concat([createHash('sha256').update(canonicalize(options)).digest(), createHash('sha256').update(canonicalize(unsecured)).digest()]);
}

/** Adds a DataIntegrityProof (eddsa-jcs-2022) naming the key by `verificationMethod`. */
export function signDocument(unsecured: Record<string, unknown>, privateKey: KeyObject, verificationMethod: string, created = new Date()): Record<string, unknown> {
	const options = {
		type: 'DataIntegrityProof',
		cryptosuite: 'eddsa-jcs-2022',
		created: created.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		verificationMethod,
		proofPurpose: 'assertionMethod'
	};
	const signature = sign(null, hashData(unsecured, options), privateKey);
	return { ...unsecured, proof: { ...options, proofValue: 'z' + base58btc(signature) } };
}

export type ProofCheck = 'ok' | 'malformed' | 'no_proof' | 'unsupported_proof' | 'bad_signature';

/** The key id a proof names (the part after '#'), or undefined. */
export function proofKeyId(document: unknown): string | undefined {
	const proof = (document as { proof?: { verificationMethod?: unknown } } | null)?.proof;
	const vm = proof && typeof proof === 'object' ? proof.verificationMethod : undefined;
	if (typeof vm !== 'string' || vm.length > 500) return undefined;
	const i = vm.lastIndexOf('#');
	return i >= 0 ? vm.slice(i + 1) : undefined;
}

/** Verifies an eddsa-jcs-2022 proof with the given raw public key. Never throws. */
export function verifyDocument(document: unknown, publicKeyRaw: Uint8Array): ProofCheck {
	if (!document || typeof document !== 'object' || Array.isArray(document)) return 'malformed';
	const { proof, ...unsecured } = document as Record<string, unknown>;
	if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return 'no_proof';
	const { proofValue, ...options } = proof as Record<string, unknown>;
	if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-jcs-2022' || options.proofPurpose !== 'assertionMethod') return 'unsupported_proof';
	if (typeof proofValue !== 'string' || !proofValue.startsWith('z')) return 'bad_signature';
	const signature = fromBase58btc(proofValue.slice(1));
	if (!signature || signature.length !== 64) return 'bad_signature';
	try {
		return verify(null, hashData(unsecured, options), publicKeyFromRaw(publicKeyRaw), signature) ? 'ok' : 'bad_signature';
	} catch {
		return 'bad_signature';
	}
}

const endorsementText = (fp: string) => Buffer.from(`cop-federation-key:${fp}`);

/** The previous key's signature over a new key's fingerprint (key rotation). */
export function endorse(newFingerprint: string, previousPrivateKey: KeyObject): string {
	return sign(null, endorsementText(newFingerprint), previousPrivateKey).toString('base64url');
}

export function checkEndorsement(newFingerprint: string, endorsement: string, previousRaw: Uint8Array): boolean {
	try {
		const sig = Buffer.from(endorsement, 'base64url');
		return sig.length === 64 && verify(null, endorsementText(newFingerprint), publicKeyFromRaw(previousRaw), sig);
	} catch {
		return false;
	}
}
