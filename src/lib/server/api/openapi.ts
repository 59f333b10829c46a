// The OpenAPI 3.1 description of /api/v1, collected from every module's `openapi.ts`.
//
// To add a module's endpoints: write `src/lib/server/<module>/openapi.ts` exporting an `ApiPaths`
// (`{ paths, schemas }`) built with `operation(...)` from `api/describe.ts`, passing the same valibot
// query schema the handler gives `apiHandler(Query, ...)`; then add it to MODULES below. A test
// (openapi.test.ts) fails when a route under src/routes/api/v1 is missing from the document.
import { hsdsApi } from '../directory/openapi';
import { eventsApi } from '../events/openapi';
import { federationApi } from '../federation/openapi';
import { learningApi } from '../learning/openapi';
import { libraryApi } from '../library/openapi';
import { networkApi } from '../network/openapi';
import { participationApi } from '../participation/openapi';
import { progressApi } from '../progress/openapi';
import { operation, type ApiPaths } from './describe';
import { geoApi } from './geo';

/** The API's own entry points: the list of endpoints and this document. */
const rootApi: ApiPaths = {
	paths: {
		'/': {
			get: operation({
				operationId: 'getApiIndex',
				summary: 'The API: its name, version, this document and every endpoint',
				ok: {
					description: 'Index',
					schema: {
						type: 'object',
						required: ['name', 'version', 'openapi', 'endpoints'],
						properties: { name: { type: 'string' }, version: { type: 'string' }, openapi: { type: 'string', format: 'uri' }, endpoints: { type: 'array', items: { type: 'string' } } }
					}
				}
			})
		},
		'/openapi.json': {
			get: operation({ operationId: 'getOpenApi', summary: 'This OpenAPI 3.1 document', ok: { description: 'OpenAPI 3.1', schema: { type: 'object' } } })
		}
	}
};

/** Every module that serves part of /api/v1. */
const MODULES: ApiPaths[] = [rootApi, geoApi, hsdsApi, progressApi, learningApi, eventsApi, participationApi, networkApi, libraryApi, federationApi];

/** Errors: an RFC 9457 problem document with a stable code (and, for older clients, the same in `error`). */
const Problem = {
	type: 'object',
	required: ['status', 'code'],
	properties: {
		type: { type: 'string' },
		title: { type: 'string', description: 'The problem in the language of the request' },
		status: { type: 'integer' },
		code: { type: 'string', description: 'Stable machine-readable error code' },
		fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field name to error code' },
		error: {
			type: 'object',
			required: ['status', 'code'],
			properties: { status: { type: 'integer' }, code: { type: 'string' }, fields: { type: 'object', additionalProperties: { type: 'string' } } }
		}
	}
};

function collect() {
	const paths: Record<string, unknown> = {};
	const schemas: Record<string, unknown> = { Problem };
	for (const m of MODULES) {
		for (const [p, item] of Object.entries(m.paths)) {
			if (p in paths) throw new Error(`OpenAPI path ${p} is described twice`);
			paths[p] = item;
		}
		Object.assign(schemas, m.schemas);
	}
	return { paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))), schemas };
}

const collected = collect();

/** Every documented path, as the absolute paths `GET /api/v1` lists. */
export function endpoints(): string[] {
	return Object.keys(collected.paths).map((p) => (p === '/' ? '/api/v1' : `/api/v1${p}`));
}

export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'COP Platform open API',
			version: '1.0.0',
			description:
				'Open data from COP Platform. Read endpoints need no account and set no cookies. Errors are JSON problem documents (RFC 9457) with a stable code.',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		paths: collected.paths,
		components: {
			securitySchemes: {
				session: { type: 'apiKey', in: 'cookie', name: 'cop_session', description: 'The session cookie set by signing in' },
				bearer: { type: 'http', scheme: 'bearer', description: 'A personal access token (cop_pat_...) made at /account/tokens, scoped and expiring' }
			},
			schemas: collected.schemas
		}
	};
}
