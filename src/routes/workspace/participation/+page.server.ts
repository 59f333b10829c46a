import * as participation from '$lib/server/participation';
import { rethrowAsPage } from '$lib/server/platform/http';
import type { PageServerLoad } from './$types';

// Consultations the signed-in organiser or safeguarding reviewer works on, in their scope.
export const load: PageServerLoad = async ({ locals }) => {
	const today = participation.isoDay(new Date());
	try {
		const rows = await participation.listForWorkspace(locals.actor);
		return {
			rows: rows.map((c) => ({ id: c.id, title: participation.presentConsultation(c, today).title, phase: participation.phase(c, today), version: c.version, countries: c.countries, isDemo: c.isDemo })),
			mayDraft: locals.actor!.grants.some((g) => g.role === 'organiser' || g.role === 'admin')
		};
	} catch (e) {
		rethrowAsPage(e);
	}
};
