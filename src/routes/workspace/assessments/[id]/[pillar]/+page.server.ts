import { error, redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import { ACCEPT_ATTR, EVIDENCE_LIMITS, type AnswerStatus } from '$lib/progress/model';
import * as progress from '$lib/server/progress';
import { failWith, rethrowAsPage } from '$lib/server/platform/http';
import { ValidationError } from '$lib/server/platform/errors';
import { readForm } from '$lib/server/platform/validate';
import type { Actions, PageServerLoad } from './$types';

const EDITABLE: AnswerStatus[] = ['draft', 'queried', 'rejected'];

export const load: PageServerLoad = async ({ locals, params }) => {
	const d = await progress.assessmentDetail(locals.actor, params.id).catch(rethrowAsPage);
	const pillar = d.framework.pillars.find((p) => p.id === params.pillar);
	if (!pillar) error(404, 'not_found');
	const i = d.framework.pillars.indexOf(pillar);
	const iso = (x: Date) => x.toISOString().slice(0, 16).replace('T', ' ');
	return {
		assessment: { id: d.assessment.id, country: d.assessment.country, countryName: countryName(d.assessment.country, getLocale()) ?? d.assessment.country, period: d.assessment.period, isDemo: d.assessment.isDemo },
		pillar: { id: pillar.id, title: pillar.title, description: pillar.description },
		prev: d.framework.pillars[i - 1] ? { id: d.framework.pillars[i - 1].id, title: d.framework.pillars[i - 1].title } : null,
		next: d.framework.pillars[i + 1] ? { id: d.framework.pillars[i + 1].id, title: d.framework.pillars[i + 1].title } : null,
		indicators: pillar.indicators.map((ind) => ({
			id: ind.id,
			title: ind.title,
			description: ind.description,
			legal: !!ind.legal,
			questions: ind.questions.map((q) => {
				const a = d.answers[q.id];
				const status = a?.status ?? 'draft';
				return {
					...q,
					answer: a
						? {
								id: a.id,
								value: a.value,
								notApplicable: a.notApplicable,
								confidentiality: a.confidentiality,
								comment: a.comment ?? '',
								citation: a.citation ?? '',
								adoptedOn: a.adoptedOn ?? '',
								lawUrl: a.lawUrl ?? '',
								status: a.status,
								rejectReason: a.rejectReason,
								evidence: a.evidence.map((e) => ({ id: e.id, kind: e.kind, url: e.url, filename: e.filename, size: e.size })),
								thread: a.thread.map((t) => ({ ...t, createdAt: iso(t.createdAt) })),
								canValidate: a.canValidate
							}
						: null,
					editable: d.may.answer && EDITABLE.includes(status as AnswerStatus)
				};
			})
		})),
		may: d.may,
		accept: ACCEPT_ATTR,
		maxMb: EVIDENCE_LIMITS.maxBytes / 1024 / 1024
	};
};

const back = (params: { id: string; pillar: string }, hash = '') => href(`/workspace/assessments/${params.id}/${params.pillar}`) + hash;

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return failWith(new ValidationError({ _: 'form_unreadable' }, 'form_unreadable'));
		}
		const { answers, attachments, filePromises } = progress.readAnswerForm(form);
		try {
			await Promise.all(filePromises);
			await progress.savePage(locals.actor, params.id, answers, attachments);
		} catch (e) {
			return failWith(e);
		}
		return { saved: true };
	},
	removeEvidence: async ({ request, locals, params }) => {
		const form = await request.formData();
		try {
			await progress.removeEvidence(locals.actor, String(form.get('evidenceId') ?? ''));
		} catch (e) {
			return failWith(e);
		}
		return { removed: true, pillar: params.pillar };
	},
	decide: async ({ request, locals, params }) => {
		const form = await request.formData();
		const decisions: { answerId: string; decision: string; message: string }[] = [];
		for (const [k, v] of form) {
			if (!k.startsWith('decision:') || typeof v !== 'string' || v === '') continue;
			const answerId = k.slice('decision:'.length);
			decisions.push({ answerId, decision: v, message: String(form.get(`message:${answerId}`) ?? '') });
		}
		try {
			if (!decisions.length) throw new ValidationError({ _: 'progress_decision_invalid' }, 'progress_decision_invalid');
			await progress.decideAnswers(locals.actor, decisions);
		} catch (e) {
			// errors are keyed by answer id; the page links them to the question
			const r = failWith(e);
			const d = await progress.assessmentDetail(locals.actor, params.id);
			const byAnswer = new Map(Object.values(d.answers).map((a) => [a.id, a.questionId]));
			const fields = Object.fromEntries(Object.entries(r.data.fields ?? {}).map(([k, v]) => [byAnswer.get(k) ?? k, v]));
			return { ...r, data: { ...r.data, fields } } as typeof r;
		}
		redirect(303, back(params));
	},
	reply: async ({ request, locals, params }) => {
		const values = await readForm(request);
		try {
			await progress.replyToQuery(locals.actor, values.answerId ?? '', { body: values.body ?? '' });
		} catch (e) {
			return failWith(e, values);
		}
		redirect(303, back(params, `#q-${values.questionId ?? ''}`));
	},
	reopen: async ({ request, locals, params }) => {
		const values = await readForm(request);
		try {
			await progress.reopenAnswer(locals.actor, values.answerId ?? '', { reason: values.reason ?? '' });
		} catch (e) {
			return failWith(e, values);
		}
		redirect(303, back(params, `#q-${values.questionId ?? ''}`));
	}
};
