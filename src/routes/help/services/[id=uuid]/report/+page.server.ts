import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { formAction } from '$lib/server/platform/edge';
import { clientIp } from '$lib/server/platform/http';
import { localized, type LocaleMap } from '$lib/i18n';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const found = await directory.getService(params.id);
	if (!found) error(404, 'not_found');
	return { id: found.service.id, name: localized(found.service.name as LocaleMap) };
};

export const actions: Actions = {
	default: formAction(async ({ values }, { params, getClientAddress }) => {
		await directory.reportProblem(params.id, { message: values.message, contact: values.contact }, { ip: clientIp(getClientAddress) });
		return { sent: true };
	})
};
