// The library module's part of the open API: published documents as open data, with full-text
// search. The handler in src/routes/api/v1/library/documents validates its query with
// `SearchQuery`, the schema described here.
import { operation, type ApiPaths } from '../api/describe';
import { SearchQuery } from './input';

const localeMap = { type: 'object', additionalProperties: { type: 'string' }, description: 'Text by language code (en, fr, es, ru, zh, ar)' };
const pairs = { type: 'array', items: { type: 'object', required: ['value', 'count'], properties: { value: { type: 'string' }, count: { type: 'integer' } } } };

export const libraryApi: ApiPaths = {
	paths: {
		'/library/documents': {
			get: operation({
				operationId: 'listLibraryDocuments',
				summary: 'Published library documents: search, filter, page',
				description:
					'Full-text search (q, websearch syntax: "a phrase", or, -not) over titles, summaries and the text of PDF files, in every language at once: English, French, Spanish and Russian with stemming, Chinese and Arabic by substring. Results are ranked when q is given, newest first otherwise. Facet counts are for the whole match. Items with demo=true are demonstration content. No personal data.',
				query: SearchQuery,
				ok: { description: 'A page of documents', schema: { $ref: '#/components/schemas/LibraryDocumentPage' } }
			})
		}
	},
	schemas: {
		LibraryDocumentPage: {
			type: 'object',
			required: ['data', 'page', 'pageSize', 'total', 'facets'],
			properties: {
				data: { type: 'array', items: { $ref: '#/components/schemas/LibraryDocument' } },
				page: { type: 'integer', minimum: 1 },
				pageSize: { type: 'integer' },
				total: { type: 'integer' },
				facets: { type: 'object', properties: { type: pairs, year: pairs, language: pairs, topic: pairs, country: pairs } },
				note: { type: 'string' }
			}
		},
		LibraryDocument: {
			type: 'object',
			required: ['id', 'url', 'demo', 'type', 'year', 'title', 'languages', 'edition', 'files'],
			properties: {
				id: { type: 'string', format: 'uuid' },
				url: { type: 'string', format: 'uri' },
				demo: { type: 'boolean' },
				type: { type: 'string', enum: ['report', 'policy_brief', 'guideline', 'cwg_contribution', 'resolution', 'research', 'toolkit'] },
				year: { type: 'integer' },
				title: localeMap,
				summary: localeMap,
				countries: { type: 'array', items: { type: 'string' }, description: 'ISO 3166-1 alpha-2' },
				organisations: { type: 'array', items: { type: 'string' } },
				topics: { type: 'array', items: { type: 'string' } },
				copAreas: { type: 'array', items: { type: 'string' } },
				languages: { type: 'array', items: { type: 'string' } },
				edition: { type: 'integer', minimum: 1 },
				correctedAt: { type: ['string', 'null'], format: 'date-time' },
				publishedAt: { type: ['string', 'null'], format: 'date-time' },
				externalUrl: { type: ['string', 'null'], format: 'uri' },
				contribution: {
					type: ['object', 'null'],
					description: 'Council Working Group contributions only',
					properties: {
						submitterCountry: { type: ['string', 'null'] },
						submitterOrganisation: { type: ['string', 'null'] },
						meetingSession: { type: ['integer', 'null'] },
						meetingDate: { type: ['string', 'null'], format: 'date' },
						status: { type: ['string', 'null'] }
					}
				},
				files: {
					type: 'array',
					items: {
						type: 'object',
						required: ['url', 'language', 'filename', 'mediaType', 'size'],
						properties: { url: { type: 'string', format: 'uri' }, language: { type: 'string' }, filename: { type: 'string' }, mediaType: { type: 'string' }, size: { type: 'integer' } }
					}
				}
			}
		}
	}
};
