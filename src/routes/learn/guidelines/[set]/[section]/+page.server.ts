import { error } from '@sveltejs/kit';
import { countryName } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { countryParam } from '$lib/server/learning';
import { html, localized, presentRelated, presentTopics } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent, statusHere } from '../../../content.server';

export const load: PageServerLoad = async ({ params, url }) => {
	const country = countryParam(url);
	// ?original=1 shows the section as written even when the reader chose a country
	const original = url.searchParams.get('original') === '1';
	const content = await readerContent();
	const set = await learning.readerSet(params.set, original ? null : country, content);
	if (!set) error(404, 'not_found');
	const index = set.sections.findIndex((s) => s.id === params.section);
	if (index < 0) error(404, 'not_found');
	const s = set.sections[index];
	const hasAdaptation = original && country ? (await learning.readerSet(params.set, country, content))!.sections.some((x) => x.id === s.id && x.origin !== 'content') : false;
	const neighbour = (i: number) => (set.sections[i] ? { id: set.sections[i].id, title: localized(set.sections[i].title) } : null);
	return {
		set: { id: set.id, title: localized(set.title) },
		section: {
			id: s.id,
			title: localized(s.title),
			summary: localized(s.summary),
			body: html(s.body),
			origin: s.origin,
			// an adaptation is written by the country's COP unit in the language it chose: no status note
			status: s.origin === 'content' ? statusHere(s) : null,
			checklist: s.checklist.map((c) => ({ id: c.id, text: localized(c.text) }))
		},
		country,
		countryName: country ? (countryName(country, getLocale()) ?? country) : null,
		original,
		hasAdaptation,
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		topics: presentTopics(s.topics, country),
		related: presentRelated(s.topics, s.id, content)
	};
};
