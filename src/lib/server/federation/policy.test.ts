// The federation rule table, walked role x action: only administrators (global) hold any of it.
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../identity/roles';
import type { Actor } from '../identity';
import { can, FEDERATION_RULES, type FederationAction } from './policy';

const actor = (role: string, scope: { kind: 'global' | 'region' | 'country'; value?: string } = { kind: 'global' }): Actor =>
	({ id: 'u', email: 'u@example.org', grants: [{ role, scopeKind: scope.kind, scopeValue: scope.value ?? '' }] }) as unknown as Actor;

describe('federation policy', () => {
	const actions = Object.keys(FEDERATION_RULES) as FederationAction[];
	it.each(actions)('%s: admins only', (action) => {
		expect(can(null, action)).toBe(false);
		for (const role of ROLES) {
			expect(can(actor(role), action), `${role} global`).toBe(role === 'admin' || FEDERATION_RULES[action].includes(role));
			expect(can(actor(role, { kind: 'country', value: 'KE' }), action), `${role} KE`).toBe(false);
			expect(can(actor(role, { kind: 'region', value: 'africa' }), action), `${role} africa`).toBe(false);
		}
	});
});
