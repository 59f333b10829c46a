// Registrations as CSV for the organiser (the export is audited by the command).
import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import { isDomainError } from '$lib/server/platform/errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	let csv: string;
	try {
		csv = await events.exportRegistrations(locals.actor, params.id);
	} catch (e) {
		if (isDomainError(e)) error(e.status, e.code);
		throw e;
	}
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="registrations-${params.id}.csv"`, 'cache-control': 'private, no-store' }
	});
};
