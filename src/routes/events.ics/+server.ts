// Every published event (upcoming and the last 30 days) as one iCalendar feed to subscribe to.
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const list = await events.listForFeed();
	return new Response(events.toICalendar(list, { locale: getLocale(), name: `${m.events_title()} · ${m.common_site_name()}` }), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
