import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { base58btc, buildCredential, canonicalize, checkProof, fromBase58btc, identityHash, issuerId, issuerProfile, publicKeyMultibase, rawFromMultibase, signCredential, verifyDataIntegrity, type IssuerKey } from './credentials';

function testKey(): IssuerKey {
	const pair = generateKeyPairSync('ed25519');
	const raw = Uint8Array.from(pair.publicKey.export({ format: 'der', type: 'spki' }).subarray(12));
	return { methodId: `${issuerId()}#key-1`, publicKeyRaw: raw, publicKeyMultibase: publicKeyMultibase(raw), privateKey: pair.privateKey };
}
/** a key as verification sees it: current (not retired) unless said */
const listed = (k: IssuerKey, retiredAt: Date | null = null) => [{ ...k, retiredAt }];

const input = {
	id: '00000000-0000-4000-8000-000000000001',
	email: 'Parent@Example.org',
	learnerName: 'A Parent',
	course: { id: 'c1', name: 'Keeping children safe', description: 'For parents', criteria: 'Read every lesson and pass the quiz' },
	issuerName: 'COP Platform',
	validFrom: new Date('2026-11-23T10:00:00Z'),
	salt: 'abc123'
};

describe('JCS (RFC 8785)', () => {
	it('sorts keys, drops whitespace and serialises numbers as ECMAScript does', () => {
		expect(canonicalize({ b: 1, a: [true, null, 'x'], c: { z: 1e21, y: 0.1, x: -0 } })).toBe('{"a":[true,null,"x"],"b":1,"c":{"x":0,"y":0.1,"z":1e+21}}');
	});
	it('sorts by UTF-16 code units and escapes as JSON', () => {
		expect(canonicalize({ '\u20ac': 1, '\r': 2, '\ud83d\ude00': 3, a: '\u2028' })).toBe('{"\\r":2,"a":"\u2028","\u20ac":1,"\ud83d\ude00":3}');
	});
	it('refuses non-finite numbers', () => {
		expect(() => canonicalize({ a: NaN })).toThrow();
	});
});

describe('base58btc and Multikey', () => {
	it('round-trips, keeping leading zero bytes', () => {
		const bytes = Uint8Array.from([0, 0, 1, 2, 255, 254]);
		expect(fromBase58btc(base58btc(bytes))).toEqual(bytes);
		expect(base58btc(new TextEncoder().encode('Hello World!'))).toBe('2NEpo7TZRRrLZSi2U');
	});
	it('an Ed25519 public key is z6Mk... and decodes back', () => {
		const key = testKey();
		expect(key.publicKeyMultibase).toMatch(/^z6Mk/);
		expect(rawFromMultibase(key.publicKeyMultibase)).toEqual(key.publicKeyRaw);
	});
});

