import { describe, expect, it } from 'vitest';
import type { Actor, Grant } from '../identity';
import { can, eventTarget, visibleScope, type EventsAction } from './policy';

const actor = (...grants: Grant[]): Actor => ({ id: 'a', email: 'a@example.org', name: 'A', grants });
const organiser = (scopeKind: Grant['scopeKind'], scopeValue = ''): Grant => ({ role: 'organiser', scopeKind, scopeValue });
const ACTIONS: EventsAction[] = ['event.create', 'event.edit', 'registrations.view', 'registrations.manage'];

const kenya = eventTarget({ country: 'KE', region: null });
const france = eventTarget({ country: 'FR', region: null });
const africa = eventTarget({ country: null, region: 'africa' });
const world = eventTarget({ country: null, region: null });

describe('events policy', () => {
	it.each([
		['country organiser, own country', actor(organiser('country', 'KE')), kenya, true],
		['country organiser, another country', actor(organiser('country', 'KE')), france, false],
		['country organiser, its region', actor(organiser('country', 'KE')), africa, false],
		['country organiser, global event', actor(organiser('country', 'KE')), world, false],
		['region organiser, country in region', actor(organiser('region', 'africa')), kenya, true],
		['region organiser, country elsewhere', actor(organiser('region', 'africa')), france, false],
		['region organiser, own region', actor(organiser('region', 'africa')), africa, true],
		['global organiser, anything', actor(organiser('global')), france, true],
		['admin, anything', actor({ role: 'admin', scopeKind: 'global', scopeValue: '' }), africa, true],
		['editor, own country', actor({ role: 'editor', scopeKind: 'country', scopeValue: 'KE' }), kenya, false],
		['nobody', actor(), kenya, false]
	])('%s', (_label, a, target, allowed) => {
		for (const action of ACTIONS) expect(can(a, action, target)).toBe(allowed);
	});

	it('refuses anonymous visitors everything', () => {
		for (const action of [...ACTIONS, 'workspace.enter' as const]) expect(can(null, action, kenya)).toBe(false);
	});

	it('lets any organiser or admin into the workspace, nobody else', () => {
		expect(can(actor(organiser('country', 'KE')), 'workspace.enter')).toBe(true);
		expect(can(actor({ role: 'focal_point', scopeKind: 'country', scopeValue: 'KE' }), 'workspace.enter')).toBe(false);
	});

	it('scopes the workspace to the grants', () => {
		expect(visibleScope(actor(organiser('country', 'KE'), organiser('region', 'europe')))).toEqual({ all: false, regions: ['europe'], countries: ['KE'] });
		expect(visibleScope(actor(organiser('global')))).toEqual({ all: true });
	});
});
