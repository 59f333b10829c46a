// Reading a child's answer form against the consultation's own questions. Anything unexpected
// (an unknown option, a value for a question that does not exist, over-long text, a band or
// country outside the audience) is a ValidationError with a code per field: nothing is stored.
import { PARTICIPATION_LIMITS as L, PREFER_NOT, SCALE_POINTS, type Question, type StoredAnswers } from '../../participation/types';
import { ValidationError } from '../platform/errors';

export interface AnswerForm {
	values: Record<string, string>;
	all(name: string): string[];
}

export interface ParsedAnswers {
	ageBand: string;
	country: string;
	region: string | null;
	code: string | null;
	answers: StoredAnswers;
	texts: { questionId: string; text: string }[];
}

interface Audience {
	ageBands: string[];
	countries: string[];
	/** regions per country the child may choose from (none: the question is not asked) */
	regions?: Record<string, string[]>;
	questions: Question[];
	freeText: boolean;
}

/** The form field of a question: `q_<id>`; a ranking posts `q_<id>_<optionId>` = its position. */
export const field = (q: Question) => `q_${q.id}`;

export function parseAnswerForm(c: Audience, form: AnswerForm): ParsedAnswers {
	const errors: Record<string, string> = {};
	const ageBand = form.values.ageBand ?? '';
	const country = (form.values.country ?? '').toUpperCase();
	if (!c.ageBands.includes(ageBand)) errors.ageBand = 'age_band_invalid';
	if (!c.countries.includes(country)) errors.country = 'country_invalid';
	// only a region from the organiser's list for the chosen country, or none ("I'd rather not say"):
	// never free text, which could carry a street or a school
	const region = (form.values.region ?? '').trim();
	if (region && !(c.regions?.[country] ?? []).includes(region)) errors.region = 'region_not_listed';
	const code = (form.values.code ?? '').trim().toUpperCase();
	if (code.length > L.codeMax) errors.code = 'code_invalid';

	const answers: StoredAnswers = {};
	const texts: ParsedAnswers['texts'] = [];
	for (const q of c.questions) {
		const name = field(q);
		const required = !q.optional && q.kind !== 'text';
		const ids = q.options.map((o) => o.id);
		switch (q.kind) {
			case 'single':
			case 'faces':
			case 'numbers': {
				const value = form.values[name];
				const allowed = q.kind === 'single' ? ids : (SCALE_POINTS as readonly string[]);
				if (value === undefined || value === '') {
					if (required) errors[name] = 'answer_required';
				} else if (value === PREFER_NOT || allowed.includes(value)) answers[q.id] = value;
				else errors[name] = 'option_unknown';
				break;
			}
			case 'multiple': {
				const values = [...new Set(form.all(name))];
				if (values.some((x) => x !== PREFER_NOT && !ids.includes(x))) errors[name] = 'option_unknown';
				else if (values.includes(PREFER_NOT)) answers[q.id] = PREFER_NOT;
				else if (values.length) answers[q.id] = values;
				else if (required) errors[name] = 'answer_required';
				break;
			}
			case 'ranking': {
				if (form.values[`${name}_${PREFER_NOT}`] === 'on') {
					answers[q.id] = PREFER_NOT;
					break;
				}
				const ranks = ids.map((id) => [id, form.values[`${name}_${id}`] ?? ''] as const);
				if (ranks.every(([, r]) => r === '')) {
					if (required) errors[name] = 'answer_required';
					break;
				}
				const positions = ranks.map(([, r]) => Number(r));
				const valid = ranks.every(([, r]) => /^\d{1,2}$/.test(r)) && new Set(positions).size === ids.length && positions.every((p) => p >= 1 && p <= ids.length);
				if (!valid) errors[name] = 'ranking_invalid';
				else answers[q.id] = [...ranks].sort((a, b) => Number(a[1]) - Number(b[1])).map(([id]) => id);
				break;
			}
			case 'text': {
				const text = (form.values[name] ?? '').trim();
				if (!text) break;
				if (!c.freeText) errors[name] = 'free_text_off';
				else if (text.length > L.textMax) errors[name] = 'text_too_long';
				else texts.push({ questionId: q.id, text });
				break;
			}
		}
	}
	if (Object.keys(errors).length) throw new ValidationError(errors, 'answers_invalid');
	return { ageBand, country, region: region || null, code: code || null, answers, texts };
}
