// This instance's federation identity: name, countries, feeds and the public keys that verify its
// snapshots (current and previous, with their validity). Public.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as federation from '$lib/server/federation';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(async () =>
	json(await federation.instanceDocument(db()), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } })
);
