// The participation module's part of the open API: published consultations and their suppressed
// results. The handlers under src/routes/api/v1/participation validate with these schemas.
import * as v from 'valibot';
import { operation, uuidParam, type ApiPaths } from '../api/describe';

export const ResultsQuery = v.object({
	format: v.optional(v.pipe(v.picklist(['json', 'csv'], 'format_invalid'), v.description('json (default) or csv')), 'json')
});
const ResultsPath = v.object({ id: uuidParam('not_found', 'The consultation id') });

export const participationApi: ApiPaths = {
	paths: {
		'/participation/consultations': {
			get: operation({
				operationId: 'listConsultations',
				summary: 'Published consultations of children and young people, with their status',
				description: 'No drafts, no authors, no reviewers, and nothing about any child. isDemo marks demonstration content.',
				ok: { description: 'Consultations', schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Consultation' } } } } }
			})
		},
		'/participation/consultations/{id}/results': {
			get: operation({
				operationId: 'getConsultationResults',
				summary: 'Aggregated answers of a consultation whose results are public, small groups suppressed',
				description:
					'Counts and shares per question, overall and by age band and country. Any group smaller than the consultation\'s threshold (10 by default, never below 5) has empty counts, in JSON and CSV alike, and suppression is complementary so that no hidden group can be recovered by subtraction.',
				path: ResultsPath,
				query: ResultsQuery,
				ok: { description: 'The aggregates (CSV when format=csv)', schema: { $ref: '#/components/schemas/ConsultationResults' } },
				errors: { 404: 'No such consultation, or its results are not public' }
			})
		}
	},
	schemas: {
		Consultation: {
			type: 'object',
			properties: {
				id: { type: 'string', format: 'uuid' },
				title: { type: 'string' },
				status: { type: 'string', enum: ['scheduled', 'open', 'closed', 'responded'] },
				ageBands: { type: 'array', items: { type: 'string' } },
				countries: { type: 'array', items: { type: 'string', description: 'ISO 3166-1 alpha-2' } },
				opensOn: { type: 'string', format: 'date' },
				closesOn: { type: 'string', format: 'date' },
				resultsVisible: { type: 'boolean' },
				isDemo: { type: 'boolean' }
			}
		},
		ConsultationResults: {
			type: 'object',
			properties: {
				consultation: { type: 'object', properties: { id: { type: 'string', format: 'uuid' }, title: { type: 'string' }, status: { type: 'string' }, isDemo: { type: 'boolean' } } },
				threshold: { type: 'integer', minimum: 5 },
				total: { type: ['integer', 'null'] },
				records: {
					type: 'array',
					items: {
						type: 'object',
						properties: {
							question: { type: 'string' },
							dimension: { type: 'string' },
							group: { type: 'string' },
							group_size: { type: ['integer', 'null'] },
							answer: { type: 'string' },
							count: { type: ['integer', 'null'] },
							share: { type: ['number', 'null'] }
						}
					}
				},
				quotes: { type: 'array', items: { type: 'object', properties: { text: { type: 'string' } } } }
			}
		}
	}
};
