import { error, redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import * as progress from '$lib/server/progress';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { DomainError, Forbidden, isDomainError, ValidationError } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const d = await progress.assessmentDetail(locals.actor, params.id).catch(rethrowAsPage);
	const page = progress.presentPillarPage(d, params.pillar, getLocale());
	if (!page) error(404, 'not_found');
	return page;
};

const back = (params: { id: string; pillar: string }, hash = '') => href(`/workspace/assessments/${params.id}/${params.pillar}`) + hash;

/** Decision errors come keyed by answer id; the page links them to the question, so re-key them by question id. */
async function keyedByQuestion(e: unknown, actor: App.Locals['actor'], assessmentId: string): Promise<never> {
	if (!isDomainError(e) || !Object.keys(e.fields).length) throw e;
	const d = await progress.assessmentDetail(actor, assessmentId).catch(() => null);
	const byAnswer = new Map(Object.values(d?.answers ?? {}).map((a) => [a.id, a.questionId]));
	throw new DomainError(e.status, e.code, Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [byAnswer.get(k) ?? k, v])));
}

export const actions: Actions = {
	save: formAction(async (form, { locals, params }) => {
		const { answers, attachments, filePromises } = progress.readAnswerForm(form.raw);
		await Promise.all(filePromises);
		await progress.savePage(locals.actor, params.id, answers, attachments);
		return { saved: true };
	}),
	removeEvidence: formAction(async ({ values }, { locals, params }) => {
		await progress.removeEvidence(locals.actor, values.evidenceId ?? '');
		return { removed: true, pillar: params.pillar };
	}),
	decide: formAction(async ({ values }, { locals, params }) => {
		const decisions = Object.entries(values)
			.filter(([k, v]) => k.startsWith('decision:') && v !== '')
			.map(([k, decision]) => ({ answerId: k.slice('decision:'.length), decision, message: values[`message:${k.slice('decision:'.length)}`] ?? '' }));
		// a validator for this assessment's country before the form is judged (decideAnswers checks each answer again)
		if (!(await progress.assessmentDetail(locals.actor, params.id)).may.validate) throw new Forbidden();
		if (!decisions.length) throw new ValidationError({ _: 'progress_decision_invalid' }, 'progress_decision_invalid');
		await progress.decideAnswers(locals.actor, decisions).catch((e) => keyedByQuestion(e, locals.actor, params.id));
		redirect(303, back(params));
	}),
	reply: formAction(async ({ values }, { locals, params }) => {
		await progress.replyToQuery(locals.actor, values.answerId ?? '', { body: values.body ?? '' });
		redirect(303, back(params, `#q-${values.questionId ?? ''}`));
	}),
	reopen: formAction(async ({ values }, { locals, params }) => {
		await progress.reopenAnswer(locals.actor, values.answerId ?? '', { reason: values.reason ?? '' });
		redirect(303, back(params, `#q-${values.questionId ?? ''}`));
	})
};
