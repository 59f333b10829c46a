// One HSDS 3.0 service, fully nested. Public: no account, no cookies. An id that is not a UUID
// never gets here ([id=uuid]); the API's catch-all answers it with a JSON 404.
import { json } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { NotFound } from '$lib/server/platform/errors';
import { apiHandler } from '$lib/server/platform/edge';
import type { RequestEvent } from './$types';

export const GET = apiHandler(async ({ params }: RequestEvent) => {
	const headers = { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' };
	const found = await directory.getService(params.id);
	if (found) return json(directory.hsds.toHsdsService(found), { headers });
	// on a federation hub: a member's service, as the member published it, marked with its source
	const federated = await directory.hsds.findFederated(params.id);
	if (!federated) throw new NotFound('service_not_found');
	return json(federated, { headers });
});
