// The issuer profile: an OB 3.0 Profile publishing the Ed25519 key (Multikey) that signs certificates.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as learning from '$lib/server/learning';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const key = await learning.issuerKey(db());
	return json(learning.issuerProfile(key, { name: learning.ISSUER_NAME() }), {
		headers: { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
	});
};
