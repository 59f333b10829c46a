import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const locale = getLocale();
	const rows = await events.listForOrganiser(locals.actor);
	return { events: rows.map((r) => ({ ...events.presentSummary(r.event, r.taken, locale), status: r.event.status, taken: r.taken })) };
};
