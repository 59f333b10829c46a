// Our taxonomy (4Cs, topics, actions, kinds, channel types, costs, extension fields) as HSDS 3.0
// taxonomy terms, paged like every HSDS list. Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import { hsdsPage, hsdsTaxonomyTerms, isUuid, readPaging } from '$lib/server/directory/hsds';
import { ValidationError } from '$lib/server/platform/errors';
import { apiError } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = ({ url }) => {
	try {
		const { page, perPage } = readPaging(url, { perPage: 100, maxPerPage: 500 });
		const taxonomyId = url.searchParams.get('taxonomy_id');
		const parentId = url.searchParams.get('parent_id');
		const topOnly = url.searchParams.get('top_only');
		if (taxonomyId !== null && !isUuid(taxonomyId)) throw new ValidationError({ taxonomy_id: 'uuid_invalid' });
		if (parentId !== null && !isUuid(parentId)) throw new ValidationError({ parent_id: 'uuid_invalid' });
		if (topOnly !== null && topOnly !== 'true' && topOnly !== 'false') throw new ValidationError({ top_only: 'boolean_invalid' });
		const terms = hsdsTaxonomyTerms().filter(
			(t) =>
				(taxonomyId === null || t.taxonomy_id === taxonomyId.toLowerCase()) &&
				(parentId === null || t.parent_id === parentId.toLowerCase()) &&
				(topOnly !== 'true' || !t.parent_id)
		);
		const start = (page - 1) * perPage;
		return json(hsdsPage(terms.slice(start, start + perPage), terms.length, page, perPage), {
			headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' }
		});
	} catch (e) {
		return apiError(e);
	}
};
