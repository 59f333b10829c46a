import { describe, expect, it } from 'vitest';
import { ROLE_SCOPES, ROLES } from '../../identity/roles';
import type { Actor, Grant } from '../identity';
import { can, TOOLKITS_RULES, type ToolkitsAction } from './policy';

const ACTIONS = Object.keys(TOOLKITS_RULES) as ToolkitsAction[];
const person = (id: string, ...grants: Grant[]): Actor => ({ id, email: `${id}@example.org`, name: id, grants });
const scopeValue = { global: '', region: 'africa', country: 'KE' } as const;

// every role in every scope it may be granted in, plus an account with no role at all
const PEOPLE: [string, Actor][] = [
	['no role', person('me')],
	...ROLES.flatMap((role) => ROLE_SCOPES[role].map((scopeKind): [string, Actor] => [`${role} (${scopeKind})`, person('me', { role, scopeKind, scopeValue: scopeValue[scopeKind] })]))
];
const mine = { userId: 'me' };
const someoneElses = { userId: 'someone-else' };

describe('toolkits policy: role x action x whose assessment', () => {
	it.each(PEOPLE)('%s: saves; reads, updates and deletes only their own', (_label, actor) => {
		for (const action of ACTIONS) {
			const owner = TOOLKITS_RULES[action] === 'owner';
			expect(can(actor, action, mine), `${action} own`).toBe(true);
			expect(can(actor, action, someoneElses), `${action} someone else's`).toBe(!owner);
			if (owner) expect(can(actor, action), `${action} with no target`).toBe(false);
		}
	});

	it('the table says: saving needs an account; everything else is the owner’s alone', () => {
		expect(TOOLKITS_RULES).toEqual({ 'assessment.save': 'signed_in', 'assessment.read': 'owner', 'assessment.update': 'owner', 'assessment.delete': 'owner' });
	});

	it('refuses anonymous visitors everything (their self-assessment is never stored)', () => {
		for (const action of ACTIONS) {
			expect(can(null, action, mine)).toBe(false);
			expect(can(undefined, action, someoneElses)).toBe(false);
		}
	});

	it('an admin cannot open another person’s saved assessment', () => {
		const admin = person('admin', { role: 'admin', scopeKind: 'global', scopeValue: '' });
		for (const action of ['assessment.read', 'assessment.update', 'assessment.delete'] as const) expect(can(admin, action, someoneElses)).toBe(false);
	});

	it('a personal access token (open-data API) carries none of these, even for its owner', () => {
		const viaToken: Actor = { ...person('me'), tokenScopes: ['learning.statements:read'] };
		for (const action of ACTIONS) expect(can(viaToken, action, mine)).toBe(false);
	});
});
