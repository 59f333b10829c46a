import { error } from '@sveltejs/kit';
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { ROLE_SCOPES, ROLES } from '$lib/identity/roles';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { isUuid } from '$lib/uuid';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!identity.can(locals.actor, 'user.list')) error(403, 'forbidden');
	const user = await identity.getUser(locals.actor, params.id);
	if (!user) error(404, 'not_found');
	const locale = getLocale();
	return {
		user: {
			id: user.id,
			name: user.name,
			email: user.email,
			createdAt: user.createdAt.toISOString().slice(0, 10),
			disabled: !!user.disabledAt,
			isSelf: user.id === locals.actor?.id,
			grants: user.grants.map((g) => ({ id: g.id, role: g.role, scopeKind: g.scopeKind, scopeValue: g.scopeValue }))
		},
		roles: ROLES.map((r) => ({ id: r, scopes: ROLE_SCOPES[r] })),
		regions: REGIONS.map((id) => ({ id, name: regionName(id, locale) })),
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name }))
	};
};

export const actions: Actions = {
	grant: formAction(async ({ values }, { locals, params }) => {
		const scopeKind = values.scopeKind ?? '';
		const scopeValue = scopeKind === 'region' ? values.region : scopeKind === 'country' ? values.country : '';
		await identity.grantRole(locals.actor, { userId: params.id, role: values.role, scopeKind, scopeValue });
		return { granted: true };
	}),
	access: formAction(async ({ values }, { locals, params }) => {
		await identity.setAccountDisabled(locals.actor, params.id, values.disabled === '1');
		return { access: values.disabled === '1' ? 'disabled' : 'enabled' };
	}),
	revoke: formAction(async ({ values }, { locals }) => {
		await identity.revokeRole(locals.actor, isUuid(values.grantId ?? '') ? values.grantId : '00000000-0000-0000-0000-000000000000');
		return { revoked: true };
	})
};
