import { redirect } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Personal access tokens for scripts: made here, shown once, revocable.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	if (!locals.actor) redirect(303, localizeHref('/signin') + '?next=' + encodeURIComponent(url.pathname));
	setHeaders({ 'cache-control': 'private, no-store' });
	const tokens = await identity.listApiTokens(locals.actor);
	return {
		tokens: tokens.map((t) => ({
			id: t.id,
			name: t.name,
			scopes: t.scopes,
			state: t.state,
			createdAt: t.createdAt.toISOString().slice(0, 10),
			expiresAt: t.expiresAt.toISOString().slice(0, 10),
			lastUsedAt: t.lastUsedAt ? t.lastUsedAt.toISOString().slice(0, 16).replace('T', ' ') : null
		})),
		scopes: [...identity.API_TOKEN_SCOPES],
		defaultDays: identity.API_TOKEN_DAYS.default,
		maxDays: identity.API_TOKEN_DAYS.max
	};
};

export const actions: Actions = {
	create: formAction(async (form, { locals }) => {
		const days = /^\d{1,3}$/.test(form.values.days ?? '') ? Number(form.values.days) : form.values.days ? NaN : undefined;
		const made = await identity.createApiToken(locals.actor, { name: form.values.name, scopes: form.all('scopes'), days });
		// the only time the token is shown: never stored in clear, never sent again
		return { created: { token: made.token, name: made.name } };
	}),
	revoke: formAction(async ({ values }, { locals }) => {
		await identity.revokeApiToken(locals.actor, isUuid(values.id ?? '') ? values.id : '00000000-0000-0000-0000-000000000000');
		return { revoked: true };
	})
};
