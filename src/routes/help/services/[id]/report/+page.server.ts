import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { clientIp, failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localized, type LocaleMap } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ params }) => {
	if (!UUID.test(params.id)) error(404, 'not_found');
	const found = await directory.getService(params.id);
	if (!found) error(404, 'not_found');
	return { id: found.service.id, name: localized(found.service.name as LocaleMap) };
};

export const actions: Actions = {
	default: async ({ request, params, getClientAddress }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			if (!UUID.test(params.id)) error(404, 'not_found');
			await directory.reportProblem(params.id, { message: values.message, contact: values.contact }, { ip: clientIp(getClientAddress) });
		} catch (e) {
			return failWith(e, values);
		}
		return { sent: true };
	}
};
