import { redirect } from '@sveltejs/kit';
import { href, locales } from '$lib/i18n';
import * as participation from '$lib/server/participation';
import { formAction } from '$lib/server/platform/edge';
import { rethrowAsPage } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

// One consultation in the workspace: edit while a draft, review, publish, close, class codes,
// free-text moderation, suppressed results, "you said, we did". Every command checks the policy.
export const load: PageServerLoad = async ({ locals, params }) => {
	const today = participation.isoDay(new Date());
	try {
		const c = await participation.getForWorkspace(locals.actor, params.id);
		const actor = locals.actor;
		const manage = participation.can(actor, 'consultation.manage', c.countries);
		const [answers, texts, results] = await Promise.all([
			participation.answerCount(c.id),
			participation.textsFor(actor, c.id).catch(() => ({ moderator: false, rows: [] })),
			participation.workspaceResults(actor, c.id)
		]);
		const values: Record<string, string> = {
			countries: c.countries.join(', '),
			regions: participation.regionsText(c.regions),
			opensOn: c.opensOn,
			closesOn: c.closesOn,
			...participation.questionFormValues(c.questions),
			freeText: c.freeText ? 'on' : '',
			liveResults: c.liveResults ? 'on' : '',
			threshold: String(c.threshold),
			retentionDays: String(c.retentionDays),
			campaignSlug: c.campaignSlug ?? ''
		};
		for (const l of locales) {
			values[`title_${l}`] = c.title[l] ?? '';
			values[`purpose_${l}`] = c.purpose[l] ?? '';
			values[`campaignIntro_${l}`] = c.campaignIntro?.[l] ?? '';
			values[`response_${l}`] = c.response?.[l] ?? '';
		}
		return {
			c: participation.presentConsultation(c, today),
			status: c.status,
			phase: participation.phase(c, today),
			reviewNote: c.reviewNote,
			bands: c.ageBands,
			values,
			answers,
			texts: texts.rows.map((t) => ({ id: t.id, text: t.text, status: t.status, quote: t.quote, ageBand: t.ageBand, country: t.country, questionId: t.questionId })),
			moderator: texts.moderator,
			total: results.total,
			manage,
			review: participation.canReview(actor, c),
			campaignSlug: c.campaignSlug
		};
	} catch (e) {
		rethrowAsPage(e);
	}
};

const responseFrom = (values: Record<string, string>) => ({ response: Object.fromEntries(locales.map((l) => [l, values[`response_${l}`] ?? ''])) });

export const actions: Actions = {
	update: formAction(async (form, { locals, params }) => {
		if (form.values.more) return participation.withOneMoreQuestion(form);
		await participation.updateConsultation(locals.actor, params.id!, participation.consultationFromForm(form));
		return { saved: true };
	}),
	submit: formAction(async (_f, { locals, params }) => {
		await participation.submitForReview(locals.actor, params.id!);
		return { saved: true };
	}),
	review: formAction(async (form, { locals, params }) => {
		await participation.reviewConsultation(locals.actor, params.id!, { verdict: form.values.verdict, note: form.values.note ?? '' });
		return { saved: true };
	}),
	publish: formAction(async (_f, { locals, params }) => {
		await participation.publishConsultation(locals.actor, params.id!);
		return { saved: true };
	}),
	close: formAction(async (_f, { locals, params }) => {
		await participation.closeConsultation(locals.actor, params.id!);
		return { saved: true };
	}),
	version: formAction(async (_f, { locals, params }) => {
		const id = await participation.newVersion(locals.actor, params.id!);
		redirect(303, href(`/workspace/participation/${id}`));
	}),
	codes: formAction(async (form, { locals, params }) => ({ codes: await participation.createClassCodes(locals.actor, params.id!, Number(form.values.count)) })),
	respond: formAction(async (form, { locals, params }) => {
		await participation.publishResponse(locals.actor, params.id!, responseFrom(form.values));
		return { saved: true };
	}),
	moderate: formAction(async (form, { locals }) => {
		await participation.moderateText(locals.actor, form.values.text ?? '', { verdict: form.values.verdict, quote: form.values.quote === 'on' });
		return { saved: true };
	})
};
