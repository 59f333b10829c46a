// What the participation commands accept. Limits come from one place ($lib/participation/types).
import * as v from 'valibot';
import { isCountryCode } from '../../geo';
import { locales } from '../../i18n';
import { AGE_BANDS, KINDS_WITH_OPTIONS, PARTICIPATION_LIMITS as L, QUESTION_KINDS, type Question } from '../../participation/types';
import type { PostedForm } from '../platform/edge';

const LOCALES = locales as readonly string[];

/** A locale map with at least one non-empty text, each text at most `max` characters. */
function localeMap(max: number, required = true) {
	return v.pipe(
		v.record(v.picklist(LOCALES as string[], 'language_invalid'), v.pipe(v.string(), v.trim(), v.maxLength(max, 'too_long'))),
		v.transform((m) => Object.fromEntries(Object.entries(m).filter(([, t]) => t !== '')) as Record<string, string>),
		v.check((m) => !required || Object.keys(m).length > 0, 'required')
	);
}

const QuestionSchema = v.pipe(
	v.object({
		id: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,20}$/, 'question_id_invalid')),
		kind: v.picklist(QUESTION_KINDS as unknown as string[], 'question_kind_invalid'),
		prompt: localeMap(L.promptMax),
		options: v.optional(
			v.pipe(
				v.array(v.object({ id: v.pipe(v.string(), v.regex(/^[a-z0-9_-]{1,20}$/, 'option_id_invalid')), label: localeMap(L.optionMax) })),
				v.maxLength(L.optionsMax, 'too_many_options')
			),
			[]
		),
		optional: v.optional(v.boolean(), false)
	}),
	v.check((q) => !['single', 'multiple', 'ranking'].includes(q.kind) || q.options.length >= 2, 'options_required'),
	v.check((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, 'option_id_duplicate'),
	v.check((q) => !q.options.some((o) => o.id === 'prefer_not'), 'option_id_invalid')
);

const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'date_invalid'), v.check((s) => !Number.isNaN(Date.parse(s + 'T00:00:00Z')), 'date_invalid'));

export const ConsultationInput = v.pipe(
	v.object({
		title: localeMap(L.titleMax),
		purpose: localeMap(L.purposeMax),
		ageBands: v.pipe(v.array(v.picklist(AGE_BANDS as unknown as string[], 'age_band_invalid')), v.minLength(1, 'age_bands_required')),
		countries: v.pipe(v.array(v.pipe(v.string(), v.check(isCountryCode, 'country_invalid'))), v.minLength(1, 'countries_required'), v.maxLength(250, 'too_many')),
		opensOn: isoDay,
		closesOn: isoDay,
		questions: v.pipe(v.array(QuestionSchema), v.minLength(1, 'questions_required'), v.maxLength(L.questionsMax, 'too_many_questions')),
		freeText: v.optional(v.boolean(), false),
		liveResults: v.optional(v.boolean(), false),
		threshold: v.optional(v.pipe(v.number(), v.integer('threshold_invalid'), v.minValue(L.thresholdMin, 'threshold_too_low'), v.maxValue(1000, 'threshold_invalid')), L.thresholdDefault),
		retentionDays: v.optional(v.pipe(v.number(), v.integer('retention_invalid'), v.minValue(L.retentionMinDays, 'retention_invalid'), v.maxValue(L.retentionMaxDays, 'retention_invalid')), 365),
		campaignSlug: v.optional(v.nullable(v.pipe(v.string(), v.regex(/^[a-z0-9-]{3,60}$/, 'slug_invalid'))), null),
		campaignIntro: v.optional(localeMap(L.purposeMax, false), {}),
		regions: v.optional(
			v.record(
				v.pipe(v.string(), v.check(isCountryCode, 'regions_invalid')),
				v.pipe(
					v.array(v.pipe(v.string(), v.trim(), v.minLength(1, 'regions_invalid'), v.maxLength(L.regionMax, 'too_long'))),
					v.maxLength(L.regionsPerCountryMax, 'too_many'),
					v.check((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, 'regions_duplicate')
				)
			),
			{}
		)
	}),
	v.forward(v.check((c) => Object.keys(c.regions).every((code) => c.countries.includes(code)), 'regions_country'), ['regions']),
	v.forward(v.check((c) => c.closesOn > c.opensOn, 'closes_before_opens'), ['closesOn']),
	v.forward(v.check((c) => new Set(c.questions.map((q) => q.id)).size === c.questions.length, 'question_id_duplicate'), ['questions']),
	v.forward(v.check((c) => c.freeText || !c.questions.some((q) => q.kind === 'text'), 'free_text_off'), ['questions'])
);
export type ConsultationInput = v.InferOutput<typeof ConsultationInput> & { questions: Question[] };

export const ReviewInput = v.object({
	verdict: v.picklist(['approve', 'return'], 'verdict_invalid'),
	note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(2000, 'too_long')), '')
});
export type ReviewInput = v.InferOutput<typeof ReviewInput>;

export const ResponseInput = v.object({ response: localeMap(L.responseMax) });

export const ModerateInput = v.object({
	verdict: v.picklist(['approve', 'reject'], 'verdict_invalid'),
	quote: v.optional(v.boolean(), false)
});

