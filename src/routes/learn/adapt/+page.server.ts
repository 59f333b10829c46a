import { error } from '@sveltejs/kit';
import { countryName, listCountries } from '$lib/geo';
import { getLocale, locales } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { localized } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import { NotFound } from '$lib/server/platform/errors';
import { isUuid } from '$lib/uuid';
import { TOPIC_GRAPH_IDS } from '$lib/topics';
import type { Actions, PageServerLoad } from './$types';

// Editors adapt the guidelines for the countries their grant covers (a global editor: any country).
function guard(actor: App.Locals['actor']) {
	if (!actor) error(401, 'sign_in_required');
	const countries = learning.adaptableCountries(actor);
	if (countries !== 'all' && countries.length === 0) error(403, 'forbidden');
	return countries;
}

export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const allowed = guard(locals.actor);
	setHeaders({ 'cache-control': 'private, no-store' });
	const locale = getLocale();
	const rows = await learning.listAdaptations({ countries: allowed });
	const editing = url.searchParams.get('edit') ? await learning.getAdaptation(url.searchParams.get('edit')!) : null;
	const content = learning.learnContent();
	return {
		adaptations: rows.map((r) => ({ id: r.id, country: r.country, countryName: countryName(r.country, locale) ?? r.country, setId: r.setId, kind: r.kind, sectionId: r.sectionId, title: localized(r.title) })),
		editing: editing && (allowed === 'all' || allowed.includes(editing.country)) ? editing : null,
		sets: content.guidelines.map((s) => ({ id: s.id, title: localized(s.title), sections: s.sections.map((x) => ({ id: x.id, title: localized(x.title) })) })),
		countries: listCountries(locale)
			.filter((c) => allowed === 'all' || allowed.includes(c.code))
			.map((c) => ({ code: c.code, name: c.name })),
		locales: [...locales],
		topics: [...TOPIC_GRAPH_IDS]
	};
};

export const actions: Actions = {
	save: formAction(async (form, { locals }) => {
		const id = await learning.saveAdaptation(locals.actor, { ...form.values, topics: form.all('topics') });
		return { saved: id, values: form.values };
	}),
	delete: formAction(async ({ values }, { locals }) => {
		// an id that is not a UUID never reaches the database: simply not found
		if (!isUuid(values.id ?? '')) throw new NotFound();
		await learning.deleteAdaptation(locals.actor, values.id);
		return { deleted: true };
	})
};
