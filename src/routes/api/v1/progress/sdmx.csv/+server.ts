// Published progress values as SDMX-CSV 2.0. Public: no account, no cookies.
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/server/platform/edge';
import { openapi, opendata } from '$lib/server/progress';

// the schema checks each parameter's form; opendata resolves the area code
export const GET = apiHandler(openapi.ObservationsQuery, async (_query, { url }) => {
	const body = await opendata.exportBody(db(), 'sdmx', opendata.readObservationQuery(url));
	return new Response(body, {
		headers: {
			'content-type': 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8',
			'content-disposition': 'inline; filename="cop-progress.sdmx.csv"',
			'cache-control': 'public, max-age=300',
			'access-control-allow-origin': '*'
		}
	});
});
