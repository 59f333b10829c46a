import * as participation from '$lib/server/participation';
import { apiHandler } from '$lib/server/platform/edge';


const csvCell = (x: unknown) => {
	const s = x === null || x === undefined ? '' : String(x);
	return /[",\n\r]/.test(s) || /^[=+\-@]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

// The suppressed aggregates of a consultation whose results are public: the same numbers as the
// page, never a group under the threshold (suppressed groups have empty counts).
export const GET = apiHandler(participation.openapi.ResultsQuery, async (query, { params }) => {
	const today = participation.isoDay(new Date());
	const results = participation.presentResults(await participation.publicResults(params.id!, today), today);
	const records = participation.resultRecords(results);
	if (query.format === 'csv') {
		const cols = ['question', 'dimension', 'group', 'group_size', 'answer', 'count', 'share'] as const;
		const body = [cols.join(','), ...records.map((r) => cols.map((k) => csvCell(r[k])).join(','))].join('\r\n') + '\r\n';
		return new Response(body, { headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="consultation-${params.id}-results.csv"` } });
	}
	return {
		consultation: { id: results.consultation.id, title: results.consultation.title.text, status: results.consultation.status, isDemo: results.consultation.isDemo },
		threshold: results.threshold,
		total: results.total,
		records,
		quotes: results.quotes.map((q) => ({ text: q.text }))
	};
});
