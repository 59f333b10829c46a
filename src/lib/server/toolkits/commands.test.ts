import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import * as identity from '../identity';
import { auditLog } from '../identity/schema';
import { codeOf } from '../test/errors';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser, TEST_PASSWORD } from '../test/factories';
import * as toolkits from '.';

useFreshDatabase();

const input = (over: Record<string, unknown> = {}) => ({
	toolkitId: 'sports',
	organisation: 'Riverside Youth Football Club',
	answers: { 'policy-covers-online': 'no', 'messaging-rule-no-dm': 'partly', 'images-written-consent': 'yes' },
	plan: { 'messaging-no-private': { priority: 'high', owner: 'Club secretary', dueBy: '2027-03-01', notes: '' } },
	...over
});

describe('reading a posted self-assessment (anonymous: nothing kept)', () => {
	it('reshapes the form, checks ids against the toolkit and drops empty plan lines', () => {
		const sports = toolkits.getToolkit('sports');
		const practice = sports.themes[0].practices[0].id;
		const rec = sports.themes[0].recommendations[0].id;
		const a = toolkits.readAssessment(
			toolkits.assessmentFromForm('sports', { organisation: ' Club ', [`a_${practice}`]: 'no', a_other: '', [`owner_${rec}`]: 'Ana', [`priority_${rec}`]: '', csrf: 'x', [`notes_${sports.themes[1].recommendations[0].id}`]: '' })
		);
		expect(a.organisation).toBe('Club');
		expect(a.answers).toEqual({ [practice]: 'no' });
		expect(a.plan).toEqual({ [rec]: { priority: null, owner: 'Ana', dueBy: '', notes: '' } });
	});

	it('names the form field in error', async () => {
		const sports = toolkits.getToolkit('sports');
		const practice = sports.themes[0].practices[0].id;
		const rec = sports.themes[0].recommendations[0].id;
		const fieldsOf = (values: Record<string, string>) => {
			try {
				toolkits.readAssessment(toolkits.assessmentFromForm('sports', values));
			} catch (e) {
				return (e as { fields: Record<string, string> }).fields;
			}
			return {};
		};
		expect(fieldsOf({ [`a_${practice}`]: 'maybe' })).toEqual({ [`a_${practice}`]: 'invalid_value' });
		expect(fieldsOf({ 'a_no-such-practice': 'yes' })).toEqual({ 'a_no-such-practice': 'invalid_value' });
		expect(fieldsOf({ [`due_${rec}`]: '2027-02-30' })).toEqual({ [`due_${rec}`]: 'date_invalid' });
		expect(fieldsOf({ [`owner_${rec}`]: 'x'.repeat(500) })).toEqual({ [`owner_${rec}`]: 'text_too_long' });
		expect(await codeOf(Promise.resolve().then(() => toolkits.readAssessment(toolkits.assessmentFromForm('no-such-toolkit', {}))))).toBe('not_found');
	});
});

describe('saved self-assessments', () => {
	it('the owner saves, reads, changes and deletes; each step is audited without the answers', async () => {
		const owner = await makeUser();
		const id = await toolkits.saveAssessment(owner, input());
		const row = await toolkits.getOwnAssessment(owner, id);
		expect(row.organisation).toBe('Riverside Youth Football Club');
		expect(row.plan['messaging-no-private'].owner).toBe('Club secretary');
		expect((await toolkits.listOwnAssessments(owner, 'sports')).map((r) => r.id)).toEqual([id]);

		await toolkits.updateAssessment(owner, id, input({ answers: { 'policy-covers-online': 'yes' }, organisation: 'Riverside FC' }));
		const changed = await toolkits.getOwnAssessment(owner, id);
		expect(changed.answers).toEqual({ 'policy-covers-online': 'yes' });
		expect(changed.organisation).toBe('Riverside FC');

		await toolkits.deleteAssessment(owner, id);
		expect(await codeOf(toolkits.getOwnAssessment(owner, id))).toBe('not_found');

		const entries = await db().select().from(auditLog).where(eq(auditLog.entityId, id));
		expect(entries.map((e) => e.action).sort()).toEqual(['toolkits.assessment.delete', 'toolkits.assessment.save', 'toolkits.assessment.update']);
		expect(JSON.stringify(entries)).not.toContain('Riverside');
		expect(JSON.stringify(entries)).not.toContain('Club secretary');
	});

	it('nobody else reads, changes or deletes it, not even an admin; anonymous visitors cannot save', async () => {
		const owner = await makeUser();
		const id = await toolkits.saveAssessment(owner, input());
		const other = await makeUser();
		const admin = await makeUser({ grants: [grant('admin')] });
		for (const actor of [other, admin]) {
			expect(await codeOf(toolkits.getOwnAssessment(actor, id))).toBe('not_found');
			expect(await codeOf(toolkits.updateAssessment(actor, id, input()))).toBe('not_found');
			expect(await codeOf(toolkits.deleteAssessment(actor, id))).toBe('not_found');
			expect(await toolkits.listOwnAssessments(actor)).toEqual([]);
		}
		expect(await codeOf(toolkits.saveAssessment(null, input()))).toBe('sign_in_required');
		expect(await codeOf(toolkits.getOwnAssessment(null, id))).toBe('sign_in_required');
		expect((await toolkits.getOwnAssessment(owner, id)).id).toBe(id);
	});

	it('refuses a change of toolkit and ids that are not uuids', async () => {
		const owner = await makeUser();
		const id = await toolkits.saveAssessment(owner, input());
		expect(await codeOf(toolkits.updateAssessment(owner, id, input({ toolkitId: 'other' })))).toBe('not_found');
		expect(await codeOf(toolkits.deleteAssessment(owner, 'not-a-uuid'))).toBe('not_found');
	});

	it('goes with the account: in the data export, erased on deletion', async () => {
		const owner = await makeUser();
		await toolkits.saveAssessment(owner, input());
		const data = await toolkits.personalData(owner);
		expect(data.savedSelfAssessments).toHaveLength(1);
		expect(data.savedSelfAssessments[0].organisation).toBe('Riverside Youth Football Club');
		await identity.deleteOwnAccount(owner, { current: TEST_PASSWORD, confirm: 'yes' }, [toolkits.erasePersonalData]);
		expect(await toolkits.listOwnAssessments(owner)).toEqual([]);
	});
});

describe('presenting a result', () => {
	it('scores per theme and puts the recommendations to act on in the plan, suggested priority first', () => {
		const sports = toolkits.getToolkit('sports');
		const r = toolkits.presentResult(sports, { answers: { 'policy-covers-online': 'no', 'images-written-consent': 'yes' }, plan: {} });
		expect(r.themes).toHaveLength(sports.themes.length);
		expect(r.actions.length).toBeGreaterThan(0);
		expect(r.actions[0].line.priority).toBe(r.actions[0].suggestedPriority);
		expect(r.hidden).toEqual(expect.arrayContaining([{ name: 'a_policy-covers-online', value: 'no' }]));
	});
});