describe('the Open Badges 3.0 credential', () => {
	const doc = buildCredential(input) as any;
	it('has the OB 3.0 shape', () => {
		expect(doc['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(doc.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(doc.issuer.type).toEqual(['Profile']);
		expect(doc.validFrom).toBe('2026-11-23T10:00:00Z');
		expect(doc.credentialSubject.type).toEqual(['AchievementSubject']);
		expect(doc.credentialSubject.achievement).toMatchObject({ type: ['Achievement'], name: 'Keeping children safe', criteria: { narrative: 'Read every lesson and pass the quiz' } });
		expect(doc.credentialStatus.type).toBe('1EdTechRevocationList');
	});
	it('identifies the learner only by a salted hash of the email', () => {
		const id = doc.credentialSubject.identifier[0];
		expect(id).toEqual({ type: 'IdentityObject', identityHash: identityHash('parent@example.org', 'abc123'), identityType: 'emailAddress', hashed: true, salt: 'abc123' });
		expect(id.identityHash).toMatch(/^sha256\$[0-9a-f]{64}$/);
		expect(JSON.stringify(doc)).not.toMatch(/example\.org"|Parent@|A Parent/);
	});
	it('a random salt differs between credentials', () => {
		const a = buildCredential({ ...input, salt: undefined }) as any;
		const b = buildCredential({ ...input, salt: undefined }) as any;
		expect(a.credentialSubject.identifier[0].salt).not.toBe(b.credentialSubject.identifier[0].salt);
	});
});

describe('signing and verifying (DataIntegrityProof, eddsa-jcs-2022)', () => {
	const key = testKey();
	const signed = signCredential(buildCredential(input), key, new Date('2026-11-23T10:00:00Z')) as any;

	it('the proof has the expected form and verifies', () => {
		expect(signed.proof).toMatchObject({ type: 'DataIntegrityProof', cryptosuite: 'eddsa-jcs-2022', proofPurpose: 'assertionMethod', created: '2026-11-23T10:00:00Z' });
		expect(signed.proof.proofValue).toMatch(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/);
		expect(checkProof(signed, listed(key))).toBe('ok');
	});
	it('verifies after a JSON round trip with keys in another order', () => {
		const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(signed).reverse())));
		expect(checkProof(reordered, listed(key))).toBe('ok');
	});
	const tamper = (f: (d: any) => void) => {
		const d = structuredClone(signed);
		f(d);
		return checkProof(d, listed(key));
	};
	it('fails when the achievement name is changed', () => {
		expect(tamper((d) => (d.credentialSubject.achievement.name = 'Advanced course'))).toBe('bad_signature');
	});
	it('fails when the date is changed', () => {
		expect(tamper((d) => (d.validFrom = '2020-01-01T00:00:00Z'))).toBe('bad_signature');
	});
	it('fails when the proof is changed (value, creation date, or removed)', () => {
		expect(tamper((d) => (d.proof.proofValue = d.proof.proofValue.slice(0, -2) + (d.proof.proofValue.endsWith('a') ? 'bb' : 'aa')))).toBe('bad_signature');
		expect(tamper((d) => (d.proof.created = '2027-01-01T00:00:00Z'))).toBe('bad_signature');
		expect(tamper((d) => delete d.proof)).toBe('no_proof');
		expect(tamper((d) => (d.proof.cryptosuite = 'eddsa-rdfc-2022'))).toBe('unsupported_proof');
		expect(tamper((d) => (d.proof.verificationMethod = 'https://evil.example/key'))).toBe('unknown_key');
	});
	it('fails when the identity hash is swapped for someone else', () => {
		expect(tamper((d) => (d.credentialSubject.identifier[0].identityHash = identityHash('other@example.org', 'abc123')))).toBe('bad_signature');
	});
	it('fails with another key', () => {
		expect(checkProof(signed, listed(testKey()))).toBe('bad_signature');
	});
	it('a retired key verifies what it signed before its retirement, and nothing dated after', () => {
		// signed 2026-11-23T10:00:00Z
		expect(checkProof(signed, listed(key, new Date('2026-11-24T00:00:00Z')))).toBe('ok');
		expect(checkProof(signed, listed(key, new Date('2026-11-23T09:00:00Z')))).toBe('unknown_key');
		// a key the issuer does not list
		expect(checkProof(signed, [{ ...testKey(), methodId: `${issuerId()}#key-2`, retiredAt: null }])).toBe('unknown_key');
	});
	it('the issuer profile publishes the key as a Multikey', () => {
		const p = issuerProfile([key], { name: 'COP Platform' });
		expect(p.verificationMethod[0]).toMatchObject({ type: 'Multikey', id: signed.proof.verificationMethod, publicKeyMultibase: key.publicKeyMultibase });
		expect(p.id).toBe(signed.issuer.id);
	});
});

describe('interoperability: the published eddsa-jcs-2022 test vector (Digital Bazaar, used by W3C implementations)', () => {
	// Public test vector: an Alumni Credential signed by did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2.
	const vector = {
		'@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
		id: 'urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33',
		type: ['VerifiableCredential', 'AlumniCredential'],
		name: 'Alumni Credential',
		description: 'A minimum viable example of an Alumni Credential.',
		issuer: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
		validFrom: '2023-01-01T00:00:00Z',
		credentialSubject: { id: 'did:example:abcdefgh', alumniOf: 'The School of Examples' },
		proof: {
			type: 'DataIntegrityProof',
			created: '2023-02-24T23:36:38Z',
			verificationMethod: 'did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2',
			cryptosuite: 'eddsa-jcs-2022',
			proofPurpose: 'assertionMethod',
			'@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
			proofValue: 'z5EhYRJkfPLkoT92FPXN8KK6M9rsBhq3xs19GBSsA6VdNYH4QMKSyNuA2Gfznz9QthVD7Rz3HTAfqxxay23htUpTg'
		}
	};
	const key = rawFromMultibase('z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2')!;

	it('our verifier accepts a proof made by another implementation', () => {
		expect(verifyDataIntegrity(vector, key)).toBe('ok');
	});
	it('and rejects it once changed', () => {
		expect(verifyDataIntegrity({ ...vector, name: 'Alumni Credential!' }, key)).toBe('bad_signature');
	});
});
