// One saved self-assessment, for its owner only (anyone else gets 404), shown as its result with
// the action plan as the person filled it in; from here they print, change or delete it.
import { error, redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import * as toolkits from '$lib/server/toolkits';
import * as translations from '$lib/server/translations';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, href('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	const row = await toolkits.getOwnAssessment(locals.actor, params.sid).catch(rethrowAsPage);
	if (row.toolkitId !== params.id) error(404, 'not_found');
	const t = toolkits.getToolkit(row.toolkitId, await translations.hiddenLocale(getLocale()));
	return {
		toolkit: toolkits.presentToolkitSummary(t),
		result: toolkits.presentResult(t, row),
		savedId: row.id,
		justSaved: url.searchParams.has('saved')
	};
};

export const actions: Actions = {
	delete: formAction(async (_form, { params, locals }) => {
		await toolkits.deleteAssessment(locals.actor, params.sid);
		redirect(303, href(`/toolkits/${params.id}/saved`) + '?deleted');
	})
};
