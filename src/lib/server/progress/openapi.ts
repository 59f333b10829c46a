// The progress module's part of the OpenAPI document (open data: published values only). The handlers
// in src/routes/api/v1/progress validate their query with `ObservationsQuery`; the document is generated from it.
import * as v from 'valibot';
import { intParam, operation, type ApiPaths } from '../api/describe';

export const ObservationsQuery = v.object({
	period: v.optional(v.pipe(v.string(), v.regex(/^\d{4}$/, 'progress_period_invalid'), v.description('A year, e.g. 2025'))),
	ref_area: v.optional(
		v.pipe(v.string(), v.maxLength(20, 'progress_ref_area_invalid'), v.description('ISO 3166-1 alpha-2 country, ITU_<REGION> (ITU_AFRICA, ITU_AMERICAS, ITU_ARAB_STATES, ITU_ASIA_PACIFIC, ITU_CIS, ITU_EUROPE) or WLD'))
	),
	version: v.optional(intParam(0, 999_999, 'progress_version_invalid', 'Framework version (default: the latest published)'))
});
const about =
	'Validated values only. A country indicator whose answers are aggregate-only appears only inside regional and world figures; private answers count nowhere; regional and world figures with fewer than three countries are left out. Demonstration rows have OBS_STATUS DEMO (SDMX) or demo=true (CSV, JSON). Scores are 0-100 (UNIT_MEASURE SCORE); TIER is 1 (leading) to 5 (starting). See docs/progress.md.';

export const progressPaths = {
	'/progress/sdmx.csv': {
		get: operation({
			operationId: 'progressSdmxCsv',
			summary: 'National COP progress as SDMX-CSV 2.0 (dataflow COP:DF_COP_PROGRESS(1.0))',
			description: about + ' Columns: STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,VALIDATION_STATUS,SOURCE_INSTANCE (on a federation hub, the address of the national instance a figure comes from; empty for the hub\'s own figures and for aggregates).',
			query: ObservationsQuery,
			ok: { description: 'SDMX-CSV 2.0', type: 'application/vnd.sdmx.data+csv; version=2.0.0', schema: { type: 'string' } }
		})
	},
	'/progress/observations.csv': {
		get: operation({
			operationId: 'progressObservationsCsv',
			summary: 'National COP progress as plain CSV',
			description: about + ' Columns: ref_area,ref_area_type,indicator,measure,time_period,value,unit,validation_status,demo,framework_version,source (as SOURCE_INSTANCE).',
			query: ObservationsQuery,
			ok: { description: 'CSV with a header row', type: 'text/csv', schema: { type: 'string' } }
		})
	},
	'/progress/observations.json': {
		get: operation({
			operationId: 'progressObservationsJson',
			summary: 'National COP progress as JSON observations',
			description: about,
			query: ObservationsQuery,
			ok: {
				description: 'Observations',
				schema: {
					type: 'object',
					required: ['structure', 'demo', 'data'],
					properties: { structure: { type: 'string' }, note: { type: 'string' }, demo: { type: 'boolean' }, data: { type: 'array', items: { $ref: '#/components/schemas/ProgressObservation' } } }
				}
			}
		})
	}
};

export const progressSchemas = {
	ProgressObservation: {
		type: 'object',
		required: ['refArea', 'refAreaType', 'indicator', 'measure', 'timePeriod', 'value', 'unit', 'obsStatus', 'validationStatus', 'frameworkVersion', 'demo'],
		properties: {
			refArea: { type: 'string' },
			refAreaType: { type: 'string', enum: ['country', 'region', 'world'] },
			indicator: { type: 'string', description: 'SDMX code: OVERALL, TIER, COUNTRIES, PILLAR_<PILLAR> or the indicator id in upper case with _ for .' },
			measure: { type: 'string', description: 'The framework id behind the code' },
			timePeriod: { type: 'integer' },
			value: { type: 'number' },
			unit: { type: 'string', enum: ['SCORE', 'TIER', 'COUNT'] },
			obsStatus: { type: 'string', enum: ['A', 'DEMO'] },
			validationStatus: { type: 'string', enum: ['validated'] },
			frameworkVersion: { type: 'integer' },
			demo: { type: 'boolean' },
			source: { type: ['string', 'null'], description: 'On a federation hub: the address of the national instance this figure comes from; null for the hub\'s own figures and for aggregates' }
		}
	}
} as const;

export const progressApi: ApiPaths = { paths: progressPaths, schemas: progressSchemas };
