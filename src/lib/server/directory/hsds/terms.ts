// Our vocabularies as HSDS taxonomy terms, with stable version-5 UUIDs derived from fixed names.
import { createHash } from 'node:crypto';
import en from '../../../../../messages/en.json' with { type: 'json' };
import { ACTIONS, CHANNEL_TYPES, COSTS, FOUR_CS, SERVICE_KINDS, TOPICS, TOPIC_IDS } from '../../../directory/taxonomy';
import type { HsdsTaxonomyTerm } from './types';
import { UUID_PATTERN } from '../../../uuid';

// ---------------------------------------------------------------- stable identifiers

/** Namespace of every identifier we derive (a fixed random UUID; never change it). */
export const HSDS_NAMESPACE = '6f1c2a9e-4b7d-4e0a-9c35-8d2f71b0e4a6';

export function isUuid(s: unknown): s is string {
	return typeof s === 'string' && UUID_PATTERN.test(s);
}

/** RFC 9562 version-5 UUID (SHA-1 of namespace + name): the same name always gives the same id. */
export function uuidV5(name: string, namespace = HSDS_NAMESPACE): string {
	const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
	const bytes = createHash('sha1').update(ns).update(name, 'utf8').digest().subarray(0, 16);
	bytes[6] = (bytes[6] & 0x0f) | 0x50;
	bytes[8] = (bytes[8] & 0x3f) | 0x80;
	const h = bytes.toString('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

// ---------------------------------------------------------------- our taxonomy as HSDS terms

/** Our vocabularies. `cop:field` terms name the extension attributes that carry a value. */
export const VOCABULARIES = ['cop:four_c', 'cop:topic', 'cop:action', 'cop:kind', 'cop:channel', 'cop:cost', 'cop:field'] as const;
export type Vocabulary = (typeof VOCABULARIES)[number];

/** The extension fields: attribute `value` formats are documented in docs/hsds.md. */
export const FIELD_TERMS = {
	translations: 'Every translation of the texts of this record, as JSON: {"name":{"en":"…","fr":"…"},"description":{…},"whatHappens":{…}} (organizations: {"name":{…},"description":{…}}). HSDS text fields hold one language (English, or the first language present).',
	country: 'ISO 3166-1 alpha-2 code of a country the service covers (ZZ = the whole world).',
	area: 'Name of a sub-national area (state, province) the service is limited to, within its countries.',
	source: 'Where the information came from (a public source: URL or name).',
	demo: '"true" for a demonstration entry taken from a public source and not yet checked by a moderator; "false" otherwise.',
	verification: 'How and when a moderator last checked the entry, as JSON: {"at":"ISO date-time","method":"phoned|emailed|official_source|site_visit|partner_confirmed","by":"moderator name"}.',
	federated_from: 'On a federation hub: the national instance this record comes from, as JSON {"name":"…","url":"https://…","snapshot_at":"ISO date-time"}. The record is that instance\'s, as it published it; it is read-only on the hub and corrected on the instance.'
} as const;
export type FieldTerm = keyof typeof FIELD_TERMS;

const VOCABULARY_INFO: Record<Vocabulary, { description: string; codes: readonly string[] }> = {
	'cop:four_c': { description: 'The 4Cs of online risk (CO:RE classification): content, contact, conduct, contract. Parents of the topics.', codes: FOUR_CS },
	'cop:topic': { description: 'What the service helps with. Each topic sits under one of the 4Cs of online risk (its parent).', codes: TOPIC_IDS },
	'cop:action': { description: 'What a child can do with the service.', codes: ACTIONS },
	'cop:kind': { description: 'What sort of service this is.', codes: SERVICE_KINDS },
	'cop:channel': { description: 'A way to get in touch. The attribute value is the channel as JSON (see docs/hsds.md).', codes: CHANNEL_TYPES },
	'cop:cost': { description: 'Whether using the service costs money.', codes: COSTS },
	'cop:field': { description: 'COP Platform fields that HSDS has no place for; the attribute value carries the data.', codes: Object.keys(FIELD_TERMS) }
};

const MESSAGE_PREFIX: Record<Exclude<Vocabulary, 'cop:field'>, string> = {
	'cop:four_c': 'help_c_',
	'cop:topic': 'help_topic_',
	'cop:action': 'help_action_',
	'cop:kind': 'help_kind_',
	'cop:channel': 'help_channel_',
	'cop:cost': 'help_cost_'
};

const MESSAGES = en as unknown as Record<string, string>;

function termName(taxonomy: Vocabulary, code: string): string {
	if (taxonomy === 'cop:field') return code;
	const text = MESSAGES[MESSAGE_PREFIX[taxonomy] + code];
	return typeof text === 'string' && text ? text : code.replace(/_/g, ' ');
}

export function taxonomyId(taxonomy: Vocabulary): string {
	return uuidV5(`taxonomy:${taxonomy}`);
}

export function termId(taxonomy: Vocabulary, code: string): string {
	return uuidV5(`term:${taxonomy}:${code}`);
}

function buildTerms(): HsdsTaxonomyTerm[] {
	const out: HsdsTaxonomyTerm[] = [];
	for (const taxonomy of VOCABULARIES) {
		const info = VOCABULARY_INFO[taxonomy];
		for (const code of info.codes) {
			const term: HsdsTaxonomyTerm = {
				id: termId(taxonomy, code),
				code,
				name: termName(taxonomy, code),
				description: taxonomy === 'cop:field' ? FIELD_TERMS[code as FieldTerm] : info.description,
				taxonomy,
				taxonomy_id: taxonomyId(taxonomy),
				language: 'en'
			};
			if (taxonomy === 'cop:topic') term.parent_id = termId('cop:four_c', TOPICS[code as keyof typeof TOPICS]);
			out.push(term);
		}
	}
	return out;
}

let termsCache: HsdsTaxonomyTerm[] | undefined;
let termsById: Map<string, HsdsTaxonomyTerm> | undefined;

/** Every term of our taxonomy, with stable UUIDs (topics point to their 4C as parent). */
export function hsdsTaxonomyTerms(): HsdsTaxonomyTerm[] {
	termsCache ??= buildTerms();
	return termsCache.map((t) => ({ ...t }));
}

/** One of our terms by id, or undefined. */
export function findTerm(id: string): HsdsTaxonomyTerm | undefined {
	termsCache ??= buildTerms();
	termsById ??= new Map(termsCache.map((t) => [t.id.toLowerCase(), t]));
	return termsById.get(id.toLowerCase());
}

export function term(taxonomy: Vocabulary, code: string): HsdsTaxonomyTerm {
	const t = findTerm(termId(taxonomy, code));
	// a code outside our vocabulary (old data): still a well-formed term, never a crash
	return t ? { ...t } : { id: termId(taxonomy, code), code, name: code, description: VOCABULARY_INFO[taxonomy].description, taxonomy, taxonomy_id: taxonomyId(taxonomy), language: 'en' };
}
