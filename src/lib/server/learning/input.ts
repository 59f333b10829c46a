// Input schemas at Learn's boundary (forms and API), with their limits defined once.
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import { isTopicGraphId } from '../../topics';
import { isCountryCode } from '../../geo';
import { rawHtmlIn } from './markdown';

export const LIMITS = { title: 200, summary: 500, body: 20_000, reason: 500 } as const;

const Country = v.pipe(v.string(), v.trim(), v.toUpperCase(), v.check((c) => isCountryCode(c), 'country_invalid'));

export const StartCourseInput = v.object({
	country: v.optional(v.union([v.literal(''), Country]), '')
});
export type StartCourseInput = v.InferOutput<typeof StartCourseInput>;

const Markdown = v.pipe(
	v.string(),
	v.trim(),
	v.minLength(1, 'learn_required'),
	v.maxLength(LIMITS.body, 'learn_too_long'),
	v.check((md) => !rawHtmlIn(md), 'learn_markdown_raw_html')
);

export const AdaptationInput = v.object({
	country: Country,
	setId: v.pipe(v.string(), v.minLength(1, 'learn_required')),
	kind: v.picklist(['override', 'addition'], 'invalid_value'),
	/** for an override: the section replaced; for an addition: a new id (letters, digits, dashes) */
	sectionId: v.pipe(v.string(), v.trim(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'learn_section_id_invalid')),
	locale: v.picklist(locales, 'invalid_value'),
	order: v.optional(v.pipe(v.unknown(), v.transform(Number), v.integer('invalid_value'), v.minValue(1, 'invalid_value'), v.maxValue(999, 'invalid_value')), 100),
	title: v.pipe(v.string(), v.trim(), v.minLength(1, 'learn_required'), v.maxLength(LIMITS.title, 'learn_too_long')),
	summary: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(LIMITS.summary, 'learn_too_long')), ''),
	body: Markdown,
	topics: v.optional(v.pipe(v.array(v.string()), v.check((ts) => ts.every(isTopicGraphId), 'invalid_value')), [])
});
export type AdaptationInput = v.InferOutput<typeof AdaptationInput>;

export const RevokeInput = v.object({ reason: v.pipe(v.string(), v.trim(), v.minLength(1, 'learn_required'), v.maxLength(LIMITS.reason, 'learn_too_long')) });
