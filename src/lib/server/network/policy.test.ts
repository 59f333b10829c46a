import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../identity';
import { can, visibleScope, type NetworkAction } from './policy';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const reviewer = (scopeKind: Grant['scopeKind'], scopeValue = ''): Grant => ({ role: 'network_reviewer', scopeKind, scopeValue });
const ACTIONS: NetworkAction[] = ['applications.view', 'applications.review'];

const kenya = ['KE'];
const france = ['FR'];
const kenyaAndFrance = ['FR', 'KE'];

describe('network policy', () => {
	it.each([
		['region reviewer, country in region', actor(reviewer('region', 'africa')), kenya, true],
		['region reviewer, country elsewhere', actor(reviewer('region', 'africa')), france, false],
		['region reviewer, one country of several in region', actor(reviewer('region', 'africa')), kenyaAndFrance, true],
		['region reviewer, no country', actor(reviewer('region', 'africa')), [], false],
		['global reviewer, anything', actor(reviewer('global')), france, true],
		['global reviewer, no country', actor(reviewer('global')), [], true],
		['admin, anything', actor({ role: 'admin', scopeKind: 'global', scopeValue: '' }), kenya, true],
		['organiser, global', actor({ role: 'organiser', scopeKind: 'global', scopeValue: '' }), kenya, false],
		['directory moderator, global', actor({ role: 'directory_moderator', scopeKind: 'global', scopeValue: '' }), kenya, false],
		['coordinator of the region', actor({ role: 'coordinator', scopeKind: 'region', scopeValue: 'africa' }), kenya, false],
		['nobody', actor(), kenya, false]
	])('%s', (_label, a, countries, allowed) => {
		for (const action of ACTIONS) expect(can(a, action, countries)).toBe(allowed);
	});

	it('refuses anonymous visitors everything', () => {
		for (const action of [...ACTIONS, 'workspace.enter' as const]) expect(can(null, action, kenya)).toBe(false);
	});

	it('lets any network reviewer or admin into the queue, nobody else', () => {
		expect(can(actor(reviewer('region', 'europe')), 'workspace.enter')).toBe(true);
		expect(can(actor({ role: 'admin', scopeKind: 'global', scopeValue: '' }), 'workspace.enter')).toBe(true);
		expect(can(actor({ role: 'organiser', scopeKind: 'global', scopeValue: '' }), 'workspace.enter')).toBe(false);
	});

	it('scopes the queue to the grants', () => {
		expect(visibleScope(actor(reviewer('region', 'africa'), reviewer('region', 'europe')))).toEqual({ all: false, regions: ['africa', 'europe'], countries: [] });
		expect(visibleScope(actor(reviewer('global')))).toEqual({ all: true });
		expect(visibleScope(actor({ role: 'organiser', scopeKind: 'global', scopeValue: '' }))).toEqual({ all: false, regions: [], countries: [] });
	});
});
