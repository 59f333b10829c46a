import { error, redirect } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { formAction } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	return { json: JSON.stringify(directory.SERVICE_TEMPLATE, null, 2) };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { locals }) => {
		directory.assertCan(locals.actor, 'queue.view'); // a moderator at all, before the JSON is read
		const id = await directory.createService(locals.actor, directory.parseEditorJson(values.json ?? ''));
		redirect(303, localizeHref(`/admin/directory/services/${id}`));
	})
};
