import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { formAction } from '$lib/server/platform/edge';
import { clientAddress } from '../../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const found = await network.getProfile('partner', params.id);
	if (!found) error(404, 'not_found');
	return { profile: network.presentProfile(found, getLocale()) };
};

export const actions: Actions = {
	contact: formAction(network.ContactInput, async (input, event) => {
		await network.contactMember(event.params.id, input, { ip: clientAddress(event) });
		return { sent: true };
	})
};
