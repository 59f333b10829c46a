import { rethrowAsPage } from '$lib/server/platform/edge';
import * as directory from '$lib/server/directory';
import { localized, type LocaleMap } from '$lib/i18n';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const [pending, stale] = await Promise.all([directory.moderationQueue(locals.actor, 200), directory.staleForModerator(locals.actor, 200)]).catch(rethrowAsPage);
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
