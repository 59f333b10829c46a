// The open API: its OpenAPI 3.1 document, and every documented path answers.
import { expect, test } from './fixtures';

test('OpenAPI 3.1 document lists paths that answer', async ({ request }) => {
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(doc.openapi).toBe('3.1.0');
	const paths = Object.keys(doc.paths);
	expect(paths.length).toBeGreaterThan(0);
	for (const p of paths) {
		if (p.includes('{')) continue;
		const r = await request.get(`/api/v1${p}`);
		// paths that need an account answer an anonymous request with a JSON 401
		const secured = Boolean(doc.paths[p].get?.security);
		expect(r.status(), p).toBe(secured ? 401 : 200);
		// each path answers in the media type it documents (JSON unless it says otherwise, e.g. CSV)
		const documented = secured ? ['application/problem+json'] : Object.keys(doc.paths[p].get?.responses?.['200']?.content ?? { 'application/json': {} }).map((t) => t.split(';')[0]);
		expect(documented, p).toContain(r.headers()['content-type'].split(';')[0]);
	}
});

test('countries in Chinese, filtered by region; bad parameters are a clear 400', async ({ request }) => {
	const r = await request.get('/api/v1/countries?lang=zh&region=africa');
	const { data } = await r.json();
	expect(data.find((c: { code: string }) => c.code === 'KE').name).toBe('肯尼亚');
	expect(data.every((c: { region: string }) => c.region === 'africa')).toBe(true);
	const bad = await request.get('/api/v1/countries?region=atlantis');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.fields.region).toBe('region_invalid');
});

test('health check reports the database', async ({ request }) => {
	const r = await request.get('/healthz');
	expect(r.status()).toBe(200);
	expect((await r.json()).status).toBe('ok');
});
