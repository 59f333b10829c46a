// The policy as a table: role x action x scope.
import { describe, expect, it } from 'vitest';
import { covers, can, holds, type Actor, type Grant, type IdentityAction, type Target } from './policy';
import { ROLES, type Role } from '../../identity/roles';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const g = (role: Role, scopeKind: Grant['scopeKind'] = 'global', scopeValue = ''): Grant => ({ role, scopeKind, scopeValue });

const KE: Target = { kind: 'country', country: 'KE' };
const FR: Target = { kind: 'country', country: 'FR' };
const AFRICA: Target = { kind: 'region', region: 'africa' };
const EUROPE: Target = { kind: 'region', region: 'europe' };
const GLOBAL: Target = { kind: 'global' };

describe('covers: which scopes a grant reaches', () => {
	it.each([
		[g('validator'), GLOBAL, true],
		[g('validator'), AFRICA, true],
		[g('validator'), KE, true],
		[g('coordinator', 'region', 'africa'), AFRICA, true],
		[g('coordinator', 'region', 'africa'), KE, true],
		[g('coordinator', 'region', 'africa'), FR, false],
		[g('coordinator', 'region', 'africa'), EUROPE, false],
		[g('coordinator', 'region', 'africa'), GLOBAL, false],
		[g('focal_point', 'country', 'KE'), KE, true],
		[g('focal_point', 'country', 'KE'), FR, false],
		[g('focal_point', 'country', 'KE'), AFRICA, false],
		[g('focal_point', 'country', 'KE'), GLOBAL, false]
	] as const)('%o covers %o: %s', (grant, target, expected) => {
		expect(covers(grant, target)).toBe(expected);
	});
});

describe('holds: a role where it matters', () => {
	it('an admin holds every role everywhere', () => {
		for (const role of ROLES) for (const t of [GLOBAL, AFRICA, KE]) expect(holds(actor(g('admin')), role, t)).toBe(true);
	});
	it('a focal point for Kenya holds focal_point in Kenya only, and no other role', () => {
		const fp = actor(g('focal_point', 'country', 'KE'));
		expect(holds(fp, 'focal_point', KE)).toBe(true);
		expect(holds(fp, 'focal_point', FR)).toBe(false);
		expect(holds(fp, 'validator', KE)).toBe(false);
	});
	it('nobody holds anything when signed out', () => {
		for (const role of ROLES) expect(holds(null, role, GLOBAL)).toBe(false);
	});
});

describe('identity actions: only admins manage people, roles, the audit log and the outbox', () => {
	const actions: IdentityAction[] = ['user.list', 'role.grant', 'role.revoke', 'audit.view', 'outbox.view', 'admin.enter'];
	const cases: [string, Actor | null, boolean][] = [
		['signed out', null, false],
		['no roles', actor(), false],
		['admin', actor(g('admin')), true],
		...ROLES.filter((r) => r !== 'admin').map(
			(r) => [`${r} (global)`, actor(g(r)), false] as [string, Actor, boolean]
		),
		['coordinator Africa', actor(g('coordinator', 'region', 'africa')), false],
		['focal point Kenya', actor(g('focal_point', 'country', 'KE')), false]
	];
	for (const action of actions) {
		it.each(cases)(`${action} by %s -> %s`, (_label, who, expected) => {
			expect(can(who, action)).toBe(expected);
		});
	}
});
