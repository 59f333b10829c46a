// The OpenAPI 3.1 description of /api/v1. Each module contributes its paths and schemas here
// beside the handlers it adds; a test checks that every documented path answers.
import { progressPaths, progressSchemas } from '../progress/openapi';

const Problem = {
	type: 'object',
	required: ['error'],
	properties: {
		error: {
			type: 'object',
			required: ['status', 'code'],
			properties: {
				status: { type: 'integer' },
				code: { type: 'string', description: 'Stable machine-readable error code' },
				fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field name to error code' }
			}
		}
	}
} as const;

const Country = {
	type: 'object',
	required: ['code', 'name', 'region'],
	properties: {
		code: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
		name: { type: 'string' },
		region: { type: 'string', enum: ['africa', 'americas', 'arab_states', 'asia_pacific', 'cis', 'europe'] }
	}
} as const;

const lang = {
	name: 'lang',
	in: 'query',
	required: false,
	description: 'Language of names (one of the six UN languages); English by default',
	schema: { type: 'string', enum: ['en', 'fr', 'es', 'ru', 'zh', 'ar'] }
} as const;

export function openApiDocument(serverUrl: string) {
	return {
		openapi: '3.1.0',
		info: {
			title: 'COP Platform open API',
			version: '1.0.0',
			description:
				'Open data from COP Platform. Read endpoints need no account and set no cookies. Errors are JSON problem documents with a stable code.',
			license: { name: 'AGPL-3.0-or-later', identifier: 'AGPL-3.0-or-later' }
		},
		servers: [{ url: `${serverUrl}/api/v1` }],
		paths: {
			'/countries': {
				get: {
					operationId: 'listCountries',
					summary: 'Every ISO 3166-1 country and territory with its ITU region',
					parameters: [
						lang,
						{ name: 'region', in: 'query', required: false, schema: Country.properties.region }
					],
					responses: {
						'200': {
							description: 'Countries sorted by name in the requested language',
							content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Country' } } } } } }
						},
						'400': { description: 'Bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
					}
				}
			},
			'/hsds/services': { get: {
				operationId: 'listHsdsServices',
				summary: 'Help-finder services as Open Referral HSDS 3.0, paged',
				description: 'Each item is a fully nested HSDS 3.0 service. Fields HSDS lacks travel in attributes of the cop:* taxonomy (docs/hsds.md).',
				parameters: [
					{ name: 'search', in: 'query', required: false, schema: { type: 'string', maxLength: 100 } },
					{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
					{ name: 'per_page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 } },
					{ name: 'taxonomy_term_id', in: 'query', required: false, description: 'A term id from /hsds/taxonomy_terms (topic, 4C, action, kind, cost or channel type)', schema: { type: 'string', format: 'uuid' } },
					{ name: 'modified_after', in: 'query', required: false, description: 'Date or ISO 8601 date-time; UTC when no zone is given', schema: { type: 'string' } },
					{ name: 'format', in: 'query', required: false, schema: { type: 'string', enum: ['json'] } }
				],
				responses: {
					'200': { description: 'An HSDS page of services', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/HsdsPage' }, { type: 'object', properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/HsdsService' } } } }] } } } },
					'400': { description: 'Bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
				}
			} },
			'/hsds/services/{id}': { get: {
				operationId: 'getHsdsService',
				summary: 'One help-finder service as HSDS 3.0',
				parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
				responses: {
					'200': { description: 'The service', content: { 'application/json': { schema: { $ref: '#/components/schemas/HsdsService' } } } },
					'404': { description: 'No such service (also for an id that is not a UUID)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
				}
			} },
			'/hsds/taxonomy_terms': { get: {
				operationId: 'listHsdsTaxonomyTerms',
				summary: 'The help-finder taxonomy (4Cs, topics, actions, kinds, channel types, costs, extension fields) as HSDS taxonomy terms',
				parameters: [
					{ name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, default: 1 } },
					{ name: 'per_page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
					{ name: 'taxonomy_id', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
					{ name: 'parent_id', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
					{ name: 'top_only', in: 'query', required: false, schema: { type: 'boolean' } }
				],
				responses: {
					'200': { description: 'An HSDS page of taxonomy terms', content: { 'application/json': { schema: { allOf: [{ $ref: '#/components/schemas/HsdsPage' }, { type: 'object', properties: { contents: { type: 'array', items: { $ref: '#/components/schemas/HsdsTaxonomyTerm' } } } }] } } } },
					'400': { description: 'Bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
				}
			} },
			...progressPaths,
			'/learning/statements': {
				get: {
					operationId: 'listLearningStatements',
					summary: 'xAPI statements (learning records) of signed-in learners, admin only',
					description:
						'Every lesson view, quiz answer, pass/fail and course completion as an xAPI 1.0.3 statement. The actor is an account (homePage = this deployment, name = an opaque user id), never an email address. Authenticate with an admin session (cookie, or the session token as a bearer token). Results come in stored order; follow `more` for the next page (empty string when there is none).',
					security: [{ session: [] }, { bearer: [] }],
					parameters: [
						{ name: 'since', in: 'query', required: false, description: 'Only statements stored after this instant (ISO 8601)', schema: { type: 'string', format: 'date-time' } },
						{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 500, default: 100 } },
						{ name: 'after', in: 'query', required: false, description: 'Continuation position, as given in `more`', schema: { type: 'integer', minimum: 1 } }
					],
					responses: {
						'200': { description: 'An xAPI StatementResult', content: { 'application/json': { schema: { $ref: '#/components/schemas/XapiStatementResult' } } } },
						'400': { description: 'Bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
						'401': { description: 'Not signed in', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } },
						'403': { description: 'Not an administrator', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } }
					}
				}
			},
			'/regions': {
				get: {
					operationId: 'listRegions',
					summary: 'The six ITU regions with their countries',
					parameters: [lang],
					responses: {
						'200': {
							description: 'Regions',
							content: {
								'application/json': {
									schema: {
										type: 'object',
										properties: {
											data: {
												type: 'array',
												items: {
													type: 'object',
													properties: { id: { type: 'string' }, name: { type: 'string' }, countries: { type: 'array', items: { type: 'string' } } }
												}
											}
										}
									}
								}
							}
						}
					}
				}
			}
		},
		components: { securitySchemes: {
			session: { type: 'apiKey', in: 'cookie', name: 'cop_session', description: 'The session cookie set by signing in' },
			bearer: { type: 'http', scheme: 'bearer', description: 'The same session token, for scripts' }
		}, schemas: { Problem, Country, ...progressSchemas,
			XapiStatementResult: { type: 'object', required: ['statements', 'more'], properties: { statements: { type: 'array', items: { $ref: '#/components/schemas/XapiStatement' } }, more: { type: 'string', description: 'Relative URL of the next page, or an empty string' } } },
			XapiStatement: { type: 'object', required: ['id', 'actor', 'verb', 'object', 'timestamp', 'stored'], properties: {
				id: { type: 'string', format: 'uuid' },
				actor: { type: 'object', required: ['objectType', 'account'], properties: { objectType: { const: 'Agent' }, account: { type: 'object', required: ['homePage', 'name'], properties: { homePage: { type: 'string', format: 'uri' }, name: { type: 'string' } } } } },
				verb: { type: 'object', required: ['id'], properties: { id: { type: 'string', enum: ['http://adlnet.gov/expapi/verbs/registered', 'http://adlnet.gov/expapi/verbs/experienced', 'http://adlnet.gov/expapi/verbs/answered', 'http://adlnet.gov/expapi/verbs/passed', 'http://adlnet.gov/expapi/verbs/failed', 'http://adlnet.gov/expapi/verbs/completed'] }, display: { type: 'object' } } },
				object: { type: 'object', required: ['objectType', 'id'], properties: { objectType: { const: 'Activity' }, id: { type: 'string', format: 'uri' }, definition: { type: 'object' } } },
				result: { type: 'object', properties: { score: { type: 'object', properties: { scaled: { type: 'number' }, raw: { type: 'number' }, min: { type: 'number' }, max: { type: 'number' } } }, success: { type: 'boolean' }, completion: { type: 'boolean' }, response: { type: 'string' } } },
				context: { type: 'object' },
				timestamp: { type: 'string', format: 'date-time' },
				stored: { type: 'string', format: 'date-time' },
				version: { type: 'string' }
			} },
			HsdsPage: { type: 'object', required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'], properties: { total_items: { type: 'integer' }, total_pages: { type: 'integer' }, page_number: { type: 'integer' }, size: { type: 'integer' }, first_page: { type: 'boolean' }, last_page: { type: 'boolean' }, empty: { type: 'boolean' }, contents: { type: 'array' } } },
			HsdsService: { type: 'object', required: ['id', 'name', 'status'], description: 'Open Referral HSDS 3.0 service (schema/compiled/service.json of the HSDS 3.0 specification)', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, status: { type: 'string', enum: ['active', 'inactive', 'defunct', 'temporarily closed'] } } },
			HsdsTaxonomyTerm: { type: 'object', required: ['id', 'name', 'description'], properties: { id: { type: 'string', format: 'uuid' }, code: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, parent_id: { type: 'string', format: 'uuid' }, taxonomy: { type: 'string' }, taxonomy_id: { type: 'string', format: 'uuid' }, language: { type: 'string' } } }
		} }
	};
}
