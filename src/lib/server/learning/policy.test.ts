// Learn's rules as a table: role x action x scope, with the expected answer for each.
import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../identity';
import { adaptableCountries, can, LEARNING_RULES, type LearningAction } from './policy';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const g = (role: Grant['role'], scopeKind: Grant['scopeKind'] = 'global', scopeValue = ''): Grant => ({ role, scopeKind, scopeValue });
const editorKE = actor(g('editor', 'country', 'KE'));

// [who, actor, action, country, expected]
const TABLE: [string, Actor | null, LearningAction, string | undefined, boolean][] = [
	['anonymous', null, 'course.preview', undefined, false],
	['a learner', actor(), 'content.review', undefined, false],
	['a validator', actor(g('validator')), 'course.preview', undefined, false],
	['an editor for Kenya', editorKE, 'course.preview', undefined, true],
	['an editor for Kenya', editorKE, 'content.review', undefined, true],
	['an editor for Kenya', editorKE, 'adaptation.edit', 'KE', true],
	['an editor for Kenya', editorKE, 'adaptation.edit', 'UG', false],
	['an editor for Kenya', editorKE, 'adaptation.edit', undefined, false],
	['an editor for Kenya', editorKE, 'certificate.revoke', undefined, false],
	['an editor for Kenya', editorKE, 'statements.read', undefined, false],
	['a global editor', actor(g('editor')), 'adaptation.edit', 'UG', true],
	['a global editor', actor(g('editor')), 'adaptation.edit', undefined, true],
	['a global editor', actor(g('editor')), 'statements.read', undefined, false],
	['an admin', actor(g('admin')), 'adaptation.edit', 'KE', true],
	['an admin', actor(g('admin')), 'certificate.revoke', undefined, true],
	['an admin', actor(g('admin')), 'issuer.rotate', undefined, true],
	['an editor', actor(g('editor')), 'issuer.rotate', undefined, false],
	['an admin for Kenya only', actor(g('admin', 'country', 'KE')), 'issuer.rotate', undefined, false],
	['an admin', actor(g('admin')), 'statements.read', undefined, true]
];

describe('learning policy', () => {
	it.each(TABLE)('%s: %s (%s) is %s', (_who, a, action, country, expected) => {
		expect(can(a, action, country)).toBe(expected);
	});

	it('covers every action in the rules table', () => {
		expect([...new Set(TABLE.map((r) => r[2]))].sort()).toEqual(Object.keys(LEARNING_RULES).sort());
	});

	it('lists the countries an editor may adapt', () => {
		expect(adaptableCountries(editorKE)).toEqual(['KE']);
		expect(adaptableCountries(actor(g('editor')))).toBe('all');
		expect(adaptableCountries(actor(g('admin')))).toBe('all');
		expect(adaptableCountries(null)).toEqual([]);
	});
});
