// The signed-in person's saved self-assessments of one toolkit (theirs only: the query is scoped).
import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import * as toolkits from '$lib/server/toolkits';
import * as translations from '$lib/server/translations';
import { rethrowAsPage } from '$lib/server/platform/edge';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, href('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	const hidden = await translations.hiddenLocale(getLocale());
	const t = await Promise.resolve().then(() => toolkits.getToolkit(params.id, hidden)).catch(rethrowAsPage);
	const rows = await toolkits.listOwnAssessments(locals.actor, t.id).catch(rethrowAsPage);
	const fmt = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
	return {
		toolkit: toolkits.presentToolkitSummary(t),
		saved: rows.map((r) => ({ ...toolkits.presentSavedSummary(r, t), changed: fmt.format(r.updatedAt) + ' UTC' })),
		deleted: url.searchParams.has('deleted')
	};
};
