// One HSDS 3.0 service, fully nested. Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { isUuid, toHsdsService } from '$lib/server/directory/hsds';
import { NotFound } from '$lib/server/platform/errors';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	try {
		// not a UUID: no such service (and never a database cast error)
		const found = isUuid(params.id) ? await directory.getService(params.id) : null;
		if (!found) throw new NotFound('service_not_found');
		return json(toHsdsService(found), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
	} catch (e) {
		return apiError(e);
	}
};
