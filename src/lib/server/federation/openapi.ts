// The federation feeds in the open API. The handlers under src/routes/api/v1/federation validate
// their path with these schemas. The instance document itself is at /.well-known/cop-instance.
import * as v from 'valibot';
import { operation, type ApiPaths } from '../api/describe';
import { FEEDS } from './settings';
import { FILE_NAME } from './input';

export const FeedPath = v.object({ feed: v.pipe(v.picklist(FEEDS, 'federation_feed_unknown'), v.description('progress (validated scores, SDMX-CSV and legal measures), services (verified help services, HSDS 3.0) or events (published public events)')) });
export const FilePath = v.object({
	feed: FeedPath.entries.feed,
	sequence: v.pipe(v.string(), v.regex(/^[1-9]\d{0,9}$/, 'federation_sequence_invalid'), v.description('The snapshot sequence number from the manifest')),
	file: v.pipe(v.string(), v.regex(FILE_NAME, 'federation_file_unknown'), v.description('A file name listed in the manifest'))
});

export const federationApi: ApiPaths = {
	paths: {
		'/federation/feeds/{feed}/manifest.json': {
			get: operation({
				operationId: 'getFederationManifest',
				summary: 'The signed manifest of the latest snapshot of a federation feed',
				description:
					'A hub pulls this (with If-None-Match; an unchanged feed answers 304). The manifest names the feed, its sequence number (it only grows), when it was made, the countries it covers and the sha256 of each file, and carries a Data Integrity proof (eddsa-jcs-2022) made with a key listed at /.well-known/cop-instance. Only what is already public on this instance is in a feed.',
				path: FeedPath,
				ok: { description: 'The signed manifest', schema: { $ref: '#/components/schemas/FederationManifest' } },
				errors: { 304: 'Not modified', 404: 'Unknown feed, or this instance does not publish' }
			})
		},
		'/federation/feeds/{feed}/{sequence}/{file}': {
			get: operation({
				operationId: 'getFederationFile',
				summary: 'One file of a federation snapshot, exactly the bytes whose sha256 the manifest gives',
				path: FilePath,
				ok: { description: 'The file (JSON or SDMX-CSV)', type: 'application/octet-stream', schema: { type: 'string', format: 'binary' } },
				errors: { 304: 'Not modified', 404: 'No such snapshot or file (old snapshots are not all kept)' }
			})
		}
	},
	schemas: {
		FederationManifest: {
			type: 'object',
			required: ['type', 'version', 'instance', 'feed', 'sequence', 'created', 'countries', 'files', 'proof'],
			properties: {
				type: { type: 'string', enum: ['CopFederationManifest'] },
				version: { type: 'integer', enum: [1] },
				instance: { type: 'string', format: 'uri' },
				name: { type: 'string' },
				feed: { type: 'string', enum: [...FEEDS] },
				sequence: { type: 'integer', minimum: 1 },
				created: { type: 'string', format: 'date-time' },
				countries: { type: 'array', items: { type: 'string', description: 'ISO 3166-1 alpha-2' } },
				files: {
					type: 'array',
					items: { type: 'object', required: ['name', 'sha256', 'bytes', 'mediaType'], properties: { name: { type: 'string' }, sha256: { type: 'string' }, bytes: { type: 'integer' }, mediaType: { type: 'string' } } }
				},
				proof: { type: 'object', description: 'W3C Data Integrity proof, cryptosuite eddsa-jcs-2022' }
			}
		}
	}
};
