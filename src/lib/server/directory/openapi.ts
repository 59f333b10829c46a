// The help finder's part of the open API (Open Referral HSDS 3.0): the query schemas the handlers
// in src/routes/api/v1/hsds validate with, and the description generated from them.
import * as v from 'valibot';
import { intParam, operation, uuidParam, type ApiPaths } from '../api/describe';

/** The HSDS version this API follows, and the profile it answers with at `GET /hsds`. */
export const HSDS_VERSION = '3.0';
/** Base HSDS 3.0: our extensions travel in attributes of the cop:* taxonomy, no schema is changed (docs/hsds.md). */
export const HSDS_PROFILE = 'https://docs.openreferral.org/en/3.0/';

const format = v.pipe(v.picklist(['json'], 'format_unsupported'), v.description('Only JSON is served'));

export const HsdsServicesQuery = v.object({
	search: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, 'search_too_long'), v.description('Words in the name, description or organisation'))),
	page: v.optional(intParam(1, 999_999_999, 'page_invalid', 'Page number, from 1 (default 1)')),
	per_page: v.optional(intParam(1, 100, 'per_page_invalid', 'Items per page (default 50)')),
	taxonomy_term_id: v.optional(uuidParam('taxonomy_term_invalid', 'A term id from /hsds/taxonomy_terms (topic, 4C, action, kind, cost or channel type)')),
	modified_after: v.optional(v.pipe(v.string(), v.maxLength(40, 'date_time_invalid'), v.description('Date or ISO 8601 date-time; UTC when no zone is given'))),
	format: v.optional(format)
});

export const HsdsTermsQuery = v.object({
	page: v.optional(intParam(1, 999_999_999, 'page_invalid', 'Page number, from 1 (default 1)')),
	per_page: v.optional(intParam(1, 500, 'per_page_invalid', 'Items per page (default 100)')),
	taxonomy_id: v.optional(uuidParam('uuid_invalid', 'Only terms of this taxonomy')),
	parent_id: v.optional(uuidParam('uuid_invalid', 'Only children of this term')),
	top_only: v.optional(v.pipe(v.picklist(['true', 'false'], 'boolean_invalid'), v.description('Only terms without a parent'))),
	format: v.optional(format)
});

export const HsdsServicePath = v.object({ id: uuidParam('not_found', 'The service id') });

const page = (item: string) => ({ allOf: [{ $ref: '#/components/schemas/HsdsPage' }, { type: 'object', properties: { contents: { type: 'array', items: { $ref: `#/components/schemas/${item}` } } } }] });

export const hsdsApi: ApiPaths = {
	paths: {
		'/hsds': {
			get: operation({
				operationId: 'getAPIMetaInformation',
				summary: 'Information about this API and its relationship with HSDS (the HSDS 3.0 API root)',
				ok: {
					description: 'HSDS version, profile and this document',
					schema: {
						type: 'object',
						required: ['version', 'profile', 'openapi_url'],
						properties: {
							version: { type: 'string', description: 'HSDS version of this API' },
							profile: { type: 'string', format: 'uri', description: 'URL of the information on the HSDS profile of this API' },
							openapi_url: { type: 'string', format: 'uri', description: 'URL of the OpenAPI document that defines this API' }
						}
					}
				}
			})
		},
		'/hsds/services': {
			get: operation({
				operationId: 'listHsdsServices',
				summary: 'Help-finder services as Open Referral HSDS 3.0, paged',
				description: 'Each item is a fully nested HSDS 3.0 service. Fields HSDS lacks travel in attributes of the cop:* taxonomy (docs/hsds.md).',
				query: HsdsServicesQuery,
				ok: { description: 'An HSDS page of services', schema: page('HsdsService') }
			})
		},
		'/hsds/services/{id}': {
			get: operation({
				operationId: 'getHsdsService',
				summary: 'One help-finder service as HSDS 3.0',
				path: HsdsServicePath,
				ok: { description: 'The service', schema: { $ref: '#/components/schemas/HsdsService' } },
				errors: { 404: 'No such service (also for an id that is not a UUID)' }
			})
		},
		'/hsds/taxonomy_terms': {
			get: operation({
				operationId: 'listHsdsTaxonomyTerms',
				summary: 'The help-finder taxonomy (4Cs, topics, actions, kinds, channel types, costs, extension fields) as HSDS taxonomy terms',
				query: HsdsTermsQuery,
				ok: { description: 'An HSDS page of taxonomy terms', schema: page('HsdsTaxonomyTerm') }
			})
		}
	},
	schemas: {
		HsdsPage: { type: 'object', required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'], properties: { total_items: { type: 'integer' }, total_pages: { type: 'integer' }, page_number: { type: 'integer' }, size: { type: 'integer' }, first_page: { type: 'boolean' }, last_page: { type: 'boolean' }, empty: { type: 'boolean' }, contents: { type: 'array' } } },
		HsdsService: { type: 'object', required: ['id', 'name', 'status'], description: 'Open Referral HSDS 3.0 service (schema/compiled/service.json of the HSDS 3.0 specification)', properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, status: { type: 'string', enum: ['active', 'inactive', 'defunct', 'temporarily closed'] } } },
		HsdsTaxonomyTerm: { type: 'object', required: ['id', 'name', 'description'], properties: { id: { type: 'string', format: 'uuid' }, code: { type: 'string' }, name: { type: 'string' }, description: { type: 'string' }, parent_id: { type: 'string', format: 'uuid' }, taxonomy: { type: 'string' }, taxonomy_id: { type: 'string', format: 'uuid' }, language: { type: 'string' } } }
	}
};
