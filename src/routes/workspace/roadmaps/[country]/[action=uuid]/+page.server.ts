import { error, redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import * as progress from '$lib/server/progress';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const r = await progress.roadmap(locals.actor, params.country).catch(rethrowAsPage);
	if (!r.may.edit) error(403, 'forbidden');
	const a = r.actions.find((x) => x.id === params.action);
	if (!a) error(404, 'progress_action_not_found');
	return {
		country: r.country,
		countryName: countryName(r.country, getLocale()) ?? r.country,
		action: { id: a.id, title: a.title, description: a.description, owner: a.owner, dueOn: a.dueOn, status: a.status, progress: a.progress, indicatorIds: a.indicatorIds },
		indicators: r.framework?.pillars.map((p) => ({ pillar: p.title, items: p.indicators.map((i) => ({ id: i.id, title: i.title })) })) ?? []
	};
};

export const actions: Actions = {
	update: formAction(async (form, { locals, params }) => {
		form.values.indicatorIds = form.all('indicatorIds').join(',');
		await progress.updateAction(locals.actor, params.action, progress.readActionForm(form.raw));
		redirect(303, href(`/workspace/roadmaps/${params.country.toUpperCase()}`));
	}),
	delete: formAction(async (_form, { locals, params }) => {
		await progress.deleteAction(locals.actor, params.action);
		redirect(303, href(`/workspace/roadmaps/${params.country.toUpperCase()}`));
	})
};
