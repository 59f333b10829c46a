// The self-assessment. Anonymous visitors: the answers travel in the form and every view is
// rendered from what was posted (no cookie, no server record). `result` shows the scores and the
// action plan to fill in, `edit` goes back to the questions with the answers ticked, `plan` renders
// the printable action plan; `save` keeps it with the signed-in person's account.
import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { FIELD } from '$lib/toolkits/vocab';
import * as toolkits from '$lib/server/toolkits';
import * as translations from '$lib/server/translations';
import { formAction, rethrowAsPage, type PostedForm } from '$lib/server/platform/edge';
import { Unauthenticated } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const hidden = await translations.hiddenLocale(getLocale());
	const t = await Promise.resolve().then(() => toolkits.getToolkit(params.id, hidden)).catch(rethrowAsPage);
	return { questions: toolkits.presentAssessmentForm(t), signedIn: !!locals.actor };
};

function read(id: string, form: PostedForm) {
	const a = toolkits.readAssessment(toolkits.assessmentFromForm(id, form.values));
	// a saved assessment's id travels along so "save" changes it instead of making another
	const savedId = /^[0-9a-f-]{36}$/i.test(form.values.savedId ?? '') ? form.values.savedId : '';
	return { a, savedId };
}

/** The plan lines as hidden fields, kept while the visitor goes back to change answers. */
function planFields(plan: Record<string, { priority: string | null; owner: string; dueBy: string; notes: string }>) {
	return Object.entries(plan).flatMap(([id, l]) => [
		{ name: FIELD.priority(id), value: l.priority ?? '' },
		{ name: FIELD.owner(id), value: l.owner },
		{ name: FIELD.dueBy(id), value: l.dueBy },
		{ name: FIELD.notes(id), value: l.notes }
	]).filter((f) => f.value !== '');
}

export const actions: Actions = {
	result: formAction(async (form, { params }) => {
		const { a, savedId } = read(params.id, form);
		return { view: 'result' as const, result: toolkits.presentResult(a.toolkit, a), savedId };
	}),
	edit: formAction(async (form, { params }) => {
		const { a, savedId } = read(params.id, form);
		const answers = Object.fromEntries(Object.entries(a.answers).map(([id, v]) => [FIELD.answer(id), v as string]));
		return { view: 'form' as const, answers, organisation: a.organisation, planHidden: planFields(a.plan), savedId };
	}),
	plan: formAction(async (form, { params, url }) => {
		const { a, savedId } = read(params.id, form);
		const date = new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long' }).format(new Date());
		return { view: 'plan' as const, result: toolkits.presentResult(a.toolkit, a), savedId, date, origin: url.origin };
	}),
	save: formAction(async (form, { params, locals }) => {
		if (!locals.actor) throw new Unauthenticated();
		const raw = toolkits.assessmentFromForm(params.id, form.values);
		const { savedId } = read(params.id, form);
		let id = savedId;
		if (id) await toolkits.updateAssessment(locals.actor, id, raw);
		else id = await toolkits.saveAssessment(locals.actor, raw);
		redirect(303, href(`/toolkits/${params.id}/saved/${id}`) + '?saved');
	})
};
