import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import * as events from '$lib/server/events';
import * as library from '$lib/server/library';
import * as participation from '$lib/server/participation';
import * as progress from '$lib/server/progress';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

function otherSection(actor: App.Locals['actor']): string {
	if (participation.mayEnterWorkspace(actor)) return '/workspace/participation';
	if (events.can(actor, 'workspace.enter')) return '/workspace/events';
	if (library.can(actor, 'workspace.enter')) return '/workspace/library';
	return '/workspace/network';
}

export const load: PageServerLoad = async ({ locals }) => {
	const locale = getLocale();
	// this page is the assessments' workspace: organisers, safeguarding reviewers, editors and network
	// reviewers (let in by the layout for their own sections) go to their section instead of a 500
	if (!progress.mayEnterWorkspace(locals.actor)) redirect(303, href(otherSection(locals.actor)));
	const [list, queue] = await Promise.all([progress.listAssessments(locals.actor), progress.validationQueue(locals.actor)]);
	const countries = progress.answerableCountries(locals.actor);
	const prompts = (await Promise.all(countries.map((c) => progress.actionPrompts(locals.actor, c)))).flat();
	return {
		assessments: list.map((a) => ({ ...a, countryName: countryName(a.country, locale) ?? a.country, updatedAt: a.updatedAt.toISOString().slice(0, 10) })),
		queue: queue.length,
		countries: countries.map((c) => ({ code: c, name: countryName(c, locale) ?? c })),
		prompts: prompts.length,
		year: new Date().getUTCFullYear()
	};
};

export const actions: Actions = {
	open: formAction(async ({ values }, { locals }) => {
		const id = await progress.openAssessment(locals.actor, values);
		redirect(303, href(`/workspace/assessments/${id}`));
	})
};
