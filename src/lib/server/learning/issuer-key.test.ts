import { generateKeyPairSync } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { isSealed } from '../platform/secrets';
import { useFreshDatabase } from '../test/db';
import { forgetIssuerKey, issuerKey } from './credentials';
import { issuerKeys } from './schema';

useFreshDatabase();

describe('the certificate signing key at rest', () => {
	it('is stored sealed, never in clear', async () => {
		forgetIssuerKey();
		await issuerKey(db());
		const [row] = await db().select().from(issuerKeys);
		expect(isSealed(row.privateKey)).toBe(true);
	});

	it('is sealed on first use when an older version stored it in clear, and still signs', async () => {
		const pair = generateKeyPairSync('ed25519');
		const clear = pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');
		await db().update(issuerKeys).set({ privateKey: clear }).where(eq(issuerKeys.id, 'ob3-issuer'));
		forgetIssuerKey();
		const key = await issuerKey(db());
		expect(key.privateKey.asymmetricKeyType).toBe('ed25519');
		const [row] = await db().select().from(issuerKeys);
		expect(isSealed(row.privateKey)).toBe(true);
	});
});
