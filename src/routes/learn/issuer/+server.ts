// The issuer profile: an OB 3.0 Profile publishing the Ed25519 key (Multikey) that signs certificates.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as learning from '$lib/server/learning';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	return json(learning.issuerProfile(await learning.issuerKeyList(db()), { name: learning.ISSUER_NAME() }), {
		headers: { 'content-type': 'application/ld+json; charset=utf-8', 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' }
	});
};