/** Reads the organiser's form (one field per language; questions as JSON) into ConsultationInput's shape. */
export function consultationFromForm(form: PostedForm): Record<string, unknown> {
	const per = (prefix: string) => Object.fromEntries(LOCALES.map((l) => [l, form.values[`${prefix}_${l}`] ?? '']));
	const questions = questionsFromForm(form.values);
	const num = (s: string | undefined, d: number) => (s && s.trim() !== '' ? Number(s) : d);
	return {
		title: per('title'),
		purpose: per('purpose'),
		ageBands: form.all('ageBands'),
		countries: (form.values.countries ?? '')
			.split(/[\s,;]+/)
			.map((c) => c.trim().toUpperCase())
			.filter(Boolean),
		opensOn: form.values.opensOn ?? '',
		closesOn: form.values.closesOn ?? '',
		questions,
		freeText: form.values.freeText === 'on',
		liveResults: form.values.liveResults === 'on',
		threshold: num(form.values.threshold, L.thresholdDefault),
		retentionDays: num(form.values.retentionDays, 365),
		campaignSlug: form.values.campaignSlug?.trim() || null,
		campaignIntro: per('campaignIntro'),
		regions: regionsFromText(form.values.regions ?? '')
	};
}

/**
 * The organiser's region list, one per line as a country code, a colon and the region's name
 * ("KE: Nairobi"). A line that does not follow the pattern is kept under a key that fails
 * validation (`regions_invalid`), so it is reported instead of silently dropped.
 */
export function regionsFromText(text: string): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const line of text.split(/\r?\n/)) {
		if (!line.trim()) continue;
		const m = /^\s*([A-Za-z]{2})\s*[:：]\s*(.*)$/.exec(line);
		const [code, name] = m ? [m[1].toUpperCase(), m[2].trim()] : ['?', line.trim()];
		(out[code] ??= []).push(name);
	}
	return out;
}

/** The text form of a region list (the inverse of `regionsFromText`). */
export function regionsText(regions: Record<string, string[]>): string {
	return Object.entries(regions)
		.flatMap(([code, names]) => names.map((n) => `${code}: ${n}`))
		.join('\n');
}


/** How many question slots the builder posts: the questions there are, and room for more. */
export function builderSlots(values: Record<string, string>): number {
	const n = Number(values.slots);
	return Number.isInteger(n) && n >= 1 && n <= L.questionsMax ? n : 1;
}

const lines = (text: string | undefined) => (text ?? '').split(/\r?\n/).map((l) => l.trim());

/**
 * The question builder's fields (no JavaScript needed) -> questions. Slot i posts `q{i}_kind`,
 * `q{i}_optional`, a prompt per language `q{i}_prompt_{l}` and, for choices, one answer per line
 * per language `q{i}_options_{l}` (line k in every language is the same answer); `q{i}_id` and
 * `q{i}_option_ids` keep the ids an edited question already had. Slots left empty are skipped.
 * The result is validated by ConsultationInput like any other input.
 */
export function questionsFromForm(values: Record<string, string>): unknown[] {
	const out: unknown[] = [];
	for (let i = 1; i <= builderSlots(values); i++) {
		const prompt = Object.fromEntries(LOCALES.map((l) => [l, values[`q${i}_prompt_${l}`] ?? '']));
		const kind = values[`q${i}_kind`] ?? 'single';
		const perLocale = Object.fromEntries(LOCALES.map((l) => [l, lines(values[`q${i}_options_${l}`])]));
		const count = (KINDS_WITH_OPTIONS as readonly string[]).includes(kind) ? Math.max(0, ...Object.values(perLocale).map((ls) => ls.length)) : 0;
		const known = (values[`q${i}_option_ids`] ?? '').split(',').filter(Boolean);
		const options: { id: string; label: Record<string, string> }[] = [];
		for (let k = 0; k < count; k++) {
			const label = Object.fromEntries(LOCALES.map((l) => [l, perLocale[l][k] ?? '']));
			if (Object.values(label).every((t) => t === '')) continue;
			const taken = new Set(options.map((o) => o.id));
			let id = known[k] && !taken.has(known[k]) ? known[k] : `o${k + 1}`;
			for (let n = k + 2; taken.has(id); n++) id = `o${n}`;
			options.push({ id, label });
		}
		if (Object.values(prompt).every((t) => t.trim() === '') && options.length === 0) continue;
		out.push({ id: values[`q${i}_id`] || `q${i}`, kind, prompt, options, optional: values[`q${i}_optional`] === 'on' });
	}
	return out;
}

/** Questions -> the builder's fields, with `extra` empty slots after them. */
export function questionFormValues(questions: Question[], extra = 1): Record<string, string> {
	const values: Record<string, string> = { slots: String(Math.min(L.questionsMax, Math.max(1, questions.length + extra))) };
	questions.forEach((q, n) => {
		const i = n + 1;
		values[`q${i}_id`] = q.id;
		values[`q${i}_kind`] = q.kind;
		if (q.optional) values[`q${i}_optional`] = 'on';
		values[`q${i}_option_ids`] = q.options.map((o) => o.id).join(',');
		for (const l of locales) {
			values[`q${i}_prompt_${l}`] = q.prompt[l] ?? '';
			values[`q${i}_options_${l}`] = q.options.length && q.options.some((o) => o.label[l]) ? q.options.map((o) => o.label[l] ?? '').join('\n') : '';
		}
	});
	return values;
}

/** "Add a question": the form comes back as typed, with one more empty question slot. Nothing is saved. */
export function withOneMoreQuestion(form: PostedForm) {
	const { more: _, ...typed } = form.values;
	const values: Record<string, string> = { ...typed, slots: String(Math.min(L.questionsMax, builderSlots(form.values) + 1)) };
	return { more: true as const, values, lists: { ageBands: form.all('ageBands') } };
}
