// The revocation list that certificates' credentialStatus (1EdTechRevocationList) points at.
import { json } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () =>
	json(await learning.revocationList(), { headers: { 'cache-control': 'public, max-age=60', 'access-control-allow-origin': '*' } });
