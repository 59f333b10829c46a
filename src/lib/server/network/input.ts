// What the network commands accept. Limits come from $lib/network/vocab (shared with the forms).
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import { isCountryCode, isRegionId } from '../../geo';
import { isTopicGraphId } from '../../topics';
import { EXPERT_OPTIONAL_PUBLIC, isExpertiseField, NETWORK_LIMITS as L, SECTORS } from '../../network/vocab';

const required = (max: number) => v.pipe(v.string('text_required'), v.trim(), v.nonEmpty('text_required'), v.maxLength(max, 'text_too_long'));
const optional = (max: number) => v.optional(v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long')), '');
const Email = v.pipe(v.string('email_invalid'), v.trim(), v.toLowerCase(), v.maxLength(L.emailMax, 'email_invalid'), v.email('email_invalid'));
const Url = v.pipe(v.string(), v.trim(), v.maxLength(L.urlMax, 'text_too_long'), v.regex(/^https:\/\/[^\s/$.?#][^\s<>"]*$/i, 'url_invalid'));
const unique = <T>(xs: T[]) => [...new Set(xs)];

const Countries = v.pipe(
	v.array(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check(isCountryCode, 'country_invalid'))),
	v.minLength(1, 'network_countries_required'),
	v.maxLength(L.countriesMax, 'too_many'),
	v.transform(unique)
);
const Languages = v.pipe(
	v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language_invalid'))),
	v.minLength(1, 'network_languages_required'),
	v.maxLength(12, 'too_many'),
	v.transform(unique)
);
const Topics = v.pipe(v.array(v.pipe(v.string(), v.check((t: string) => isTopicGraphId(t), 'invalid_value'))), v.maxLength(20, 'too_many'), v.transform(unique));
const Locale = v.optional(v.picklist(locales, 'invalid_value'), 'en');

/** An organisation applying to become a partner. */
export const PartnerInput = v.object({
	name: required(L.nameMax),
	sector: v.picklist(SECTORS, 'network_sector_required'),
	countries: Countries,
	languages: Languages,
	topics: v.optional(Topics, []),
	about: required(L.textMax),
	contactName: required(L.nameMax),
	email: Email,
	locale: Locale
});
export type PartnerInput = v.InferOutput<typeof PartnerInput>;

/** A person applying to the expert network. */
export const ExpertInput = v.object({
	name: required(L.nameMax),
	fields: v.pipe(v.array(v.pipe(v.string(), v.check((f: string) => isExpertiseField(f), 'invalid_value'))), v.minLength(1, 'network_fields_required'), v.maxLength(L.fieldsMax, 'too_many'), v.transform(unique)),
	topics: v.optional(Topics, []),
	countries: Countries,
	languages: Languages,
	about: required(L.bioMax),
	links: v.optional(v.pipe(v.array(Url), v.maxLength(L.linksMax, 'too_many'), v.transform(unique)), []),
	publicFields: v.optional(v.pipe(v.array(v.picklist(EXPERT_OPTIONAL_PUBLIC, 'invalid_value')), v.transform(unique)), []),
	email: Email,
	locale: Locale
});
export type ExpertInput = v.InferOutput<typeof ExpertInput>;

/** What the owner may change through the private link: everything but the address. */
export const PartnerUpdateInput = v.omit(PartnerInput, ['email', 'locale']);
export const ExpertUpdateInput = v.omit(ExpertInput, ['email', 'locale']);

export const MessageInput = v.object({ body: required(L.messageMax) });
export const DeclineInput = v.object({ reason: required(L.reasonMax) });

/** A visitor writing to a listed partner or expert (relayed by mail; the address is never shown). */
export const ContactInput = v.object({
	name: required(L.nameMax),
	email: Email,
	message: required(L.messageMax)
});
export type ContactInput = v.InferOutput<typeof ContactInput>;

const blankOr = <T extends v.GenericSchema>(s: T) => v.optional(v.union([v.literal(''), s], 'invalid_value'), '');

/** Directory filters (pages and the open API). */
export const DirectoryQuery = v.object({
	kind: blankOr(v.picklist(['partner', 'expert'], 'invalid_value')),
	sector: blankOr(v.picklist(SECTORS, 'invalid_value')),
	field: v.optional(v.pipe(v.string(), v.check((f) => f === '' || isExpertiseField(f), 'invalid_value')), ''),
	topic: v.optional(v.pipe(v.string(), v.check((t) => t === '' || isTopicGraphId(t), 'invalid_value')), ''),
	country: v.optional(v.pipe(v.string(), v.toUpperCase(), v.check((c) => c === '' || isCountryCode(c), 'country_invalid')), ''),
	region: v.optional(v.pipe(v.string(), v.check((r) => r === '' || isRegionId(r), 'invalid_value')), ''),
	language: v.optional(v.pipe(v.string(), v.regex(/^([a-z]{2,3})?$/, 'language_invalid')), ''),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value')), '1')
});
export type DirectoryQuery = v.InferOutput<typeof DirectoryQuery>;

/** The open API lists one kind each, with the same filters. */
export const PartnerListQuery = v.omit(DirectoryQuery, ['kind', 'field']);
export const ExpertListQuery = v.omit(DirectoryQuery, ['kind', 'sector']);

/** The review queue's filter. */
export const QueueQuery = v.object({
	status: v.optional(v.picklist(['pending', 'needs_info', 'accepted', 'declined', 'withdrawn', 'unconfirmed'], 'invalid_value'), 'pending')
});
