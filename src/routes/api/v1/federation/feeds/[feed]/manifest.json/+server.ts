// The signed manifest of a feed's latest snapshot, with an ETag so an unchanged feed costs a 304.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import * as federation from '$lib/server/federation';
import { apiHandler } from '$lib/server/platform/edge';
import { etagMatches } from '$lib/server/platform/http';
import { NotFound } from '$lib/server/platform/errors';
import { parse } from '$lib/server/platform/validate';

export const GET = apiHandler(async ({ params, request }) => {
	const { feed } = parse(federation.openapi.FeedPath, params);
	if (!federation.publishes(await federation.readSettings(db()))) throw new NotFound('federation_not_publishing');
	const snap = await federation.ensureSnapshot(db(), feed);
	const etag = `"${feed}-${snap.sequence}"`;
	const headers = { etag, 'cache-control': 'no-cache', 'access-control-allow-origin': '*' };
	if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return json(snap.manifest, { headers });
});
