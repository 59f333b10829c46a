import { redirect } from '@sveltejs/kit';
import { getLocale, href } from '$lib/i18n';
import { countryName } from '$lib/geo';
import * as progress from '$lib/server/progress';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const locale = getLocale();
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
	open: async ({ request, locals }) => {
		const values = await readForm(request).catch(() => ({}) as Record<string, string>);
		let id: string;
		try {
			id = await progress.openAssessment(locals.actor, values);
		} catch (e) {
			return failWith(e, values);
		}
		redirect(303, href(`/workspace/assessments/${id}`));
	}
};
