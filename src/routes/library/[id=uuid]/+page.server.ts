import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as library from '$lib/server/library';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const found = await library.getPublicDocument(params.id);
	if (!found) error(404, 'not_found');
	if (found.document.status === 'withdrawn') error(410, 'library_gone');
	return { document: library.presentDetail(found, getLocale()) };
};
