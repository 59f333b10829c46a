import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as network from '$lib/server/network';
import { isDomainError } from '$lib/server/platform/errors';
import { parse } from '$lib/server/platform/validate';
import { networkOptions } from './options';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	let query: network.DirectoryQuery;
	try {
		query = parse(network.DirectoryQuery, Object.fromEntries(url.searchParams));
	} catch (e) {
		if (isDomainError(e)) error(400, 'invalid_input');
		throw e;
	}
	const locale = getLocale();
	const result = await network.listDirectory(query);
	return {
		query: { ...query, page: String(query.page) },
		items: result.items.map((a) => network.presentProfile(a, locale)),
		total: result.total,
		page: result.page,
		pages: Math.max(1, Math.ceil(result.total / result.pageSize)),
		options: networkOptions(locale)
	};
};
