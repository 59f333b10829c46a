import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: formAction(async ({ values }, { params }) => {
		await identity.resetPassword({ token: params.token, password: values.password });
		redirect(303, localizeHref('/signin') + '?reset');
	})
};
