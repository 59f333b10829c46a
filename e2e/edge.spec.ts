// The edge of the built server, with plain HTTP requests (no browser page, so no axe scan): broken
// bodies are a 400 with a message on every kind of form action, the API answers unknown paths and
// malformed ids with a JSON 404, and the HSDS API root says which version and profile it follows.
import { expect, test } from './fixtures';

const BROKEN = { 'content-type': 'multipart/form-data; boundary=----nope' };

test('a malformed multipart body is a 400 with a message, never a 500', async ({ request, baseURL }) => {
	const id = '00000000-0000-4000-8000-000000000000';
	const actions = [
		'/admin/progress?/publish',
		'/admin/progress?/upload',
		'/admin/directory/import',
		'/workspace/roadmaps/KE?/create',
		`/workspace/assessments/${id}?/context`,
		`/workspace/assessments/${id}/legal?/decide`,
		`/workspace/assessments/${id}/legal?/removeEvidence`,
		`/workspace/assessments/${id}/legal?/save`,
		'/learn/adapt?/delete',
		'/learn/verify',
		'/help/suggest'
	];
	for (const path of actions) {
		// as the page's enhanced form posts it: the action's own answer, whatever the page around it
		const r = await request.post(path, { headers: { ...BROKEN, origin: baseURL!, 'x-sveltekit-action': 'true', accept: 'application/json' }, data: '--garbage' });
		expect(r.status(), path).toBe(200);
		const body = await r.json();
		expect(body, path).toMatchObject({ type: 'failure', status: 400 });
		expect(body.data, path).toContain('form_unreadable');
	}
	// as a browser without JavaScript posts it, on a public page: the page again, with a 400
	for (const path of ['/help/suggest', '/learn/verify', '/password/forgot']) {
		const r = await request.post(path, { headers: { ...BROKEN, origin: baseURL!, accept: 'text/html' }, data: '--garbage' });
		expect(r.status(), path).toBe(400);
		expect(await r.text(), path).toMatch(/form could not be read/i);
	}
});

test('the API answers unknown paths and ids that are not UUIDs with a JSON 404', async ({ request }) => {
	for (const path of ['/api/v1/hsds/services/not-a-uuid', '/api/v1/nothing/here']) {
		const r = await request.get(path);
		expect(r.status(), path).toBe(404);
		expect(r.headers()['content-type'], path).toContain('application/problem+json');
		expect((await r.json()).code, path).toBe('not_found');
	}
	// pages with an id that is not a UUID are a plain 404 from the matcher
	expect((await request.get('/help/services/not-a-uuid')).status()).toBe(404);
});

test('the HSDS API root and the API index', async ({ request, baseURL }) => {
	const root = await (await request.get('/api/v1/hsds')).json();
	expect(root).toMatchObject({ version: '3.0', openapi_url: `${baseURL}/api/v1/openapi.json` });
	expect(root.profile).toMatch(/^https:\/\//);
	const index = await (await request.get('/api/v1')).json();
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(index.endpoints).toEqual(Object.keys(doc.paths).map((p) => (p === '/' ? '/api/v1' : `/api/v1${p}`)));
});
