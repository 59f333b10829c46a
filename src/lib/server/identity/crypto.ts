// Password hashing (scrypt, from Node's standard library) and opaque tokens stored only as hashes.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

export interface ScryptParams {
	N: number;
	r: number;
	p: number;
}

/** The parameters new hashes get. Raising them upgrades each account's hash at its next sign-in. */
export const SCRYPT: ScryptParams = { N: 16384, r: 8, p: 1 };
const KEYLEN = 64;
/** Bounds on parameters read from a stored hash, so a tampered row cannot exhaust memory or CPU. */
const MAX = { N: 2 ** 20, r: 32, p: 16 };

function scryptAsync(password: string, salt: Buffer, keylen: number, { N, r, p }: ScryptParams): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, keylen, { N, r, p, maxmem: 128 * N * r * p + 8 * 1024 * 1024 }, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(password, salt, KEYLEN, params);
	return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parameters a stored hash was made with, or null when it is not a well-formed scrypt hash. */
export function hashParams(stored: string): (ScryptParams & { salt: Buffer; key: Buffer }) | null {
	const [alg, nText, rText, pText, saltText, keyText, ...rest] = stored.split('$');
	if (alg !== 'scrypt' || !saltText || !keyText || rest.length) return null;
	const [N, r, p] = [nText, rText, pText].map((x) => (/^\d{1,8}$/.test(x ?? '') ? Number(x) : NaN));
	const powerOfTwo = N > 1 && (N & (N - 1)) === 0;
	if (!powerOfTwo || N > MAX.N || !(r >= 1 && r <= MAX.r) || !(p >= 1 && p <= MAX.p)) return null;
	return { N, r, p, salt: Buffer.from(saltText, 'base64url'), key: Buffer.from(keyText, 'base64url') };
}

/** Checks a password against a stored hash with the parameters that hash was made with. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const h = hashParams(stored);
	if (!h || h.key.length < 16) return false;
	const actual = await scryptAsync(password, h.salt, h.key.length, h);
	return timingSafeEqual(actual, h.key);
}

/** True when a stored hash was made with weaker parameters than new hashes get. */
export function needsRehash(stored: string, params: ScryptParams = SCRYPT): boolean {
	const h = hashParams(stored);
	return !h || h.N < params.N || h.r < params.r || h.p < params.p || h.key.length < KEYLEN;
}

/** A hash of a well-known password, compared against when an email is unknown so timing reveals nothing. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
	return (dummy ??= hashPassword('not-a-real-password-0000'));
}

export function newToken(): string {
	return randomBytes(32).toString('base64url');
}

export function sha256(value: string): string {
	return createHash('sha256').update(value).digest('hex');
}

/** A readable random password for generated admin accounts (about 120 bits). */
export function generatePassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
	const bytes = randomBytes(24);
	let out = '';
	for (let i = 0; i < bytes.length; i++) {
		out += alphabet[bytes[i] % alphabet.length];
		if (i % 6 === 5 && i < bytes.length - 1) out += '-';
	}
	return out;
}
