import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	json({
		name: 'COP Platform open API',
		version: 'v1',
		openapi: `${url.origin}/api/v1/openapi.json`,
		endpoints: ['/api/v1/countries', '/api/v1/regions', '/api/v1/hsds/services', '/api/v1/hsds/taxonomy_terms']
	});
