// The HSDS 3.0 API root: which HSDS version and profile this API follows, and where its OpenAPI document is.
import { json } from '@sveltejs/kit';
import { openapi } from '$lib/server/directory';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	json(
		{ version: openapi.HSDS_VERSION, profile: openapi.HSDS_PROFILE, openapi_url: `${url.origin}/api/v1/openapi.json` },
		{ headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } }
	);
