// The translations rules as a table: only admins see coverage, export and check files; every other
// role, in any scope, and anonymous visitors are refused.
import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../identity/roles';
import type { Actor } from '../identity';
import { can, TRANSLATIONS_RULES, type TranslationsAction } from './policy';

const actor = (role: Role, scopeKind: 'global' | 'country' = 'global'): Actor => ({
	id: '00000000-0000-4000-8000-000000000001',
	email: 'x@example.org',
	name: 'X',
	grants: [{ role, scopeKind, scopeValue: scopeKind === 'global' ? '' : 'KE' }]
});

describe('translations policy', () => {
	for (const action of Object.keys(TRANSLATIONS_RULES) as TranslationsAction[]) {
		it(`${action}: admin only`, () => {
			expect(can(null, action)).toBe(false);
			expect(can({ ...actor('admin'), grants: [] }, action)).toBe(false);
			for (const role of ROLES) expect(can(actor(role), action), role).toBe(role === 'admin');
			for (const role of ROLES) expect(can(actor(role, 'country'), action), `${role} KE`).toBe(false);
		});
	}
});
