// What the library commands and the search accept. Limits come from $lib/library/vocab (shared with the forms).
import * as v from 'valibot';
import { isCountryCode } from '../../geo';
import { isTopicGraphId } from '../../topics';
import { CHANGE_KINDS, CONTRIBUTION_STATUSES, COP_AREAS, DOCUMENT_LANGUAGES, DOCUMENT_TYPES, LIBRARY_LIMITS as L } from '../../library/vocab';

const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));

export const LocaleMapInput = (max: number, required: boolean) =>
	v.pipe(
		v.record(v.picklist(DOCUMENT_LANGUAGES, 'locale_invalid'), text(max)),
		v.transform((m) => Object.fromEntries(Object.entries(m).filter(([, s]) => s.length > 0)) as Partial<Record<(typeof DOCUMENT_LANGUAGES)[number], string>>),
		v.check((m) => !required || Object.keys(m).length > 0, 'text_required')
	);

const Country = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check((c) => isCountryCode(c), 'country_invalid'));
const emptyToNull = <T>(s: v.GenericSchema<string, T>) => v.optional(v.nullable(v.union([v.pipe(v.literal(''), v.transform(() => null)), s], 'invalid_value')), null);
const Url = v.pipe(v.string(), v.trim(), v.maxLength(L.urlMax, 'text_too_long'), v.regex(/^https:\/\/[^\s/$.?#][^\s]*$/i, 'url_invalid'));
const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid'), v.check((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')) && new Date(s + 'T00:00:00Z').toISOString().startsWith(s), 'date_invalid'));
const int = (min: number, max: number, code: string) => v.pipe(v.number(code), v.integer(code), v.minValue(min, code), v.maxValue(max, code));

/** A document as an editor enters it. */
export const DocumentInput = v.pipe(
	v.object({
		title: LocaleMapInput(L.titleMax, true),
		summary: v.optional(LocaleMapInput(L.summaryMax, false), {}),
		type: v.picklist(DOCUMENT_TYPES, 'library_type_invalid'),
		year: int(L.yearMin, L.yearMax, 'library_year_invalid'),
		countries: v.optional(v.pipe(v.array(Country), v.maxLength(L.countriesMax, 'too_many')), []),
		organisations: v.optional(v.pipe(v.array(v.pipe(text(L.organisationMax), v.nonEmpty('text_required'))), v.maxLength(L.organisationsMax, 'too_many')), []),
		topics: v.optional(v.array(v.pipe(v.string(), v.check((t: string) => isTopicGraphId(t), 'invalid_value'))), []),
		areas: v.optional(v.array(v.picklist(COP_AREAS, 'invalid_value')), []),
		externalUrl: emptyToNull(Url),
		submitterCountry: emptyToNull(Country),
		submitterOrganisation: emptyToNull(v.pipe(text(L.organisationMax), v.nonEmpty('text_required'))),
		meetingSession: v.optional(v.nullable(int(1, L.sessionMax, 'library_session_invalid')), null),
		meetingDate: emptyToNull(IsoDate),
		contributionStatus: emptyToNull(v.picklist(CONTRIBUTION_STATUSES, 'invalid_value'))
	}),
	v.forward(
		v.check((d) => d.type !== 'cwg_contribution' || !!(d.submitterCountry || d.submitterOrganisation), 'library_submitter_required'),
		['submitterOrganisation']
	),
	v.forward(v.check((d) => d.type !== 'cwg_contribution' || (d.meetingSession !== null && d.meetingDate !== null), 'library_meeting_required'), ['meetingSession'])
);
export type DocumentInput = v.InferOutput<typeof DocumentInput>;

/** How a change to a published document is recorded. */
export const ChangeInput = v.object({
	change: v.optional(v.picklist(CHANGE_KINDS, 'invalid_value'), 'correction'),
	note: v.optional(text(L.noteMax), '')
});
export type ChangeInput = v.InferOutput<typeof ChangeInput>;

export const FileLanguage = v.picklist(DOCUMENT_LANGUAGES, 'language_invalid');

const opt = <S extends v.GenericSchema<string, string>>(s: S) => v.optional(v.union([v.literal(''), s], 'invalid_value'), '');

/** The search form and the open API's query. */
export const SearchQuery = v.object({
	q: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(L.queryMax, 'text_too_long')), ''),
	type: opt(v.picklist(DOCUMENT_TYPES, 'library_type_invalid')),
	year: v.optional(v.pipe(v.string(), v.regex(/^(\d{4})?$/, 'library_year_invalid')), ''),
	language: opt(v.picklist(DOCUMENT_LANGUAGES, 'language_invalid')),
	topic: v.optional(v.pipe(v.string(), v.check((t) => t === '' || isTopicGraphId(t), 'invalid_value')), ''),
	country: v.optional(v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check((c) => c === '' || isCountryCode(c), 'country_invalid')), ''),
	page: v.optional(v.pipe(v.string(), v.regex(/^\d{1,4}$/, 'invalid_value'), v.transform(Number), v.minValue(1, 'invalid_value')), '1')
});
export type SearchQuery = v.InferOutput<typeof SearchQuery>;
