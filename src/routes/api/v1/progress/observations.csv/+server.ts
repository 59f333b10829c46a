// Published progress values as plain CSV (one row per observation). Public: no account, no cookies.
import { db } from '$lib/server/db';
import { apiError } from '$lib/server/platform/http';
import * as opendata from '$lib/server/progress/opendata';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		const body = opendata.toPlainCsv(await opendata.observations(db(), opendata.readObservationQuery(url)));
		return new Response(body, {
			headers: {
				'content-type': 'text/csv; charset=utf-8; header=present',
				'content-disposition': 'inline; filename="cop-progress.csv"',
				'cache-control': 'public, max-age=300',
				'access-control-allow-origin': '*'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
