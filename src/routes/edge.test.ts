// Form actions at the edge, called as SvelteKit calls them (a RequestEvent with a real Request) on
// a real database: unreadable bodies are a 400, refusals are failures with their 4xx (never a
// "success", never a 500), bad ids in form fields are not found. Findings of issue 11.
import { isActionFailure, isRedirect } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { db } from '$lib/server/db';
import * as progress from '$lib/server/progress';
import { ensurePublishedFramework, fixtureFramework } from '$lib/server/test/progress';
import { useFreshDatabase } from '$lib/server/test/db';
import { grant, makeUser } from '$lib/server/test/factories';
import type { Actor } from '$lib/server/identity';
import { actions as adaptActions } from './learn/adapt/+page.server';
import { actions as adminLearningActions } from './admin/learning/+page.server';
import { actions as adminProgressActions } from './admin/progress/+page.server';
import { actions as roadmapActions } from './workspace/roadmaps/[country]/+page.server';
import { actions as assessmentActions } from './workspace/assessments/[id=uuid]/+page.server';
import { actions as pillarActions } from './workspace/assessments/[id=uuid]/[pillar]/+page.server';
import { actions as signinActions } from './signin/+page.server';

useFreshDatabase();

const BROKEN_MULTIPART = { 'content-type': 'multipart/form-data; boundary=----x' };

function post(body: BodyInit, headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' }) {
	return new Request('http://localhost/action', { method: 'POST', headers, body });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function event(request: Request, actor: Actor | null, params: Record<string, string> = {}): any {
	return { request, locals: { actor }, params, url: new URL(request.url), cookies: { get: () => undefined, set() {}, delete() {} }, getClientAddress: () => '127.0.0.1' };
}

/** What the action answered: the failure status, 303 for a redirect, 200 for success; a thrown bug rejects. */
async function outcome(p: unknown): Promise<{ status: number; data: Record<string, unknown> }> {
	try {
		const r = await p;
		if (isActionFailure(r)) return { status: r.status, data: r.data as unknown as Record<string, unknown> };
		return { status: 200, data: (r ?? {}) as unknown as Record<string, unknown> };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, data: { location: e.location } };
		throw e;
	}
}

const ID = '00000000-0000-4000-8000-000000000000';

describe('a malformed multipart body is a 400 with a message, on every kind of action', () => {
	const cases: [string, (e: never) => unknown, Record<string, string>][] = [
		['admin progress publish', adminProgressActions.publish, {}],
		['admin progress import', adminProgressActions.importContent, {}],
		['roadmap create', roadmapActions.create, { country: 'KE' }],
		['assessment context', assessmentActions.context, { id: ID }],
		['pillar decide', pillarActions.decide, { id: ID, pillar: 'legal' }],
		['pillar remove evidence', pillarActions.removeEvidence, { id: ID, pillar: 'legal' }],
		['pillar save', pillarActions.save, { id: ID, pillar: 'legal' }],
		['sign in', signinActions.default, {}]
	];
	for (const [name, action, params] of cases) {
		it(name, async () => {
			const r = await outcome(action(event(post('garbage', BROKEN_MULTIPART), null, params) as never));
			expect(r.status).toBe(400);
			expect(r.data).toMatchObject({ error: 'form_unreadable', message: expect.stringMatching(/form could not be read/i) });
		});
	}
});

describe('the validator decide action (workspace assessment pillar page)', () => {
	async function setup() {
		await ensurePublishedFramework(db(), fixtureFramework());
		const fp = await makeUser({ grants: [grant('focal_point', { country: 'KE' })] });
		const id = await progress.openAssessment(fp, { country: 'KE', period: '2025' });
		await progress.saveAnswers(fp, id, [{ questionId: 'legal.csam.in_law', value: 'yes' }]);
		const answerId = (await progress.assessmentDetail(fp, id)).answers['legal.csam.in_law'].id;
		return { fp, id, answerId };
	}

	it('answers a refusal with 403, not a 200 "success"', async () => {
		const { fp, id, answerId } = await setup();
		// a focal point may not rule on answers
		const r = await outcome(pillarActions.decide(event(post(`decision:${answerId}=accept`), fp, { id, pillar: 'legal' }) as never));
		expect(r.status).toBe(403);
		expect(r.data.error).toBe('forbidden');
	});

	it('answers an anonymous post with 401 (sign in), not a 500', async () => {
		const { id, answerId } = await setup();
		const r = await outcome(pillarActions.decide(event(post(`decision:${answerId}=accept`), null, { id, pillar: 'legal' }) as never));
		expect(r.status).toBe(401);
	});

	it('keys a refused decision by question for the page', async () => {
		const { id, answerId } = await setup();
		const validator = await makeUser({ grants: [grant('validator', { region: 'africa' })] });
		// a draft answer cannot be ruled on: the refusal names the question, not the answer id
		const r = await outcome(pillarActions.decide(event(post(`decision:${answerId}=accept`), validator, { id, pillar: 'legal' }) as never));
		expect(r.status).toBe(409);
		expect(r.data.fields).toEqual({ 'legal.csam.in_law': 'progress_answer_not_submitted' });
	});
});

describe('ids in form fields that are not UUIDs', () => {
	it('/learn/adapt?/delete with a bad id is a 404, not a 500', async () => {
		const editor = await makeUser({ grants: [grant('editor')] });
		for (const bad of ['x', "1' or 1=1", '']) {
			const r = await outcome(adaptActions.delete(event(post(new URLSearchParams({ id: bad })), editor) as never));
			expect(r.status, bad).toBe(404);
		}
	});

	it('certificate revoke with a bad id is a 404, not a 500', async () => {
		const admin = await makeUser({ grants: [grant('admin')] });
		const r = await outcome(adminLearningActions.revoke(event(post(new URLSearchParams({ id: 'nope', reason: 'test' })), admin) as never));
		expect(r.status).toBe(404);
	});
});

describe('what a failed action sends back', () => {
	it('keeps what was typed but never a password', async () => {
		const r = await outcome(signinActions.default(event(post(new URLSearchParams({ email: 'nobody@example.org', password: 'secret words here' })), null) as never));
		expect(r.status).toBeGreaterThanOrEqual(400);
		expect(r.data.values).toEqual({ email: 'nobody@example.org' });
		expect(typeof r.data.message).toBe('string');
	});
});
