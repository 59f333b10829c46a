// Roles and the scopes they can be granted in. Shared by the admin forms and the server policy.

export const ROLES = [
	'admin',
	'coordinator',
	'focal_point',
	'validator',
	'editor',
	'directory_moderator',
	'organiser',
	'partner',
	'safeguarding',
	'network_reviewer'
] as const;
export type Role = (typeof ROLES)[number];

export const SCOPE_KINDS = ['global', 'region', 'country'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

/** Which scopes each role may be granted in. A coordinator always works for a region, a focal point for a country. */
export const ROLE_SCOPES: Record<Role, readonly ScopeKind[]> = {
	admin: ['global'],
	coordinator: ['region'],
	focal_point: ['country'],
	validator: ['global', 'region', 'country'],
	editor: ['global', 'country'],
	directory_moderator: ['global', 'region', 'country'],
	organiser: ['global', 'region', 'country'],
	partner: ['global', 'country'],
	safeguarding: ['global', 'region', 'country'],
	network_reviewer: ['global', 'region']
};

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function isScopeKind(value: string): value is ScopeKind {
	return (SCOPE_KINDS as readonly string[]).includes(value);
}

/** Limits shared by forms (maxlength attributes) and server validation. */
export const LIMITS = {
	emailMax: 254,
	nameMin: 1,
	nameMax: 120,
	passwordMin: 10,
	passwordMax: 200
} as const;
