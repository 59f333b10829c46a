import * as participation from '$lib/server/participation';
import { apiHandler } from '$lib/server/platform/edge';

// Published consultations with their status (no drafts, no authors, no reviewers).
export const GET = apiHandler(async () => {
	const today = participation.isoDay(new Date());
	const rows = await participation.listPublished();
	return {
		data: rows.map((c) => {
			const p = participation.presentConsultation(c, today);
			return { id: p.id, title: p.title.text, status: p.status, ageBands: p.ageBands, countries: p.countries.map((x) => x.code), opensOn: p.opensOn, closesOn: p.closesOn, resultsVisible: p.resultsVisible, isDemo: p.isDemo };
		})
	};
});
