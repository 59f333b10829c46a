// What federation accepts: the administrator's forms, and everything a member sends (the instance
// document, the manifest, each file), parsed strictly with limits.
import * as v from 'valibot';
import { isCountryCode, REGIONS } from '../../geo';
import { AUDIENCES, COP_AREAS, EVENT_KINDS, EVENTS_LIMITS, MODES } from '../../events/vocab';
import { locales } from '../../paraglide/runtime.js';
import { isTimeZone } from '../events';
import { CONTROL_CHARACTERS } from '../platform/validate';
import { PILLARS, TIERS } from '../../progress/model';
import { FEEDS, ROLES } from './settings';

export const LIMITS = {
	nameMax: 200,
	countriesMax: 250,
	manifestBytes: 128 * 1024,
	instanceBytes: 64 * 1024,
	/** per file; FEDERATION_MAX_FILE_BYTES overrides */
	fileBytes: () => Number(process.env.FEDERATION_MAX_FILE_BYTES ?? 256 * 1024 * 1024),
	resultsMax: 250 * 100,
	servicesMax: 500_000,
	eventsMax: 10_000
} as const;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));
/** A string a member sends: within `max`, and no control character (a NUL cannot even be stored). */
const clean = (max: number) => v.pipe(v.string(), v.maxLength(max), v.check((x) => !CONTROL_CHARACTERS.test(x), 'control characters'));
const Country = v.pipe(v.string(), v.check(isCountryCode, 'federation_country_invalid'));
const CountryList = v.pipe(
	v.string(),
	v.maxLength(2000, 'text_too_long'),
	v.transform((s) => [...new Set(s.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean))].sort()),
	v.check((xs) => xs.every(isCountryCode), 'federation_country_invalid'),
	v.maxLength(LIMITS.countriesMax, 'too_many')
);

export const SettingsInput = v.object({
	name: v.pipe(text(LIMITS.nameMax), v.minLength(1, 'text_required')),
	countries: v.optional(CountryList, ''),
	role: v.picklist(ROLES, 'invalid_value')
});
export type SettingsInput = v.InferOutput<typeof SettingsInput>;

export const MemberInput = v.object({
	origin: v.pipe(text(300), v.minLength(1, 'text_required')),
	name: v.optional(text(LIMITS.nameMax), ''),
	fingerprint: v.pipe(text(200), v.minLength(1, 'text_required')),
	countries: v.pipe(CountryList, v.minLength(1, 'federation_countries_required'))
});
export type MemberInput = v.InferOutput<typeof MemberInput>;

// ---- what members send ---------------------------------------------------------------------------

const int = (min: number, max: number) => v.pipe(v.number(), v.integer(), v.minValue(min), v.maxValue(max));
/** A time a member sends, within years the database stores (no year 0, nothing absurd). */
const inRange = (s: string) => {
	const t = Date.parse(s);
	return t >= Date.UTC(1970, 0, 1) && t < Date.UTC(2201, 0, 1);
};
const IsoTime = v.pipe(v.string(), v.maxLength(40), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/), v.check(inRange));
export const FILE_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/;

export const Manifest = v.object({
	type: v.literal('CopFederationManifest'),
	version: v.literal(1),
	instance: v.pipe(v.string(), v.maxLength(300)),
	name: v.optional(clean(LIMITS.nameMax), ''),
	feed: v.picklist(FEEDS),
	sequence: int(1, 2 ** 31 - 1),
	created: IsoTime,
	countries: v.pipe(v.array(Country), v.maxLength(LIMITS.countriesMax)),
	files: v.pipe(
		v.array(v.object({ name: v.pipe(v.string(), v.regex(FILE_NAME)), sha256: v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/)), bytes: int(0, 2 ** 40), mediaType: v.pipe(v.string(), v.maxLength(100)) })),
		// a services feed is paged: at most servicesMax / SERVICES_PER_FILE pages
		v.maxLength(300)
	),
	proof: v.record(v.string(), v.unknown())
});
export type Manifest = v.InferOutput<typeof Manifest>;

