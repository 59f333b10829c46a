import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

// Confirming takes a button press (a POST), so a mail scanner that opens the link changes nothing.
export const load: PageServerLoad = ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'private, no-store' });
	return {};
};

export const actions: Actions = {
	default: formAction(async (_form, { params }) => ({ changed: (await identity.confirmEmailChange(params.token)).email }))
};
