import { error, redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import * as progress from '$lib/server/progress';
import { failWith, rethrowAsPage } from '$lib/server/platform/http';
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
	update: async ({ request, locals, params }) => {
		const values = progress.readActionForm(await request.formData());
		try {
			await progress.updateAction(locals.actor, params.action, values);
		} catch (e) {
			return failWith(e, { ...values, indicatorIds: values.indicatorIds.join(',') });
		}
		redirect(303, href(`/workspace/roadmaps/${params.country.toUpperCase()}`));
	},
	delete: async ({ locals, params }) => {
		try {
			await progress.deleteAction(locals.actor, params.action);
		} catch (e) {
			return failWith(e);
		}
		redirect(303, href(`/workspace/roadmaps/${params.country.toUpperCase()}`));
	}
};
