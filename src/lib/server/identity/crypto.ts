// Password hashing (scrypt, from Node's standard library) and opaque tokens stored only as hashes.
import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 64;

function scryptAsync(password: string, salt: Buffer): Promise<Buffer> {
	return new Promise((resolve, reject) =>
		scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 64 * 1024 * 1024 }, (err, key) =>
			err ? reject(err) : resolve(key)
		)
	);
}

/** `scrypt$N$r$p$salt$hash`, base64url parts. */
export async function hashPassword(password: string): Promise<string> {
	const salt = randomBytes(16);
	const key = await scryptAsync(password, salt);
	return ['scrypt', N, r, p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
	const [alg, , , , saltText, keyText] = stored.split('$');
	if (alg !== 'scrypt' || !saltText || !keyText) return false;
	const expected = Buffer.from(keyText, 'base64url');
	const actual = await scryptAsync(password, Buffer.from(saltText, 'base64url'));
	return actual.length === expected.length && timingSafeEqual(actual, expected);
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
