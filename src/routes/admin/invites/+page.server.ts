import { error } from '@sveltejs/kit';
import { listCountries, regionName, REGIONS } from '$lib/geo';
import { ROLE_SCOPES, ROLES } from '$lib/identity/roles';
import { getLocale, locales } from '$lib/i18n';
import * as identity from '$lib/server/identity';
import { formAction } from '$lib/server/platform/edge';
import { isUuid } from '$lib/uuid';
import type { Actions, PageServerLoad } from './$types';

// Admins invite anyone; coordinators invite within their region (identity's mayInvite decides).
export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!identity.mayManageInvites(locals.actor)) error(403, 'forbidden');
	setHeaders({ 'cache-control': 'private, no-store' });
	const locale = getLocale();
	const invites = await identity.listInvites(locals.actor);
	return {
		invites: invites.map((i) => ({
			id: i.id,
			email: i.email,
			grants: i.grants,
			state: i.state,
			expiresAt: i.expiresAt.toISOString().slice(0, 10),
			invitedBy: i.invitedBy ?? ''
		})),
		roles: ROLES.filter((r) => identity.isAdmin(locals.actor) || (r !== 'admin' && r !== 'coordinator')).map((r) => ({ id: r, scopes: ROLE_SCOPES[r] })),
		regions: REGIONS.map((id) => ({ id, name: regionName(id, locale) })),
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
		locales: [...locales]
	};
};

export const actions: Actions = {
	invite: formAction(async ({ values }, { locals, url }) => {
		const scopeKind = values.scopeKind ?? '';
		const scopeValue = scopeKind === 'region' ? values.region : scopeKind === 'country' ? values.country : '';
		const days = /^\d{1,2}$/.test(values.days ?? '') ? Number(values.days) : values.days ? NaN : undefined;
		const invite = await identity.inviteUser(
			locals.actor,
			{ email: values.email, name: values.name, locale: values.locale, days, grants: [{ role: values.role, scopeKind, scopeValue }] },
			{ origin: url.origin }
		);
		return { invited: invite.email };
	}),
	revoke: formAction(async ({ values }, { locals }) => {
		await identity.revokeInvite(locals.actor, isUuid(values.id ?? '') ? values.id : '00000000-0000-0000-0000-000000000000');
		return { revoked: true };
	})
};
