import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { localized, type LocaleMap } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	const [pending, stale] = await Promise.all([directory.pendingRequests(200), directory.needingVerification(200)]);
	return {
		reverifyDays: directory.REVERIFY_DAYS(),
		pending: pending.map((r) => ({
			id: r.id,
			kind: r.kind,
			createdAt: r.createdAt.toISOString().slice(0, 16).replace('T', ' '),
			summary: r.kind === 'suggest_service' ? localized(((r.proposal as { name?: LocaleMap })?.name ?? {}) as LocaleMap).text : r.message.slice(0, 120)
		})),
		stale: stale.map((s) => ({ id: s.id, name: localized(s.name as LocaleMap), countries: s.countries.join(', '), verifiedAt: s.verifiedAt?.toISOString().slice(0, 10) ?? null, isDemo: s.isDemo }))
	};
};
