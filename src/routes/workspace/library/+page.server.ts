import { getLocale } from '$lib/i18n';
import * as library from '$lib/server/library';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const locale = getLocale();
	const rows = await library.listForEditor(locals.actor);
	return { documents: rows.map((d) => ({ ...library.presentSummary(d, [], locale), status: d.status, updatedAt: d.updatedAt.toISOString() })) };
};
