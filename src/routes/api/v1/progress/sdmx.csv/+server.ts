// Published progress values as SDMX-CSV 2.0. Public: no account, no cookies.
import { db } from '$lib/server/db';
import { apiError } from '$lib/server/platform/http';
import * as opendata from '$lib/server/progress/opendata';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	try {
		const body = opendata.toSdmxCsv(await opendata.observations(db(), opendata.readObservationQuery(url)));
		return new Response(body, {
			headers: {
				'content-type': 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8',
				'content-disposition': 'inline; filename="cop-progress.sdmx.csv"',
				'cache-control': 'public, max-age=300',
				'access-control-allow-origin': '*'
			}
		});
	} catch (e) {
		return apiError(e);
	}
};
