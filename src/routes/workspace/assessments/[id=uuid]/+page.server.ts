import { getLocale } from '$lib/i18n';
import * as progress from '$lib/server/progress';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const d = await progress.assessmentDetail(locals.actor, params.id).catch(rethrowAsPage);
	const prompts = await progress.actionPrompts(locals.actor, d.assessment.country);
	return progress.presentAssessmentOverview(d, prompts, getLocale());
};

export const actions: Actions = {
	submit: formAction(async (_form, { locals, params }) => ({ submitted: await progress.submitAssessment(locals.actor, params.id) })),
	context: formAction(async (form, { locals, params }) => {
		const rows = form.all('stat').map((id) => ({ statId: id, value: form.values[`v:${id}`] ?? '', source: form.values[`s:${id}`] ?? '', confidentiality: form.values[`c:${id}`] ?? 'public' }));
		await progress.saveContextValues(locals.actor, params.id, rows);
		return { contextSaved: true };
	}),
	dismiss: formAction(async ({ values }, { locals }) => {
		await progress.dismissActionPrompt(locals.actor, values.actionId ?? '');
		return { dismissed: true };
	})
};
