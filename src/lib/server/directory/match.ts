// The help search's filters for one service held outside the services table: a federated service
// on a hub (the federation module keeps members' HSDS records as they came). The same rules as
// searchWhere and "open now" in queries.ts, written once more over the validated input shape,
// since those records have no rows to query; match.test.ts checks both agree on the same services.
import { isOpenAt } from '../../directory/hours';
import type { ServiceInput } from './input';
import type { SearchParams } from './queries';

/** The lower-cased text the help search's words look in: names and organisation names, every language. */
export function searchTextOf(input: Pick<ServiceInput, 'name' | 'organization'>): string {
	return [...Object.values(input.name), ...Object.values(input.organization.name)].join(' ').toLowerCase();
}

/** Whether `s` is found by a help search with `params` (country included), at `now` for "open now". */
export function matchesSearch(s: ServiceInput, params: SearchParams, now = params.now ?? new Date()): boolean {
	if (s.status === 'defunct') return false;
	if (!s.countries.some((c) => c === params.country || c === 'ZZ')) return false;
	if (params.topic && !s.topics.includes(params.topic)) return false;
	if (params.action && !s.actions.includes(params.action)) return false;
	if (params.language && !s.languages.includes(params.language)) return false;
	if (params.age != null && ((s.ageMin != null && s.ageMin > params.age) || (s.ageMax != null && s.ageMax < params.age))) return false;
	if (params.channel && !s.channels.some((c) => c.type === params.channel)) return false;
	if (params.q && !searchTextOf(s).includes(params.q.toLowerCase())) return false;
	if (params.openNow && (s.status !== 'active' || !s.channels.some((c) => isOpenAt(c.hours, now)))) return false;
	return true;
}
