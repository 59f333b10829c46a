// The progress module's part of the OpenAPI document (open data: published values only).
const params = [
	{ name: 'period', in: 'query', required: false, description: 'A year, e.g. 2025', schema: { type: 'string', pattern: '^[0-9]{4}$' } },
	{ name: 'ref_area', in: 'query', required: false, description: 'ISO 3166-1 alpha-2 country, ITU_<REGION> (ITU_AFRICA, ITU_AMERICAS, ITU_ARAB_STATES, ITU_ASIA_PACIFIC, ITU_CIS, ITU_EUROPE) or WLD', schema: { type: 'string' } },
	{ name: 'version', in: 'query', required: false, description: 'Framework version (default: the latest published)', schema: { type: 'integer', minimum: 1 } }
];
const problem = { description: 'Bad parameter', content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const about =
	'Validated values only. A country indicator whose answers are aggregate-only appears only inside regional and world figures; private answers count nowhere; regional and world figures with fewer than three countries are left out. Demonstration rows have OBS_STATUS DEMO (SDMX) or demo=true (CSV, JSON). Scores are 0-100 (UNIT_MEASURE SCORE); TIER is 1 (leading) to 5 (starting). See docs/progress.md.';

export const progressPaths = {
	'/progress/sdmx.csv': {
		get: {
			operationId: 'progressSdmxCsv',
			summary: 'National COP progress as SDMX-CSV 2.0 (dataflow COP:DF_COP_PROGRESS(1.0))',
			description: about + ' Columns: STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,VALIDATION_STATUS.',
			parameters: params,
			responses: { '200': { description: 'SDMX-CSV 2.0', content: { 'application/vnd.sdmx.data+csv; version=2.0.0': { schema: { type: 'string' } } } }, '400': problem }
		}
	},
	'/progress/observations.csv': {
		get: {
			operationId: 'progressObservationsCsv',
			summary: 'National COP progress as plain CSV',
			description: about + ' Columns: ref_area,ref_area_type,indicator,measure,time_period,value,unit,validation_status,demo,framework_version.',
			parameters: params,
			responses: { '200': { description: 'CSV with a header row', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': problem }
		}
	},
	'/progress/observations.json': {
		get: {
			operationId: 'progressObservationsJson',
			summary: 'National COP progress as JSON observations',
			description: about,
			parameters: params,
			responses: {
				'200': {
					description: 'Observations',
					content: {
						'application/json': {
							schema: {
								type: 'object',
								required: ['structure', 'demo', 'data'],
								properties: { structure: { type: 'string' }, note: { type: 'string' }, demo: { type: 'boolean' }, data: { type: 'array', items: { $ref: '#/components/schemas/ProgressObservation' } } }
							}
						}
					}
				},
				'400': problem
			}
		}
	}
} as const;

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
			demo: { type: 'boolean' }
		}
	}
} as const;
