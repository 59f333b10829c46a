// The shape of a service as moderators enter it, the public suggests it, and imports bring it in.
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import { isCountryCode } from '../../geo';
import { validateHours } from '../../directory/hours';
import { ACTIONS, CHANNEL_TYPES, COSTS, DIRECTORY_LIMITS as L, SERVICE_KINDS, SERVICE_STATUSES, TOPIC_IDS } from '../../directory/taxonomy';
import type { Hours } from '../../directory/hours-types';

const LOCALES = locales;

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));

/** `{ en: "...", fr: "..." }`; when `required`, at least one language must be filled in. */
export const LocaleMapInput = (max: number, required: boolean) =>
	v.pipe(
		// the six UN languages are shown; other languages (e.g. sw, hi) are kept and searched
		v.record(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'locale_invalid')), text(max)),
		v.transform((m) => Object.fromEntries(Object.entries(m).filter(([, s]) => s.length > 0)) as Partial<Record<(typeof LOCALES)[number], string>>),
		v.check((m) => !required || Object.keys(m).length > 0, 'text_required')
	);

const Url = v.pipe(v.string(), v.trim(), v.maxLength(L.valueMax, 'text_too_long'), v.regex(/^https?:\/\/[^\s/$.?#].[^\s]*$/i, 'url_invalid'));

export const HoursInput = v.pipe(
	v.custom<Hours>((h) => validateHours(h) === null, 'hours_invalid')
);

export const ChannelInput = v.pipe(
	v.object({
		type: v.picklist(CHANNEL_TYPES, 'channel_type_invalid'),
		value: v.pipe(v.string('channel_value_required'), v.trim(), v.nonEmpty('channel_value_required'), v.maxLength(L.valueMax, 'text_too_long')),
		detail: v.optional(v.nullable(text(200)), null),
		label: v.optional(LocaleMapInput(200, false), {}),
		hours: HoursInput,
		showsOnBill: v.optional(v.nullable(v.boolean()), null),
		free: v.optional(v.nullable(v.boolean()), null)
	}),
	v.check((c) => {
		if (c.type === 'phone' || c.type === 'sms') return /^\+?[0-9][0-9 ()-]{1,30}$/.test(c.value);
		if (c.type === 'email') return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(c.value);
		return /^https?:\/\//i.test(c.value);
	}, 'channel_value_invalid')
);
export type ChannelInput = v.InferOutput<typeof ChannelInput>;

export const ServiceInput = v.pipe(
	v.object({
		organization: v.object({
			name: LocaleMapInput(L.nameMax, true),
			website: v.optional(v.nullable(Url), null)
		}),
		name: LocaleMapInput(L.nameMax, true),
		description: v.optional(LocaleMapInput(L.descriptionMax, false), {}),
		whatHappens: v.optional(LocaleMapInput(L.descriptionMax, false), {}),
		kind: v.picklist(SERVICE_KINDS, 'kind_invalid'),
		status: v.optional(v.picklist(SERVICE_STATUSES, 'status_invalid'), 'active'),
		ageMin: v.optional(v.nullable(v.pipe(v.number('age_invalid'), v.integer('age_invalid'), v.minValue(0, 'age_invalid'), v.maxValue(120, 'age_invalid'))), null),
		ageMax: v.optional(v.nullable(v.pipe(v.number('age_invalid'), v.integer('age_invalid'), v.minValue(0, 'age_invalid'), v.maxValue(120, 'age_invalid'))), null),
		languages: v.optional(v.pipe(v.array(v.pipe(v.string(), v.regex(/^[a-z]{2,3}$/, 'language_invalid'))), v.maxLength(L.languagesMax, 'too_many')), []),
		countries: v.pipe(
			v.array(v.pipe(v.string(), v.check((c) => c === 'ZZ' || isCountryCode(c), 'country_invalid'))),
			v.minLength(1, 'country_required'),
			v.maxLength(L.countriesMax, 'too_many')
		),
		areas: v.optional(v.pipe(v.array(text(200)), v.maxLength(100, 'too_many')), []),
		cost: v.optional(v.picklist(COSTS, 'cost_invalid'), 'unknown'),
		topics: v.optional(v.array(v.picklist(TOPIC_IDS, 'topic_invalid')), []),
		actions: v.pipe(v.array(v.picklist(ACTIONS, 'action_invalid')), v.minLength(1, 'action_required')),
		website: v.optional(v.nullable(Url), null),
		source: v.optional(v.nullable(text(500)), null),
		channels: v.pipe(v.array(ChannelInput), v.minLength(1, 'channel_required'), v.maxLength(L.channelsMax, 'too_many'))
	}),
	v.forward(
		v.check((s) => s.ageMin == null || s.ageMax == null || s.ageMin <= s.ageMax, 'age_range_invalid'),
		['ageMax']
	)
);
export type ServiceInput = v.InferOutput<typeof ServiceInput>;

/** One language's text in the per-language form: line ends as typed (CRLF as LF), trimmed; '' removes the language. */
const LanguageText = v.pipe(v.string('invalid_value'), v.transform((s) => s.replace(/\r\n?/g, '\n')), v.trim(), v.maxLength(L.descriptionMax, 'text_too_long'));

/** The six languages of the form, and no other (`locale_invalid` for any other key). */
export const SixLanguageTexts = v.strictObject(
	{ en: v.optional(LanguageText), fr: v.optional(LanguageText), es: v.optional(LanguageText), ru: v.optional(LanguageText), zh: v.optional(LanguageText), ar: v.optional(LanguageText) },
	'locale_invalid'
);

/**
 * A service's description and "what happens when you get in touch", per language, as the moderator's
 * per-language form sends them. A language left out is unchanged; an empty text removes it.
 */
export const ServiceTextsInput = v.strictObject(
	{
		description: v.optional(SixLanguageTexts, {}),
		whatHappens: v.optional(SixLanguageTexts, {})
	},
	'invalid_value'
);
export type ServiceTextsInput = v.InferOutput<typeof ServiceTextsInput>;

export const VerifyInput = v.object({
	method: v.picklist(['phoned', 'emailed', 'official_source', 'site_visit', 'partner_confirmed'], 'method_invalid'),
	note: v.optional(text(1000), '')
});

export const ReportInput = v.object({
	message: v.pipe(v.string('message_required'), v.trim(), v.nonEmpty('message_required'), v.maxLength(L.messageMax, 'text_too_long')),
	contact: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(254, 'text_too_long')), '')
});

export const DecisionInput = v.object({
	decision: v.picklist(['approve', 'reject'], 'decision_invalid'),
	note: v.optional(text(1000), '')
});
