import * as identity from '$lib/server/identity';
import { clientIp, failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, url, getClientAddress }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await identity.requestPasswordReset(values, { ip: clientIp(getClientAddress), origin: url.origin });
		} catch (e) {
			return failWith(e, { email: values.email ?? '' });
		}
		return { sent: true };
	}
};
