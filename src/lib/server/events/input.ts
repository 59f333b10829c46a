// What the events commands accept. Limits come from $lib/events/vocab (shared with the forms).
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import { isCountryCode, isRegionId } from '../../geo';
import { isTopicGraphId } from '../../topics';
import { AUDIENCES, COP_AREAS, EVENT_KINDS, EVENTS_LIMITS as L, MODES, QUESTION_KINDS } from '../../events/vocab';
import { isTimeZone } from './time';

const LOCALES = locales;
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));
const optionalText = (max: number) => v.optional(v.nullable(v.pipe(text(max), v.transform((s) => s || null))), null);

export const LocaleMapInput = (max: number, required: boolean) =>
	v.pipe(
		v.record(v.picklist(LOCALES, 'locale_invalid'), text(max)),
		v.transform((m) => Object.fromEntries(Object.entries(m).filter(([, s]) => s.length > 0)) as Partial<Record<(typeof LOCALES)[number], string>>),
		v.check((m) => !required || Object.keys(m).length > 0, 'text_required')
	);

const int = (min: number, max: number, code: string) => v.pipe(v.number(code), v.integer(code), v.minValue(min, code), v.maxValue(max, code));
const LocalTime = v.pipe(v.string('time_invalid'), v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'time_invalid'));
const Url = v.pipe(v.string(), v.trim(), v.maxLength(L.urlMax, 'text_too_long'), v.regex(/^https:\/\/[^\s/$.?#][^\s]*$/i, 'url_invalid'));

export const QuestionInput = v.pipe(
	v.object({
		id: v.pipe(v.string(), v.regex(/^[a-z0-9_]{1,32}$/, 'invalid_value')),
		kind: v.picklist(QUESTION_KINDS, 'invalid_value'),
		label: LocaleMapInput(L.questionLabelMax, true),
		options: v.optional(v.pipe(v.array(LocaleMapInput(L.questionLabelMax, true)), v.maxLength(L.optionsMax, 'too_many')), []),
		required: v.optional(v.boolean(), false)
	}),
	v.check((q) => q.kind !== 'choice' || q.options.length >= 2, 'events_choice_needs_options')
);
export type QuestionInput = v.InferOutput<typeof QuestionInput>;

/** An event as the organiser enters it. Times are wall-clock times in `timeZone`. */
export const EventInput = v.pipe(
	v.object({
		title: LocaleMapInput(L.titleMax, true),
		description: v.optional(LocaleMapInput(L.descriptionMax, false), {}),
		kind: v.picklist(EVENT_KINDS, 'kind_invalid'),
		audiences: v.optional(v.array(v.picklist(AUDIENCES, 'invalid_value')), []),
		topics: v.optional(v.array(v.pipe(v.string(), v.check((t: string) => isTopicGraphId(t), 'invalid_value'))), []),
		areas: v.optional(v.array(v.picklist(COP_AREAS, 'invalid_value')), []),
		languages: v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language_invalid'))), v.minLength(1, 'events_language_required'), v.maxLength(12, 'too_many')),
		start: LocalTime,
		end: LocalTime,
		timeZone: v.pipe(v.string(), v.check(isTimeZone, 'events_time_zone_invalid')),
		mode: v.picklist(MODES, 'invalid_value'),
		venue: optionalText(L.venueMax),
		city: optionalText(L.venueMax),
		country: v.optional(v.nullable(v.pipe(v.string(), v.trim(), v.transform((s) => s.toUpperCase() || null), v.check((c) => c === null || isCountryCode(c), 'country_invalid'))), null),
		region: v.optional(v.nullable(v.pipe(v.string(), v.transform((s) => s || null), v.check((r) => r === null || isRegionId(r), 'invalid_value'))), null),
		onlineUrl: v.optional(v.nullable(v.union([Url, v.pipe(v.literal(''), v.transform(() => null))], 'url_invalid')), null),
		seats: int(1, L.seatsMax, 'events_seats_invalid'),
		opens: v.optional(v.nullable(v.union([LocalTime, v.pipe(v.literal(''), v.transform(() => null))], 'time_invalid')), null),
		closes: v.optional(v.nullable(v.union([LocalTime, v.pipe(v.literal(''), v.transform(() => null))], 'time_invalid')), null),
		childMinAge: v.optional(v.nullable(int(L.ageMin, L.ageMax, 'age_invalid')), null),
		childMaxAge: v.optional(v.nullable(int(L.ageMin, L.ageMax, 'age_invalid')), null),
		moderated: v.optional(v.boolean(), false),
		holdHours: v.optional(int(L.holdHoursMin, L.holdHoursMax, 'events_hold_invalid'), 48),
		reminders: v.optional(v.pipe(v.array(int(5, 14 * 24 * 60, 'invalid_value')), v.maxLength(4, 'too_many')), [1440, 60]),
		questions: v.optional(v.pipe(v.array(QuestionInput), v.maxLength(L.questionsMax, 'too_many')), []),
		safeguardingContact: optionalText(L.contactMax),
		materials: v.optional(LocaleMapInput(L.descriptionMax, false), {})
	}),
	v.forward(v.check((e) => e.mode !== 'in_person' || (!!e.country && !!e.city), 'events_place_required'), ['city']),
	v.forward(v.check((e) => (e.childMinAge === null) === (e.childMaxAge === null) && (e.childMinAge ?? 0) <= (e.childMaxAge ?? 0), 'events_age_range_invalid'), ['childMaxAge']),
	v.forward(v.check((e) => e.kind !== 'children_session' || (e.childMinAge !== null && !!e.safeguardingContact), 'events_children_need_range'), ['safeguardingContact']),
	v.forward(v.check((e) => new Set(e.questions.map((q) => q.id)).size === e.questions.length, 'invalid_value'), ['questions'])
);
export type EventInput = v.InferOutput<typeof EventInput>;

export const CancelInput = v.object({ reason: v.optional(text(L.reasonMax), '') });

const Email = v.pipe(v.string('email_invalid'), v.trim(), v.toLowerCase(), v.maxLength(L.emailMax, 'email_invalid'), v.email('email_invalid'));

/** A registration: one adult, or an adult bringing a group (other adults and children, ages only). */
export const RegisterInput = v.object({
	name: v.pipe(v.string('name_required'), v.trim(), v.nonEmpty('name_required'), v.maxLength(L.nameMax, 'text_too_long')),
	email: Email,
	adults: v.optional(int(1, L.adultsMax, 'events_adults_invalid'), 1),
	childAges: v.optional(v.pipe(v.array(int(0, 120, 'events_ages_invalid')), v.maxLength(L.childrenMax, 'events_too_many_children')), []),
	/** the adult states they may register these children (required when children come) */
	childConsent: v.optional(v.boolean(), false),
	answers: v.optional(v.record(v.pipe(v.string(), v.maxLength(32)), text(L.answerMax)), {}),
	locale: v.optional(v.picklist(LOCALES), 'en')
});
export type RegisterInput = v.InferOutput<typeof RegisterInput>;

/** What a registrant may change through their private link. */
export const UpdateRegistrationInput = v.object({
	name: RegisterInput.entries.name,
	answers: RegisterInput.entries.answers
});

export const MessageInput = v.object({
	subject: v.pipe(v.string(), v.trim(), v.nonEmpty('text_required'), v.maxLength(L.titleMax, 'text_too_long')),
	body: v.pipe(v.string(), v.trim(), v.nonEmpty('text_required'), v.maxLength(L.messageMax, 'text_too_long'))
});

/** Public list filters (pages and the open API). */
export const ListQuery = v.object({
	country: v.optional(v.pipe(v.string(), v.toUpperCase(), v.check((c) => c === '' || isCountryCode(c), 'country_invalid')), ''),
	region: v.optional(v.pipe(v.string(), v.check((r) => r === '' || isRegionId(r), 'invalid_value')), ''),
	kind: v.optional(v.union([v.literal(''), v.picklist(EVENT_KINDS)], 'kind_invalid'), ''),
	audience: v.optional(v.union([v.literal(''), v.picklist(AUDIENCES)], 'invalid_value'), ''),
	language: v.optional(v.pipe(v.string(), v.regex(/^([a-z]{2,3})?$/, 'language_invalid')), ''),
	topic: v.optional(v.pipe(v.string(), v.check((t) => t === '' || isTopicGraphId(t), 'invalid_value')), ''),
	mode: v.optional(v.union([v.literal(''), v.picklist(MODES)], 'invalid_value'), ''),
	when: v.optional(v.picklist(['upcoming', 'past'], 'invalid_value'), 'upcoming'),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value')), '1')
});
export type ListQuery = v.InferOutput<typeof ListQuery>;
