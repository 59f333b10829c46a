// The network module's part of the open API: accepted partners and experts as open data, public
// fields only. The handlers in src/routes/api/v1/network validate their queries with these schemas.
import { operation, type ApiPaths } from '../api/describe';
import { ExpertListQuery, PartnerListQuery } from './input';

const strings = { type: 'array', items: { type: 'string' } };
const page = (item: string) => ({
	type: 'object',
	required: ['data', 'page', 'pageSize', 'total'],
	properties: {
		data: { type: 'array', items: { $ref: `#/components/schemas/${item}` } },
		page: { type: 'integer', minimum: 1 },
		pageSize: { type: 'integer' },
		total: { type: 'integer' },
		note: { type: 'string' }
	}
});

export const networkApi: ApiPaths = {
	paths: {
		'/network/partners': {
			get: operation({
				operationId: 'listNetworkPartners',
				summary: 'Organisations accepted as COP partners, paged and filterable',
				description: 'Accepted partners only, public fields only: no contact person and no address. Items with demo=true are demonstration content (fictional organisations).',
				query: PartnerListQuery,
				ok: { description: 'A page of partners', schema: { $ref: '#/components/schemas/NetworkPartnerPage' } }
			})
		},
		'/network/experts': {
			get: operation({
				operationId: 'listNetworkExperts',
				summary: 'People accepted into the COP expert network, paged and filterable',
				description:
					'Accepted experts only, and only what each expert chose to make public (a field they keep private is null, and is never used by a filter). No address. Items with demo=true are demonstration content (fictional people).',
				query: ExpertListQuery,
				ok: { description: 'A page of experts', schema: { $ref: '#/components/schemas/NetworkExpertPage' } }
			})
		}
	},
	schemas: {
		NetworkPartnerPage: page('NetworkPartner'),
		NetworkExpertPage: page('NetworkExpert'),
		NetworkPartner: {
			type: 'object',
			required: ['id', 'url', 'demo', 'name', 'sector', 'countries', 'languages'],
			properties: {
				id: { type: 'string', format: 'uuid' },
				url: { type: 'string', format: 'uri' },
				demo: { type: 'boolean' },
				name: { type: 'string' },
				sector: { type: 'string', enum: ['government', 'industry', 'civil_society', 'academia', 'international_organisation'] },
				countries: { ...strings, description: 'ISO 3166-1 alpha-2' },
				languages: { ...strings, description: 'ISO 639-1' },
				topics: { ...strings, description: 'Topic graph ids' },
				offer: { type: 'string', description: 'What the organisation offers to COP, in its own words' },
				offerLanguage: { type: 'string' },
				listedSince: { type: 'string', format: 'date' }
			}
		},
		NetworkExpert: {
			type: 'object',
			required: ['id', 'url', 'demo', 'name', 'fields'],
			properties: {
				id: { type: 'string', format: 'uuid' },
				url: { type: 'string', format: 'uri' },
				demo: { type: 'boolean' },
				name: { type: 'string' },
				fields: { ...strings, description: 'Fields of expertise (ids)' },
				bio: { type: ['string', 'null'] },
				bioLanguage: { type: ['string', 'null'] },
				topics: { type: ['array', 'null'], items: { type: 'string' } },
				countries: { type: ['array', 'null'], items: { type: 'string' } },
				languages: { type: ['array', 'null'], items: { type: 'string' } },
				links: { type: ['array', 'null'], items: { type: 'string', format: 'uri' } }
			}
		}
	}
};
