import { error } from '@sveltejs/kit';
import { countryName, listCountries } from '$lib/geo';
import { getLocale, locales } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { localized } from '$lib/server/learning/present';
import { failWith } from '$lib/server/platform/http';
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
	save: async ({ request, locals }) => {
		const form = await request.formData().catch(() => new FormData());
		const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
		try {
			const id = await learning.saveAdaptation(locals.actor, { ...values, topics: form.getAll('topics').map(String) });
			return { saved: id, values };
		} catch (e) {
			return failWith(e, values);
		}
	},
	delete: async ({ request, locals }) => {
		const form = await request.formData().catch(() => new FormData());
		try {
			await learning.deleteAdaptation(locals.actor, String(form.get('id') ?? ''));
			return { deleted: true };
		} catch (e) {
			return failWith(e);
		}
	}
};
