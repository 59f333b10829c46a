import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { clientAddress, keepAll } from '../../forms';
import { networkOptions } from '../../options';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ options: networkOptions(getLocale()) });

export const actions: Actions = {
	apply: keepAll(async (form, event) => {
		await network.applyToNetwork('expert', network.applicationFromForm(form, getLocale()), { ip: clientAddress(event) });
		return { applied: true, email: form.values.email?.trim().toLowerCase() ?? '' };
	})
};
