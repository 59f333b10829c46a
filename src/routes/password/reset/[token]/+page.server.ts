import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await identity.resetPassword({ token: params.token, password: values.password });
		} catch (e) {
			return failWith(e);
		}
		redirect(303, localizeHref('/signin') + '?reset');
	}
};
