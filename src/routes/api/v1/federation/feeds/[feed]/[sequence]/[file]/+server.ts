// One file of a snapshot: the exact bytes the manifest hashes. Immutable once made.
import { db } from '$lib/server/db';
import * as federation from '$lib/server/federation';
import { apiHandler } from '$lib/server/platform/edge';
import { etagMatches } from '$lib/server/platform/http';
import { NotFound } from '$lib/server/platform/errors';
import { parse } from '$lib/server/platform/validate';

export const GET = apiHandler(async ({ params, request }) => {
	const { feed, sequence, file } = parse(federation.openapi.FilePath, params);
	if (!federation.publishes(await federation.readSettings(db()))) throw new NotFound('federation_not_publishing');
	const found = await federation.snapshotFile(db(), feed, Number(sequence), file);
	if (!found) throw new NotFound('federation_file_not_found');
	const etag = `"${found.sha256}"`;
	const headers = { etag, 'content-type': federation.fileType(file), 'cache-control': 'public, max-age=31536000, immutable', 'access-control-allow-origin': '*' };
	if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
	return new Response(found.body, { headers });
});
