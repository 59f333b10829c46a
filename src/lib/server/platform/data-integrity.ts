// W3C Data Integrity proofs with the cryptosuite eddsa-jcs-2022 (JCS canonical JSON RFC 8785,
// SHA-256, Ed25519), everything from node:crypto, offline. One implementation for the two signed
// documents the platform publishes: Open Badges certificates (learning/credentials.ts) and
// federation manifests (federation/crypto.ts). docs/decisions.md says why not JWS.
import { createHash, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { base58btc, fromBase58btc } from './base58';
import { canonicalize } from './canonical';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw key bytes follow it. */
export const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The raw 32 bytes of an Ed25519 public key object. */
export function rawPublicKey(key: KeyObject): Buffer {
	return (key.export({ format: 'der', type: 'spki' }) as Buffer).subarray(ED25519_SPKI_PREFIX.length);
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
	return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(raw)]), format: 'der', type: 'spki' });
}

export type ProofCheck = 'ok' | 'malformed' | 'no_proof' | 'unsupported_proof' | 'bad_signature';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * hash(proof configuration) + hash(document), both JCS. As eddsa-jcs-2022 says, the proof
 * configuration carries the document's @context when the document has one.
 */
function hashData(unsecured: Record<string, unknown>, proofOptions: Record<string, unknown>): Buffer {
	const proofConfig = { ...proofOptions, '@context': unsecured['@context'] };
	return Buffer.concat([sha256(canonicalize(proofConfig)), sha256(canonicalize(unsecured))]);
}

const seconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Adds a DataIntegrityProof (eddsa-jcs-2022) naming the key by `verificationMethod`. */
export function signDataIntegrity(unsecured: Record<string, unknown>, privateKey: KeyObject, verificationMethod: string, created = new Date()): Record<string, unknown> {
	const options: Record<string, unknown> = {
		type: 'DataIntegrityProof',
		cryptosuite: 'eddsa-jcs-2022',
		created: seconds(created),
		verificationMethod,
		proofPurpose: 'assertionMethod',
		// as in the published eddsa-jcs-2022 test vectors, the proof repeats the document's @context
		...(unsecured['@context'] !== undefined ? { '@context': unsecured['@context'] } : {})
	};
	const signature = sign(null, hashData(unsecured, options), privateKey);
	return { ...unsecured, proof: { ...options, proofValue: 'z' + base58btc(signature) } };
}

/** An Ed25519 signature is 64 bytes: about 88 base58 characters. Anything much longer is not one. */
const MAX_PROOF_VALUE = 200;

/** Verifies an eddsa-jcs-2022 proof with a raw Ed25519 public key, whatever key id it names. Never throws. */
export function verifyDataIntegrity(document: unknown, publicKeyRaw: Uint8Array): ProofCheck {
	if (!document || typeof document !== 'object' || Array.isArray(document)) return 'malformed';
	const { proof, ...unsecured } = document as Record<string, unknown>;
	if (!proof || typeof proof !== 'object' || Array.isArray(proof)) return 'no_proof';
	const { proofValue, ...options } = proof as Record<string, unknown>;
	if (options.type !== 'DataIntegrityProof' || options.cryptosuite !== 'eddsa-jcs-2022' || options.proofPurpose !== 'assertionMethod') return 'unsupported_proof';
	if (typeof proofValue !== 'string' || !proofValue.startsWith('z') || proofValue.length > MAX_PROOF_VALUE) return 'bad_signature';
	const signature = fromBase58btc(proofValue.slice(1));
	if (!signature || signature.length !== 64) return 'bad_signature';
	try {
		// a proof that carries its own @context must agree with the document's
		if (options['@context'] !== undefined && (unsecured['@context'] === undefined || canonicalize(options['@context']) !== canonicalize(unsecured['@context']))) return 'bad_signature';
		return verify(null, hashData(unsecured, options), publicKeyFromRaw(publicKeyRaw), signature) ? 'ok' : 'bad_signature';
	} catch {
		return 'bad_signature';
	}
}
