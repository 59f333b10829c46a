// Published progress values as plain CSV (one row per observation). Public: no account, no cookies.
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/server/platform/edge';
import { openapi, opendata } from '$lib/server/progress';

// the schema checks each parameter's form; opendata resolves the area code
export const GET = apiHandler(openapi.ObservationsQuery, async (_query, { url }) => {
	const body = await opendata.exportBody(db(), 'csv', opendata.readObservationQuery(url));
	return new Response(body, {
		headers: {
			'content-type': 'text/csv; charset=utf-8; header=present',
			'content-disposition': 'inline; filename="cop-progress.csv"',
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*'
		}
	});
});
