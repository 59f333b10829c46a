// The OpenAPI 3.1 description of /api/v1. Each module contributes its paths and schemas here
// beside the handlers it adds; a test checks that every documented path answers.

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
		components: { schemas: { Problem, Country } }
	};
}