const Score = v.nullable(v.pipe(v.number(), v.minValue(0), v.maxValue(100)));
const CountryResult = v.object({
	country: Country,
	period: int(1990, 2200),
	frameworkVersion: int(1, 999_999),
	overall: Score,
	tier: v.nullable(v.picklist(TIERS as unknown as (1 | 2 | 3 | 4 | 5)[])),
	pillars: v.object(Object.fromEntries(PILLARS.map((p) => [p, Score])) as Record<(typeof PILLARS)[number], typeof Score>),
	indicators: v.pipe(v.array(v.object({ id: v.pipe(v.string(), v.regex(/^[a-z0-9_.-]{1,100}$/)), score: Score, hidden: v.boolean() })), v.maxLength(1000)),
	demo: v.boolean()
});
export const ScoresFile = v.object({
	frameworkVersion: v.nullable(int(1, 999_999)),
	results: v.pipe(v.array(CountryResult), v.maxLength(LIMITS.resultsMax))
});
export type ScoresFile = v.InferOutput<typeof ScoresFile>;

const Id = v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,100}$/));
const LegalMeasure = v.object({
	country: Country,
	period: int(1990, 2200),
	indicatorId: Id,
	questionId: Id,
	answer: v.picklist(['yes', 'partial', 'no', 'not_applicable']),
	citation: v.nullable(clean(2000)),
	adoptedOn: v.nullable(v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/), v.check((s) => !Number.isNaN(Date.parse(s))))),
	// shown as a link on the tracker: http(s) only, as the member's own form allows
	url: v.nullable(v.pipe(clean(2000), v.regex(/^https?:\/\/[^\s]+$/i))),
	demo: v.boolean()
});
/** legal.json of the progress feed: published, public answers to the legal pillar's questions. */
export const LegalFile = v.object({
	frameworkVersion: v.nullable(int(1, 999_999)),
	measures: v.pipe(v.array(LegalMeasure), v.maxLength(LIMITS.resultsMax * 20))
});
export type LegalFile = v.InferOutput<typeof LegalFile>;

// events.json of the events feed: published public events, as /api/v1/events gives them
const LocaleText = (max: number) => v.record(v.picklist(locales), clean(max));
const ZonedTime = v.pipe(v.string(), v.maxLength(40), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([+-]\d{2}:\d{2}|Z)$/), v.check(inRange));
const Word = v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,60}$/));
const FederatedEvent = v.pipe(
	v.object({
		id: Id,
		url: v.pipe(clean(2000), v.regex(/^https?:\/\/[^\s]+$/i)),
		status: v.picklist(['published', 'cancelled']),
		demo: v.boolean(),
		title: v.pipe(LocaleText(EVENTS_LIMITS.titleMax), v.check((t) => Object.values(t).some((x) => !!x?.trim()), 'title')),
		description: LocaleText(EVENTS_LIMITS.descriptionMax),
		kind: v.picklist(EVENT_KINDS),
		audiences: v.pipe(v.array(v.picklist(AUDIENCES)), v.maxLength(AUDIENCES.length)),
		topics: v.pipe(v.array(Word), v.maxLength(50)),
		copAreas: v.pipe(v.array(v.picklist(COP_AREAS)), v.maxLength(COP_AREAS.length)),
		languages: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/))), v.maxLength(30)),
		start: ZonedTime,
		end: ZonedTime,
		timeZone: v.pipe(v.string(), v.maxLength(64), v.check(isTimeZone)),
		mode: v.picklist(MODES),
		venue: v.nullable(clean(EVENTS_LIMITS.venueMax)),
		city: v.nullable(clean(EVENTS_LIMITS.venueMax)),
		// a national instance shares the events of its countries; regional ones have no country and stay home
		country: Country,
		region: v.nullable(v.picklist(REGIONS)),
		seats: int(0, EVENTS_LIMITS.seatsMax),
		seatsLeft: int(0, EVENTS_LIMITS.seatsMax),
		registrationOpens: v.nullable(IsoTime),
		registrationCloses: v.nullable(IsoTime),
		childAgeRange: v.nullable(v.object({ min: int(0, 18), max: v.nullable(int(0, 18)) }))
	}),
	v.check((e) => Date.parse(e.end) >= Date.parse(e.start), 'end before start')
);
export type FederatedEvent = v.InferOutput<typeof FederatedEvent>;
export const EventsFile = v.object({ events: v.pipe(v.array(FederatedEvent), v.maxLength(LIMITS.eventsMax)) });
export type EventsFile = v.InferOutput<typeof EventsFile>;

const PublicKey = v.object({
	fingerprint: v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)),
	publicKey: v.pipe(v.string(), v.regex(/^[A-Za-z0-9+/]{43}=$/)),
	endorsement: v.nullish(v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{86}$/))),
	endorsedBy: v.nullish(v.pipe(v.string(), v.regex(/^sha256:[0-9a-f]{64}$/)))
});
export const InstanceKeys = v.object({
	keys: v.object({ current: PublicKey, previous: v.pipe(v.array(PublicKey), v.maxLength(100)) })
});
