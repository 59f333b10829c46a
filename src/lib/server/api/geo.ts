// Countries and ITU regions in the open API: the query schemas the handlers validate with, and their description.
import * as v from 'valibot';
import { REGIONS } from '$lib/geo';
import { langParam, operation, regionParam, type ApiPaths } from './describe';

export const CountriesQuery = v.object({ lang: v.optional(langParam), region: v.optional(regionParam) });
export const RegionsQuery = v.object({ lang: v.optional(langParam) });

const Country = {
	type: 'object',
	required: ['code', 'name', 'region'],
	properties: {
		code: { type: 'string', pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' },
		name: { type: 'string' },
		region: { type: 'string', enum: [...REGIONS] }
	}
};

export const geoApi: ApiPaths = {
	paths: {
		'/countries': {
			get: operation({
				operationId: 'listCountries',
				summary: 'Every ISO 3166-1 country and territory with its ITU region',
				query: CountriesQuery,
				ok: {
					description: 'Countries sorted by name in the requested language',
					schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Country' } } } }
				}
			})
		},
		'/regions': {
			get: operation({
				operationId: 'listRegions',
				summary: 'The six ITU regions with their countries',
				query: RegionsQuery,
				ok: {
					description: 'Regions',
					schema: {
						type: 'object',
						properties: {
							data: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, name: { type: 'string' }, countries: { type: 'array', items: { type: 'string' } } } } }
						}
					}
				}
			})
		}
	},
	schemas: { Country }
};
