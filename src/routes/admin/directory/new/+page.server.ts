import { error, redirect } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	return { json: JSON.stringify(directory.SERVICE_TEMPLATE, null, 2) };
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		let values: Record<string, string> = {};
		let id: string;
		try {
			values = await readForm(request);
			id = await directory.createService(locals.actor, directory.parseEditorJson(values.json ?? ''));
		} catch (e) {
			return failWith(e, values);
		}
		redirect(303, localizeHref(`/admin/directory/services/${id}`));
	}
};
