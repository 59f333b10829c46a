import { countryName } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import type { PageServerLoad } from './$types';

// A small help list for schools and platforms to put in an iframe: no cookies, no session, no chrome.
export const load: PageServerLoad = async ({ url, setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=300' });
	const query = directory.readHelpQuery(url);
	if (!query.country) return { country: null, countryName: null, results: [], query };
	const results = await directory.search({ country: query.country, topic: query.topic, action: query.action, age: query.age, openNow: false, limit: 20 });
	return {
		country: query.country,
		countryName: countryName(query.country, getLocale()),
		results: results.slice(0, 10).map(directory.presentResult),
		query
	};
};
