// The framework file format (content/progress/frameworks/<key>/<version>.json), checked with valibot,
// plus the cross-field rules a schema cannot say (pillar order, unique ids, weights of unscored types).
import * as v from 'valibot';
import { EVIDENCE_RULES, PILLARS, QUESTION_TYPES, type Framework } from './model';

const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty text'));
/** All six languages, English required (a framework is authored in full). */
export const LocaleMapSchema = v.strictObject({ en: text, fr: text, es: text, ru: text, zh: text, ar: text });
const id = v.pipe(v.string(), v.regex(/^[a-z][a-z0-9_.-]{1,99}$/, 'ids are lower-case letters, digits, _ . -'));

const QuestionSchema = v.strictObject({
	id,
	type: v.picklist(QUESTION_TYPES),
	weight: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
	text: LocaleMapSchema,
	guidance: LocaleMapSchema,
	evidence: v.picklist(EVIDENCE_RULES),
	options: v.optional(v.pipe(v.array(v.strictObject({ id, label: LocaleMapSchema })), v.minLength(2))),
	levels: v.optional(v.pipe(v.array(LocaleMapSchema), v.length(5, 'maturity needs exactly five levels (0..4)'))),
	target: v.optional(v.pipe(v.number(), v.gtValue(0)))
});

const IndicatorSchema = v.strictObject({
	id,
	title: LocaleMapSchema,
	description: LocaleMapSchema,
	crosswalk: v.strictObject({
		mnr: v.array(v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'MNR capability names are kebab-case'))),
		gci: v.picklist(['legal', 'technical', 'organizational', 'capacity-development', 'cooperation']),
		cop: v.array(v.picklist(['children', 'parents-educators', 'industry', 'policy-makers']))
	}),
	legal: v.optional(v.boolean()),
	questions: v.pipe(v.array(QuestionSchema), v.minLength(1))
});

const PillarSchema = v.strictObject({
	id: v.picklist(PILLARS),
	title: LocaleMapSchema,
	description: LocaleMapSchema,
	indicators: v.pipe(v.array(IndicatorSchema), v.minLength(1))
});

export const FrameworkSchema = v.strictObject({
	key: v.pipe(v.string(), v.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)),
	version: v.pipe(v.number(), v.integer(), v.minValue(1)),
	title: LocaleMapSchema,
	summary: LocaleMapSchema,
	pillars: v.array(PillarSchema),
	context: v.array(
		v.strictObject({ id, type: v.picklist(['number', 'percent']), title: LocaleMapSchema, guidance: LocaleMapSchema, unit: v.pipe(v.string(), v.minLength(1)) })
	)
});

/** The rules beyond the schema; returns problems as readable sentences with a path. */
export function crossCheck(fw: v.InferOutput<typeof FrameworkSchema>): string[] {
	const problems: string[] = [];
	const got = fw.pillars.map((p) => p.id).join(',');
	if (got !== PILLARS.join(',')) problems.push(`pillars: expected exactly ${PILLARS.join(', ')} in that order, got ${got || 'none'}`);
	const seen = new Set<string>();
	const once = (where: string, x: string) => {
		if (seen.has(x)) problems.push(`${where}: id "${x}" is used twice`);
		seen.add(x);
	};
	for (const [pi, p] of fw.pillars.entries()) {
		for (const [ii, ind] of p.indicators.entries()) {
			const at = `pillars[${pi}].indicators[${ii}]`;
			once(at, ind.id);
			for (const [qi, q] of ind.questions.entries()) {
				const qat = `${at}.questions[${qi}] (${q.id})`;
				once(qat, q.id);
				if ((q.type === 'date' || q.type === 'text') && q.weight !== 0) problems.push(`${qat}: ${q.type} questions are not scored, weight must be 0`);
				if (q.type === 'multi_select' && !q.options) problems.push(`${qat}: multi_select needs options`);
				if (q.type !== 'multi_select' && q.options) problems.push(`${qat}: only multi_select takes options`);
				if (q.type === 'maturity' && !q.levels) problems.push(`${qat}: maturity needs five levels`);
				if (q.type !== 'maturity' && q.levels) problems.push(`${qat}: only maturity takes levels`);
				if (q.type === 'number' && q.weight > 0 && q.target === undefined) problems.push(`${qat}: a scored number question needs a target`);
				if (q.target !== undefined && q.type !== 'number' && q.type !== 'percent') problems.push(`${qat}: only number and percent take a target`);
				if (q.options) {
					const ids = new Set(q.options.map((o) => o.id));
					if (ids.size !== q.options.length) problems.push(`${qat}: option ids repeat`);
				}
			}
		}
	}
	for (const [ci, c] of fw.context.entries()) once(`context[${ci}]`, c.id);
	return problems;
}

export type FrameworkCheck = { ok: true; framework: Framework } | { ok: false; problems: string[] };

/** Validates a parsed JSON value as a framework; every problem is reported with where it is. */
export function checkFramework(input: unknown): FrameworkCheck {
	const r = v.safeParse(FrameworkSchema, input);
	if (!r.success) {
		return {
			ok: false,
			problems: r.issues.slice(0, 20).map((i) => `${i.path?.map((p) => String(p.key)).join('.') || '(root)'}: ${i.message}`)
		};
	}
	const problems = crossCheck(r.output);
	return problems.length ? { ok: false, problems } : { ok: true, framework: r.output as Framework };
}
