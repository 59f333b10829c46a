import { error } from '@sveltejs/kit';
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { ROLE_SCOPES, ROLES } from '$lib/identity/roles';
import * as identity from '$lib/server/identity';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { getLocale } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!identity.can(locals.actor, 'user.list')) error(403, 'forbidden');
	if (!UUID.test(params.id)) error(404, 'not_found');
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
	grant: async ({ request, locals, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
		} catch (e) {
			return failWith(e);
		}
		const scopeKind = values.scopeKind ?? '';
		const scopeValue = scopeKind === 'region' ? values.region : scopeKind === 'country' ? values.country : '';
		try {
			await identity.grantRole(locals.actor, { userId: params.id, role: values.role, scopeKind, scopeValue });
		} catch (e) {
			return failWith(e, values);
		}
		return { granted: true };
	},
	access: async ({ request, locals, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await identity.setAccountDisabled(locals.actor, params.id, values.disabled === '1');
		} catch (e) {
			return failWith(e);
		}
		return { access: values.disabled === '1' ? 'disabled' : 'enabled' };
	},
	revoke: async ({ request, locals }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await identity.revokeRole(locals.actor, UUID.test(values.grantId ?? '') ? values.grantId : '00000000-0000-0000-0000-000000000000');
		} catch (e) {
			return failWith(e);
		}
		return { revoked: true };
	}
};
