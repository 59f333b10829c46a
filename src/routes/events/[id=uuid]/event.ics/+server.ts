// One event as an iCalendar file (RFC 5545).
import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const found = await events.getPublicEvent(params.id);
	if (!found) error(404, 'not_found');
	return new Response(events.toICalendar([found.event], { locale: getLocale() }), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'content-disposition': 'attachment; filename="event.ics"', 'cache-control': 'public, max-age=300' }
	});
};
