// Our taxonomy (4Cs, topics, actions, kinds, channel types, costs, extension fields) as HSDS 3.0
// taxonomy terms, paged like every HSDS list. Public: no account, no cookies.
import { json } from '@sveltejs/kit';
import { hsds, openapi } from '$lib/server/directory';
import { apiHandler } from '$lib/server/platform/edge';

export const GET = apiHandler(openapi.HsdsTermsQuery, ({ page = 1, per_page: perPage = 100, taxonomy_id, parent_id, top_only }) => {
	const taxonomyId = taxonomy_id?.toLowerCase();
	const parentId = parent_id?.toLowerCase();
	const terms = hsds.hsdsTaxonomyTerms().filter(
		(t) => (!taxonomyId || t.taxonomy_id === taxonomyId) && (!parentId || t.parent_id === parentId) && (top_only !== 'true' || !t.parent_id)
	);
	const start = (page - 1) * perPage;
	return json(hsds.hsdsPage(terms.slice(start, start + perPage), terms.length, page, perPage), {
		headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' }
	});
});
