import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as learning from '$lib/server/learning';
import * as toolkits from '$lib/server/toolkits';
import { formAction } from '$lib/server/platform/edge';
import { clearSessionCookie } from '$lib/server/platform/http';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	return {};
};

export const actions: Actions = {
	default: formAction(async ({ values }, { locals, cookies }) => {
		// each module that keeps personal data erases it in the same transaction
		await identity.deleteOwnAccount(locals.actor, { current: values.current, confirm: values.confirm }, [learning.erasePersonalData, toolkits.erasePersonalData]);
		clearSessionCookie(cookies);
		redirect(303, localizeHref('/') + '?account-deleted');
	})
};
