// The API's index: every endpoint, listed from the OpenAPI document so the two never differ.
import { json } from '@sveltejs/kit';
import { endpoints } from '$lib/server/api/openapi';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) =>
	json({ name: 'COP Platform open API', version: 'v1', openapi: `${url.origin}/api/v1/openapi.json`, endpoints: endpoints() });
