import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import { DOCUMENT_LANGUAGES, DOCUMENT_TYPES } from '$lib/library/vocab';
import { TOPIC_GRAPH_IDS } from '$lib/topics';
import * as library from '$lib/server/library';
import { isDomainError } from '$lib/server/platform/errors';
import { queryObject } from '$lib/server/platform/edge';
import { parse } from '$lib/server/platform/validate';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	let query: library.SearchQuery;
	try {
		query = parse(library.SearchQuery, queryObject(url.searchParams));
	} catch (e) {
		if (isDomainError(e)) error(400, 'invalid_input');
		throw e;
	}
	const locale = getLocale();
	const result = await library.search(query);
	return {
		query: { ...query, page: String(query.page) },
		items: result.items.map((i) => library.presentSummary(i.document, i.files, locale)),
		total: result.total,
		page: result.page,
		pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
		facets: result.facets,
		options: { types: DOCUMENT_TYPES, languages: DOCUMENT_LANGUAGES, topics: TOPIC_GRAPH_IDS }
	};
};
