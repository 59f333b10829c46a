// What the toolkits commands and pages accept: a self-assessment (answers per practice, the action
// plan lines, the organisation's name). Limits come from $lib/toolkits/vocab (shared with the forms).
import * as v from 'valibot';
import { ANSWERS, FIELD, PRIORITIES, TOOLKITS_LIMITS as L } from '../../toolkits/vocab';

const Id = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'invalid_value'));
/** 2027-02-30 has the right shape but is not a day. */
const realDate = (s: string) => {
	const d = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};
const text = (max: number) => v.pipe(v.string(), v.trim(), v.maxLength(max, 'text_too_long'));

export const PlanLineInput = v.object({
	priority: v.optional(v.union([v.picklist(PRIORITIES, 'invalid_value'), v.pipe(v.literal(''), v.transform(() => null)), v.null()], 'invalid_value'), null),
	owner: v.optional(text(L.ownerMax), ''),
	dueBy: v.optional(v.union([v.literal(''), v.pipe(v.string(), v.isoDate('date_invalid'), v.check(realDate, 'date_invalid'))], 'date_invalid'), ''),
	notes: v.optional(text(L.notesMax), '')
});
export type PlanLineInput = v.InferOutput<typeof PlanLineInput>;

/** A self-assessment of one toolkit. Which practice and recommendation ids exist is checked against the toolkit. */
export const AssessmentInput = v.object({
	toolkitId: Id,
	organisation: v.optional(text(L.organisationMax), ''),
	answers: v.pipe(v.record(Id, v.picklist(ANSWERS, 'invalid_value')), v.check((a) => Object.keys(a).length <= 500, 'too_many')),
	plan: v.optional(v.pipe(v.record(Id, PlanLineInput), v.check((p) => Object.keys(p).length <= 500, 'too_many')), {})
});
export type AssessmentInput = v.InferOutput<typeof AssessmentInput>;

const ANSWER_FIELD = /^a_([a-z0-9][a-z0-9-]{0,79})$/;
const PLAN_FIELD = /^(priority|owner|due|notes)_([a-z0-9][a-z0-9-]{0,79})$/;
const PLAN_KEY = { priority: 'priority', owner: 'owner', due: 'dueBy', notes: 'notes' } as const;

/**
 * A posted self-assessment form -> the shape AssessmentInput checks. Pure reshaping: fields that are
 * not answers, plan lines or the organisation are ignored; an empty answer means "not answered".
 */
export function assessmentFromForm(toolkitId: string, values: Record<string, string>) {
	const answers: Record<string, string> = {};
	const plan: Record<string, Record<string, string>> = {};
	for (const [key, value] of Object.entries(values)) {
		const a = ANSWER_FIELD.exec(key);
		if (a) {
			if (value !== '') answers[a[1]] = value;
			continue;
		}
		const p = PLAN_FIELD.exec(key);
		if (p) (plan[p[2]] ??= {})[PLAN_KEY[p[1] as keyof typeof PLAN_KEY]] = value;
	}
	return { toolkitId, organisation: values.organisation ?? '', answers, plan };
}

/** A field path from AssessmentInput (`answers.x`, `plan.y.owner`) -> the form field's name. */
export function formFieldOf(path: string): string {
	const [group, id, key] = path.split('.');
	if (group === 'answers' && id) return FIELD.answer(id);
	if (group === 'plan' && id && key) {
		if (key === 'priority') return FIELD.priority(id);
		if (key === 'owner') return FIELD.owner(id);
		if (key === 'dueBy') return FIELD.dueBy(id);
		if (key === 'notes') return FIELD.notes(id);
	}
	return path;
}
