import { getLocale } from '$lib/i18n';
import { countryName } from '$lib/geo';
import { PILLARS, type AnswerStatus } from '$lib/progress/model';
import * as progress from '$lib/server/progress';
import { failWith, rethrowAsPage } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const d = await progress.assessmentDetail(locals.actor, params.id).catch(rethrowAsPage);
	const prompts = await progress.actionPrompts(locals.actor, d.assessment.country);
	const questionPillar = new Map(d.framework.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((q) => [q.id, { pillar: p.id, text: q.text }] as const))));
	return {
		assessment: { id: d.assessment.id, country: d.assessment.country, countryName: countryName(d.assessment.country, getLocale()) ?? d.assessment.country, period: d.assessment.period, status: d.assessment.status, isDemo: d.assessment.isDemo, frameworkVersion: d.assessment.frameworkVersion },
		frameworkTitle: d.framework.title,
		pillars: d.framework.pillars.map((p) => {
			const counts: Record<AnswerStatus | 'missing', number> = { draft: 0, submitted: 0, queried: 0, rejected: 0, accepted: 0, missing: 0 };
			for (const i of p.indicators) for (const q of i.questions) counts[(d.answers[q.id]?.status ?? 'missing') as AnswerStatus | 'missing']++;
			return { id: p.id, title: p.title, counts, total: p.indicators.reduce((n, i) => n + i.questions.length, 0) };
		}),
		scores: PILLARS.map((p) => ({ pillar: p, title: d.framework.pillars.find((x) => x.id === p)!.title, provisional: d.provisional.pillars[p], published: d.published?.pillars[p] ?? null })),
		overall: { provisional: d.provisional.overall, provisionalTier: d.provisional.tier, published: d.published?.overall ?? null, publishedTier: d.published?.tier ?? null },
		context: d.framework.context.map((c) => ({ ...c, value: d.context[c.id]?.value ?? null, source: d.context[c.id]?.source ?? '', confidentiality: d.context[c.id]?.confidentiality ?? 'public' })),
		prompts: prompts.map((p) => ({ ...p, completedAt: p.completedAt?.toISOString().slice(0, 10) ?? null, questions: p.questions.map((q) => ({ ...q, pillar: questionPillar.get(q.questionId)?.pillar, text: questionPillar.get(q.questionId)?.text })) })),
		may: d.may
	};
};

export const actions: Actions = {
	submit: async ({ locals, params }) => {
		try {
			const n = await progress.submitAssessment(locals.actor, params.id);
			return { submitted: n };
		} catch (e) {
			return failWith(e);
		}
	},
	context: async ({ request, locals, params }) => {
		const form = await request.formData();
		const ids = form.getAll('stat').filter((x): x is string => typeof x === 'string');
		const rows = ids.map((id) => ({ statId: id, value: String(form.get(`v:${id}`) ?? ''), source: String(form.get(`s:${id}`) ?? ''), confidentiality: String(form.get(`c:${id}`) ?? 'public') }));
		try {
			await progress.saveContextValues(locals.actor, params.id, rows);
			return { contextSaved: true };
		} catch (e) {
			return failWith(e);
		}
	},
	dismiss: async ({ request, locals }) => {
		const values = await readForm(request);
		try {
			await progress.dismissActionPrompt(locals.actor, values.actionId ?? '');
			return { dismissed: true };
		} catch (e) {
			return failWith(e);
		}
	}
};
