// The directory's rules as a table: role x action x scope, with the expected answer for each.
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../identity';
import { can, DIRECTORY_RULES, type DirectoryAction } from './policy';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const g = (role: Grant['role'], scopeKind: Grant['scopeKind'] = 'global', scopeValue = ''): Grant => ({ role, scopeKind, scopeValue });

const KE = ['KE'];
const KE_UG = ['KE', 'UG'];
const WORLD = ['ZZ'];

// [who, action, countries, expected]
const TABLE: [string, Actor | null, DirectoryAction, string[], boolean][] = [
	['anonymous', null, 'queue.view', [], false],
	['anonymous', null, 'service.edit', KE, false],
	['a learner', actor(), 'service.edit', KE, false],
	['a focal point', actor(g('focal_point', 'country', 'KE')), 'service.edit', KE, false],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'service.edit', KE, true],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'service.verify', KE, true],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'request.decide', KE, true],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'service.edit', KE_UG, false],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'service.edit', WORLD, false],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'service.edit', [], false],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'queue.view', [], true],
	['a moderator for Kenya', actor(g('directory_moderator', 'country', 'KE')), 'import.run', [], false],
	['a moderator for Africa', actor(g('directory_moderator', 'region', 'africa')), 'service.edit', KE_UG, true],
	['a moderator for Africa', actor(g('directory_moderator', 'region', 'africa')), 'service.edit', ['KE', 'FR'], false],
	['a moderator for Africa', actor(g('directory_moderator', 'region', 'africa')), 'import.run', [], false],
	['a global moderator', actor(g('directory_moderator')), 'service.edit', WORLD, true],
	['a global moderator', actor(g('directory_moderator')), 'import.run', [], true],
	['an admin', actor(g('admin')), 'service.verify', KE_UG, true],
	['an admin', actor(g('admin')), 'import.run', [], true],
	['an admin', actor(g('admin')), 'queue.view', [], true]
];

describe('directory policy', () => {
	it.each(TABLE)('%s: %s on %j is %s', (_who, a, action, countries, expected) => {
		expect(can(a, action, countries)).toBe(expected);
	});

	it('covers every action in the rules table', () => {
		const tested = new Set(TABLE.map((r) => r[2]));
		expect([...tested].sort()).toEqual(Object.keys(DIRECTORY_RULES).sort());
	});
});
