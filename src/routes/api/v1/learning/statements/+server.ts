// xAPI statements (learning records), admin only: the session cookie, or a personal access token
// (`Authorization: Bearer cop_pat_...`, scope learning.statements:read, made at /account/tokens) for scripts.
// Paged with `since` (stored after, ISO 8601), `limit` and the `more` link, in the xAPI StatementResult shape.
import { json } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as learning from '$lib/server/learning';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(learning.openapi.StatementsQuery, async (query, { locals, request }) => {
	// scripts send a personal access token with the learning.statements:read scope; browsers, the session
	const actor = (await identity.actorForBearer(request.headers.get('authorization'), 'learning.statements:read')) ?? locals.actor;
	const params = { since: query.since ? new Date(query.since) : undefined, limit: query.limit, after: query.after };
	const page = await learning.listStatements(actor, params);
	let more = '';
	if (page.next !== null) {
		const q = new URLSearchParams();
		if (params.since) q.set('since', params.since.toISOString());
		if (params.limit) q.set('limit', String(params.limit));
		q.set('after', String(page.next));
		more = `/api/v1/learning/statements?${q}`;
	}
	return json({ statements: page.statements, more }, { headers: { 'cache-control': 'private, no-store', 'x-experience-api-version': '1.0.3' } });
});
