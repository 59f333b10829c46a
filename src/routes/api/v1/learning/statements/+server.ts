// xAPI statements (learning records), admin only: the session cookie, or the same session token as
// `Authorization: Bearer <token>` for scripts. Paged with `since` (stored after, ISO 8601), `limit`
// and the `more` link, in the xAPI StatementResult shape.
import { json } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as learning from '$lib/server/learning';
import { ValidationError } from '$lib/server/platform/errors';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

function readParams(url: URL) {
	const since = url.searchParams.get('since');
	const limit = url.searchParams.get('limit');
	const after = url.searchParams.get('after');
	const out: { since?: Date; limit?: number; after?: number } = {};
	if (since) {
		const d = new Date(since);
		if (Number.isNaN(d.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(since)) throw new ValidationError({ since: 'invalid_value' });
		out.since = d;
	}
	if (limit) {
		if (!/^\d{1,4}$/.test(limit) || Number(limit) < 1 || Number(limit) > 500) throw new ValidationError({ limit: 'invalid_value' });
		out.limit = Number(limit);
	}
	if (after) {
		if (!/^\d{1,15}$/.test(after)) throw new ValidationError({ after: 'invalid_value' });
		out.after = Number(after);
	}
	return out;
}

export const GET: RequestHandler = async ({ url, locals, request }) => {
	try {
		let actor = locals.actor;
		const auth = request.headers.get('authorization');
		if (!actor && auth?.toLowerCase().startsWith('bearer ')) actor = await identity.actorForSession(auth.slice(7).trim());
		const params = readParams(url);
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
	} catch (e) {
		return apiError(e);
	}
};
