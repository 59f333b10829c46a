import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import type { Role, ScopeKind } from '../../identity/roles';
import { can, canReview, mayEnterWorkspace, type ParticipationAction } from './policy';

const person = (role: Role, scopeKind: ScopeKind, scopeValue: string, id = 'p'): Actor => ({ id, email: 'x@example.org', name: 'X', grants: [{ role, scopeKind, scopeValue }] });

// [who, action, countries, allowed]
const TABLE: [Actor, ParticipationAction, string[], boolean][] = [
	[person('organiser', 'country', 'KE'), 'consultation.manage', ['KE'], true],
	[person('organiser', 'country', 'KE'), 'consultation.manage', ['KE', 'UG'], false],
	[person('organiser', 'region', 'africa'), 'consultation.manage', ['KE', 'UG'], true],
	[person('organiser', 'region', 'europe'), 'consultation.manage', ['KE'], false],
	[person('organiser', 'global', ''), 'consultation.manage', ['KE', 'FR'], true],
	[person('organiser', 'country', 'KE'), 'consultation.review', ['KE'], false],
	[person('organiser', 'country', 'KE'), 'text.moderate', ['KE'], false],
	[person('organiser', 'country', 'KE'), 'text.read', ['KE'], true],
	[person('safeguarding', 'country', 'KE'), 'consultation.review', ['KE'], true],
	[person('safeguarding', 'country', 'KE'), 'consultation.manage', ['KE'], false],
	[person('safeguarding', 'region', 'africa'), 'text.moderate', ['KE'], true],
	[person('safeguarding', 'country', 'UG'), 'text.moderate', ['KE'], false],
	[person('editor', 'global', ''), 'consultation.view', ['KE'], false],
	[person('admin', 'global', ''), 'consultation.review', ['KE'], true],
	[person('organiser', 'global', ''), 'consultation.manage', [], false]
];

describe('participation policy', () => {
	for (const [actor, action, countries, allowed] of TABLE) {
		it(`${actor.grants[0].role}@${actor.grants[0].scopeKind}:${actor.grants[0].scopeValue} ${action} ${countries.join('+') || '(none)'} -> ${allowed}`, () => {
			expect(can(actor, action, countries)).toBe(allowed);
		});
	}
	it('a reviewer is never the author or the submitter', () => {
		const r = person('safeguarding', 'global', '', 'r1');
		expect(canReview(r, { countries: ['KE'], createdBy: 'a', submittedBy: 'a' })).toBe(true);
		expect(canReview(r, { countries: ['KE'], createdBy: 'r1', submittedBy: 'a' })).toBe(false);
		expect(canReview(r, { countries: ['KE'], createdBy: 'a', submittedBy: 'r1' })).toBe(false);
		expect(canReview(null, { countries: ['KE'], createdBy: 'a', submittedBy: 'a' })).toBe(false);
	});
	it('the workspace is for organisers, safeguarding and admins', () => {
		expect(mayEnterWorkspace(person('organiser', 'country', 'KE'))).toBe(true);
		expect(mayEnterWorkspace(person('safeguarding', 'country', 'KE'))).toBe(true);
		expect(mayEnterWorkspace(person('focal_point', 'country', 'KE'))).toBe(false);
		expect(mayEnterWorkspace(null)).toBe(false);
	});
});
