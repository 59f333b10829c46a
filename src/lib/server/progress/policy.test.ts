// The progress policy as a table: role x action x scope.
import { describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import type { Role, ScopeKind } from '../../identity/roles';
import { can, canValidate, countryTarget, type ProgressAction } from './policy';

const actor = (role: Role, scopeKind: ScopeKind = 'global', scopeValue = '', id = 'u1'): Actor => ({ id, email: 'x@example.org', name: 'X', grants: [{ role, scopeKind, scopeValue }] });

const KE = countryTarget('KE'); // Africa
const FR = countryTarget('FR'); // Europe

type Row = [string, Actor | null, ProgressAction, typeof KE, boolean];
const rows: Row[] = [
	['anonymous views nothing', null, 'assessment.view', KE, false],
	['focal point of KE views KE', actor('focal_point', 'country', 'KE'), 'assessment.view', KE, true],
	['focal point of KE answers KE', actor('focal_point', 'country', 'KE'), 'assessment.answer', KE, true],
	['focal point of KE cannot answer FR', actor('focal_point', 'country', 'KE'), 'assessment.answer', FR, false],
	['focal point of KE cannot view FR', actor('focal_point', 'country', 'KE'), 'assessment.view', FR, false],
	['focal point cannot validate', actor('focal_point', 'country', 'KE'), 'answer.validate', KE, false],
	['focal point cannot reopen', actor('focal_point', 'country', 'KE'), 'answer.reopen', KE, false],
	['focal point edits own roadmap', actor('focal_point', 'country', 'KE'), 'roadmap.edit', KE, true],
	['focal point cannot edit another roadmap', actor('focal_point', 'country', 'KE'), 'roadmap.edit', FR, false],
	['global validator validates anywhere', actor('validator'), 'answer.validate', FR, true],
	['Africa validator validates KE', actor('validator', 'region', 'africa'), 'answer.validate', KE, true],
	['Africa validator cannot validate FR', actor('validator', 'region', 'africa'), 'answer.validate', FR, false],
	['country validator of KE validates KE', actor('validator', 'country', 'KE'), 'answer.validate', KE, true],
	['validator cannot answer', actor('validator'), 'assessment.answer', KE, false],
	['validator cannot reopen', actor('validator'), 'answer.reopen', KE, false],
	['Africa coordinator views KE', actor('coordinator', 'region', 'africa'), 'assessment.view', KE, true],
	['Africa coordinator reopens KE', actor('coordinator', 'region', 'africa'), 'answer.reopen', KE, true],
	['Africa coordinator cannot see FR', actor('coordinator', 'region', 'africa'), 'assessment.view', FR, false],
	['Africa coordinator cannot reopen FR', actor('coordinator', 'region', 'africa'), 'answer.reopen', FR, false],
	['coordinator cannot validate', actor('coordinator', 'region', 'africa'), 'answer.validate', KE, false],
	['coordinator cannot answer', actor('coordinator', 'region', 'africa'), 'assessment.answer', KE, false],
	['coordinator cannot manage frameworks', actor('coordinator', 'region', 'africa'), 'framework.manage', { kind: 'global' } as never, false],
	['admin reopens anywhere', actor('admin'), 'answer.reopen', FR, true],
	['admin manages frameworks', actor('admin'), 'framework.manage', { kind: 'global' } as never, true],
	['editor has no part in assessments', actor('editor'), 'assessment.view', KE, false],
	['directory moderator has no part', actor('directory_moderator'), 'workspace.enter', KE, false],
	['validator enters the workspace', actor('validator', 'country', 'KE'), 'workspace.enter', KE, true]
];

describe('progress policy table', () => {
	it.each(rows)('%s', (_name, who, action, target, expected) => {
		expect(can(who, action, target)).toBe(expected);
	});

	it('nobody validates their own answer, not even an admin', () => {
		expect(canValidate(actor('validator', 'global', '', 'me'), 'KE', 'me')).toBe(false);
		expect(canValidate(actor('admin', 'global', '', 'me'), 'KE', 'me')).toBe(false);
		expect(canValidate(actor('validator', 'global', '', 'me'), 'KE', 'someone-else')).toBe(true);
		expect(canValidate(actor('focal_point', 'country', 'KE', 'me'), 'KE', 'someone-else')).toBe(false);
	});
});
