// A signed-in owner's applications (confirmed from their account's address); the private link is
// sent again by mail, never shown here.
import { error } from '@sveltejs/kit';
import * as network from '$lib/server/network';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	setHeaders({ 'cache-control': 'no-store' });
	const rows = await network.applicationsOf(locals.actor);
	return { applications: rows.map((a) => ({ id: a.id, name: a.name, kind: a.kind, status: a.status, isDemo: a.isDemo })) };
};

export const actions: Actions = {
	send: formAction(async (form, { locals }) => {
		await network.sendPrivateLink(locals.actor, form.values.id ?? '');
		return { sent: true };
	})
};
