// What stops an assessment from being submitted, grouped by area so the focal point can go straight
// to each question. Pure: the page feeds it the areas it shows and the fields of the refusal.
import type { LocaleMap } from '../i18n/locale-map';

export interface AreaQuestions {
	id: string;
	title: LocaleMap;
	questions: { id: string; text: LocaleMap }[];
}

export interface AreaGaps extends AreaQuestions {
	questions: { id: string; text: LocaleMap; code: string }[];
}

/**
 * The questions a submission refused (`fields`: question id -> error code, as the submit command's
 * ValidationError carries them), grouped by area in the framework's order. Unknown ids are dropped.
 */
export function groupSubmissionGaps(areas: readonly AreaQuestions[], fields: Record<string, string> | null | undefined): AreaGaps[] {
	if (!fields) return [];
	const out: AreaGaps[] = [];
	for (const area of areas) {
		const questions = area.questions.filter((q) => Object.hasOwn(fields, q.id)).map((q) => ({ ...q, code: fields[q.id] }));
		if (questions.length) out.push({ ...area, questions });
	}
	return out;
}
