// The events module's part of the open API: public events as open data. The handler in
// src/routes/api/v1/events validates its query with `ListQuery`, the schema described here.
import { operation, type ApiPaths } from '../api/describe';
import { ListQuery } from './input';

const localeMap = { type: 'object', additionalProperties: { type: 'string' }, description: 'Text by language code (en, fr, es, ru, zh, ar)' };

export const eventsApi: ApiPaths = {
	paths: {
		'/events': {
			get: operation({
				operationId: 'listEvents',
				summary: 'Published COP events and trainings, paged and filterable',
				description:
					'Public events only, with no personal data: no registrations, no online link (it goes only to confirmed participants). Items with demo=true are demonstration content. Times are ISO 8601 with the offset of the event\'s own time zone.',
				query: ListQuery,
				ok: { description: 'A page of events', schema: { $ref: '#/components/schemas/EventPage' } }
			})
		}
	},
	schemas: {
		EventPage: {
			type: 'object',
			required: ['data', 'page', 'pageSize', 'total'],
			properties: {
				data: { type: 'array', items: { $ref: '#/components/schemas/Event' } },
				page: { type: 'integer', minimum: 1 },
				pageSize: { type: 'integer' },
				total: { type: 'integer' },
				shared: {
					description: 'On a hub, page 1 only: events national platforms share with it, filtered the same way (at most 50). Register on the source\'s own page (`url`).',
					type: 'array',
					items: {
						allOf: [
							{ $ref: '#/components/schemas/Event' },
							{
								type: 'object',
								required: ['source'],
								properties: {
									source: {
										type: 'object',
										required: ['name', 'url', 'snapshotAt', 'unreachable'],
										properties: {
											name: { type: 'string' },
											url: { type: 'string', format: 'uri' },
											snapshotAt: { type: 'string', format: 'date-time', description: 'when this hub last read the source' },
											unreachable: { type: 'boolean', description: 'the last pull failed: the entry may be out of date' }
										}
									}
								}
							}
						]
					}
				},
				sharedMore: { type: 'boolean', description: 'more shared events match than `shared` holds' },
				note: { type: 'string' }
			}
		},
		Event: {
			type: 'object',
			required: ['id', 'url', 'status', 'demo', 'title', 'kind', 'start', 'end', 'timeZone', 'mode'],
			properties: {
				id: { type: 'string', format: 'uuid' },
				url: { type: 'string', format: 'uri' },
				status: { type: 'string' },
				demo: { type: 'boolean' },
				title: localeMap,
				description: localeMap,
				kind: { type: 'string' },
				audiences: { type: 'array', items: { type: 'string' } },
				topics: { type: 'array', items: { type: 'string' } },
				copAreas: { type: 'array', items: { type: 'string' } },
				languages: { type: 'array', items: { type: 'string' } },
				start: { type: 'string', format: 'date-time' },
				end: { type: 'string', format: 'date-time' },
				timeZone: { type: 'string', description: 'IANA time zone of the event' },
				mode: { type: 'string', enum: ['in_person', 'online'] },
				venue: { type: ['string', 'null'] },
				city: { type: ['string', 'null'] },
				country: { type: ['string', 'null'], description: 'ISO 3166-1 alpha-2' },
				region: { type: ['string', 'null'] },
				seats: { type: ['integer', 'null'] },
				seatsLeft: { type: ['integer', 'null'] },
				registrationOpens: { type: ['string', 'null'], format: 'date-time' },
				registrationCloses: { type: ['string', 'null'], format: 'date-time' },
				childAgeRange: { type: ['object', 'null'], properties: { min: { type: 'integer' }, max: { type: 'integer' } } }
			}
		}
	}
};
