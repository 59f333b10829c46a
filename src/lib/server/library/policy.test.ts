import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../identity';
import { can, editableScope, type LibraryAction } from './policy';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const editor = (scopeKind: Grant['scopeKind'], scopeValue = ''): Grant => ({ role: 'editor', scopeKind, scopeValue });
const ACTIONS: LibraryAction[] = ['document.create', 'document.edit', 'document.view'];

const kenya = { countries: ['KE'] };
const kenyaAndUganda = { countries: ['KE', 'UG'] };
const france = { countries: ['FR'] };
const world = { countries: [] };

describe('library policy', () => {
	it.each([
		['country editor, own country', actor(editor('country', 'KE')), kenya, true],
		['country editor, another country', actor(editor('country', 'KE')), france, false],
		['country editor, own and another country', actor(editor('country', 'KE')), kenyaAndUganda, false],
		['editor of both countries, both', actor(editor('country', 'KE'), editor('country', 'UG')), kenyaAndUganda, true],
		['country editor, global document', actor(editor('country', 'KE')), world, false],
		['global editor, a country', actor(editor('global')), france, true],
		['global editor, global document', actor(editor('global')), world, true],
		['admin, anything', actor({ role: 'admin', scopeKind: 'global', scopeValue: '' }), kenyaAndUganda, true],
		['organiser, own country', actor({ role: 'organiser', scopeKind: 'country', scopeValue: 'KE' }), kenya, false],
		['focal point, own country', actor({ role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' }), kenya, false],
		['directory moderator, global', actor({ role: 'directory_moderator', scopeKind: 'global', scopeValue: '' }), world, false],
		['nobody', actor(), kenya, false]
	])('%s', (_label, a, scope, allowed) => {
		for (const action of ACTIONS) expect(can(a, action, scope)).toBe(allowed);
	});

	it('refuses anonymous visitors everything', () => {
		for (const action of [...ACTIONS, 'workspace.enter' as const]) expect(can(null, action, kenya)).toBe(false);
	});

	it('lets any editor or admin into the workspace, nobody else', () => {
		expect(can(actor(editor('country', 'KE')), 'workspace.enter')).toBe(true);
		expect(can(actor({ role: 'admin', scopeKind: 'global', scopeValue: '' }), 'workspace.enter')).toBe(true);
		expect(can(actor({ role: 'organiser', scopeKind: 'global', scopeValue: '' }), 'workspace.enter')).toBe(false);
	});

	it('scopes the workspace to the grants', () => {
		expect(editableScope(actor(editor('country', 'KE'), editor('country', 'FR')))).toEqual({ all: false, countries: ['KE', 'FR'] });
		expect(editableScope(actor(editor('global')))).toEqual({ all: true });
		expect(editableScope(actor({ role: 'organiser', scopeKind: 'global', scopeValue: '' }))).toEqual({ all: false, countries: [] });
	});
});
