import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { failWith } from '$lib/server/platform/http';
import { formObject } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, params }) => {
		const values = formObject(await request.formData());
		try {
			await identity.resetPassword({ token: params.token, password: values.password });
		} catch (e) {
			return failWith(e);
		}
		redirect(303, localizeHref('/signin') + '?reset');
	}
};
