// Signing and verifying federation manifests: a W3C Data Integrity proof, cryptosuite
// eddsa-jcs-2022, made and checked by platform/data-integrity.ts (the certificates use the same).
// Here: key fingerprints, the rotation endorsement, and the bound on a key id. All node:crypto, offline.
import { createHash, sign, verify, type KeyObject } from 'node:crypto';
import { base58btc, fromBase58btc as decode58 } from '../platform/base58';
import { publicKeyFromRaw, rawPublicKey, signDataIntegrity, verifyDataIntegrity, type ProofCheck } from '../platform/data-integrity';

export { base58btc, publicKeyFromRaw, rawPublicKey, type ProofCheck };

/** As platform/base58's, with a bound on the length a manifest may hand us. */
export function fromBase58btc(s: string): Uint8Array | undefined {
	return s.length > 200 ? undefined : decode58(s);
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

/** Adds a DataIntegrityProof (eddsa-jcs-2022) naming the key by `verificationMethod`. */
export const signDocument = signDataIntegrity;

/** The key id a proof names (the part after '#'), or undefined. */
export function proofKeyId(document: unknown): string | undefined {
	const proof = (document as { proof?: { verificationMethod?: unknown } } | null)?.proof;
	const vm = proof && typeof proof === 'object' ? proof.verificationMethod : undefined;
	if (typeof vm !== 'string' || vm.length > 500) return undefined;
	const i = vm.lastIndexOf('#');
	return i >= 0 ? vm.slice(i + 1) : undefined;
}

/** Verifies an eddsa-jcs-2022 proof with the given raw public key. Never throws. */
export const verifyDocument = verifyDataIntegrity;

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
