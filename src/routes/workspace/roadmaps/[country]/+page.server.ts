import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import { db } from '$lib/server/db';
import * as progress from '$lib/server/progress';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const r = await progress.roadmap(locals.actor, params.country).catch(rethrowAsPage);
	const completion = await progress.roadmapCompletion(db(), { scope: r.country });
	const titles = new Map(r.framework?.pillars.flatMap((p) => p.indicators.map((i) => [i.id, i.title] as const)) ?? []);
	return {
		country: r.country,
		countryName: countryName(r.country, getLocale()) ?? r.country,
		completion,
		actions: r.actions.map((a) => ({ id: a.id, title: a.title, description: a.description, owner: a.owner, dueOn: a.dueOn, status: a.status, progress: a.progress, isDemo: a.isDemo, indicators: a.indicatorIds.map((id) => ({ id, title: titles.get(id) ?? { en: id } })) })),
		indicators: r.framework?.pillars.map((p) => ({ pillar: p.title, items: p.indicators.map((i) => ({ id: i.id, title: i.title })) })) ?? [],
		may: r.may
	};
};

export const actions: Actions = {
	create: formAction(async (form, { locals, params }) => {
		// the page shows the ticked indicators again from one comma-separated value
		form.values.indicatorIds = form.all('indicatorIds').join(',');
		await progress.createAction(locals.actor, params.country, progress.readActionForm(form.raw));
		redirect(303, href(`/workspace/roadmaps/${params.country.toUpperCase()}`));
	})
};
