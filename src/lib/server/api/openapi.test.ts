// The OpenAPI document is complete and generated from the handlers' schemas: every route under
// src/routes/api/v1 is described (a new endpoint without a description fails here), every
// described path has a route, and query parameters come from the valibot schemas.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CountriesQuery } from './geo';
import { endpoints, openApiDocument } from './openapi';

const API_ROOT = path.resolve('src/routes/api/v1');

/** `src/routes/api/v1/hsds/services/[id=uuid]/+server.ts` -> `/hsds/services/{id}` (catch-alls are not endpoints). */
function routePaths(dir = API_ROOT): string[] {
	const out: string[] = [];
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory() && !entry.name.startsWith('[...')) out.push(...routePaths(full));
		else if (entry.name === '+server.ts') {
			const rel = path.relative(API_ROOT, dir).split(path.sep).filter(Boolean);
			out.push('/' + rel.map((s) => s.replace(/\[(\w+)(?:=\w+)?\]/g, '{$1}')).join('/'));
		}
	}
	return out.sort();
}

const doc = openApiDocument('https://cop.example');

describe('OpenAPI document', () => {
	it('describes every route under /api/v1, and nothing that has no route', () => {
		const routes = routePaths();
		expect(routes.length).toBeGreaterThan(8);
		expect(Object.keys(doc.paths).sort()).toEqual(routes);
	});

	it('GET /api/v1 lists every endpoint of the document', () => {
		expect(endpoints()).toContain('/api/v1/hsds');
		expect(endpoints()).toHaveLength(Object.keys(doc.paths).length);
	});

	it('takes query parameters from the schema the handler validates with', () => {
		const params = (doc.paths['/countries'] as { get: { parameters: { name: string; schema: { enum?: string[] } }[] } }).get.parameters;
		expect(params.map((p) => p.name)).toEqual(Object.keys(CountriesQuery.entries));
		expect(params.find((p) => p.name === 'lang')!.schema.enum).toEqual(['en', 'fr', 'es', 'ru', 'zh', 'ar']);
		const hsds = (doc.paths['/hsds/services'] as { get: { parameters: { name: string; schema: Record<string, unknown> }[] } }).get.parameters;
		expect(hsds.find((p) => p.name === 'per_page')!.schema).toMatchObject({ type: 'integer', minimum: 1, maximum: 100 });
		expect(hsds.find((p) => p.name === 'taxonomy_term_id')!.schema).toMatchObject({ type: 'string', format: 'uuid' });
	});

	it('gives every operation a unique id and resolvable references', () => {
		const ops = Object.values(doc.paths).flatMap((item) => Object.values(item as Record<string, { operationId: string }>));
		const ids = ops.map((o) => o.operationId);
		expect(new Set(ids).size).toBe(ids.length);
		const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
		for (const r of refs) expect(doc.components.schemas, r).toHaveProperty(r);
	});
});
