// Secrets at rest (signing keys): sealed with AES-256-GCM under a master key that lives outside the
// database, so a database dump or backup alone does not give away the deployment's signing keys.
//
// The master key comes from `SECRET_KEY` (32 bytes, base64 or hex), or the file named by
// `SECRET_KEY_FILE`, or else a key file generated once at `$DATA_DIR/secret.key` (mode 0600). To
// rotate it, set the new key in `SECRET_KEY` and the old one(s) in `SECRET_KEY_PREVIOUS` (comma
// separated): values sealed with an old key still open, and are sealed again with the new one the
// next time they are read. Several app instances on one PostgreSQL must share the same key.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const PREFIX = 'sealed:v1';

interface MasterKey {
	id: string;
	key: Buffer;
}

function decodeKey(text: string, from: string): Buffer {
	const t = text.trim();
	const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64');
	if (key.length !== 32) throw new Error(`${from} must hold a 32-byte key (base64 or hex); generate one with: openssl rand -base64 32`);
	return key;
}

function withId(key: Buffer): MasterKey {
	return { id: createHash('sha256').update(key).digest('hex').slice(0, 8), key };
}

let keys: { current: MasterKey; previous: MasterKey[] } | undefined;

function loadKeys(): { current: MasterKey; previous: MasterKey[] } {
	if (keys) return keys;
	const env = process.env;
	let current: Buffer;
	if (env.SECRET_KEY) current = decodeKey(env.SECRET_KEY, 'SECRET_KEY');
	else if (env.SECRET_KEY_FILE) current = decodeKey(readFileSync(env.SECRET_KEY_FILE, 'utf8'), env.SECRET_KEY_FILE);
	else if (env.VITEST) current = randomBytes(32); // tests: a fresh database per file, a fresh key per process
	else {
		const file = path.join(env.DATA_DIR ?? './data', 'secret.key');
		if (!existsSync(file)) {
			mkdirSync(path.dirname(file), { recursive: true });
			writeFileSync(file, randomBytes(32).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
		}
		chmodSync(file, 0o600);
		current = decodeKey(readFileSync(file, 'utf8'), file);
	}
	const previous = (env.SECRET_KEY_PREVIOUS ?? '')
		.split(',')
		.filter((x) => x.trim())
		.map((x) => withId(decodeKey(x, 'SECRET_KEY_PREVIOUS')));
	keys = { current: withId(current), previous };
	return keys;
}

/** Forget the loaded keys (tests that change the environment). */
export function forgetSecretKeys(): void {
	keys = undefined;
}

/** Seals `plaintext`; `context` (e.g. the table and row id) must be given again to open it. */
export function seal(plaintext: string, context: string): string {
	const { current } = loadKeys();
	const iv = randomBytes(12);
	const cipher = createCipheriv('aes-256-gcm', current.key, iv);
	cipher.setAAD(Buffer.from(context));
	const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
	return [PREFIX, current.id, iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(':');
}

export function isSealed(value: string): boolean {
	return value.startsWith(PREFIX + ':');
}

/**
 * Opens a sealed value. `stale` is true when it was sealed with a previous master key or stored in
 * clear by an older version: the caller should store `seal(plaintext)` again.
 */
export function unseal(value: string, context: string): { plaintext: string; stale: boolean } {
	if (!isSealed(value)) return { plaintext: value, stale: true };
	const [, , id, iv, body, tag] = value.split(':');
	const { current, previous } = loadKeys();
	const key = [current, ...previous].find((k) => k.id === id);
	if (!key) throw new Error(`A secret was sealed with master key ${id}, which is neither SECRET_KEY nor in SECRET_KEY_PREVIOUS`);
	const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(iv, 'base64url'));
	decipher.setAAD(Buffer.from(context));
	decipher.setAuthTag(Buffer.from(tag, 'base64url'));
	const plaintext = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
	return { plaintext, stale: key !== current };
}
