import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { clientIp } from '$lib/server/platform/http';
import type { Actions } from './$types';

export const actions: Actions = {
	default: formAction(async ({ values }, { url, getClientAddress }) => {
		await identity.requestPasswordReset(values, { ip: clientIp(getClientAddress), origin: url.origin });
		return { sent: true };
	})
};
