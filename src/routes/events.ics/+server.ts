// Every published event (upcoming and the last 30 days) as one iCalendar feed to subscribe to; on a
// hub, with the events national platforms share (linking to, and registering on, their pages).
import * as m from '$lib/paraglide/messages';
import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import * as federation from '$lib/server/federation';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const now = new Date();
	const [list, shared] = await Promise.all([events.listForFeed(now), federation.federatedEventsForFeed(now)]);
	return new Response(events.toICalendar(list, { locale: getLocale(), name: `${m.events_title()} · ${m.common_site_name()}`, now, shared }), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
