// Published progress values as JSON observations. Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import { db } from '$lib/server/db';
import { apiHandler } from '$lib/server/platform/edge';
import { openapi, opendata } from '$lib/server/progress';

// the schema checks each parameter's form; opendata resolves the area code
export const GET = apiHandler(openapi.ObservationsQuery, async (_query, { url }) => {
	const data = await opendata.observations(db(), opendata.readObservationQuery(url));
	return json(
		{
			structure: opendata.STRUCTURE_ID,
			note: 'Published (validated) values only. Rows with demo=true (OBS_STATUS DEMO in SDMX) are demonstration data, not a real country\'s status.',
			demo: data.some((o) => o.demo),
			data
		},
		{ headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } }
	);
});
