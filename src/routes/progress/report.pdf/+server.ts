import { getLocale } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import { db } from '$lib/server/db';
import * as pub from '$lib/server/progress-public';
import type { RequestHandler } from './$types';

// The status report as a PDF in the reader's language (the locale comes from the URL prefix, as
// for every page): same parameters and contents as /progress/report.
export const GET: RequestHandler = async ({ url }) => {
	const locale = getLocale();
	const scope = pub.parseScope(url.searchParams.get('scope'));
	if (!scope) return problem(m.error_progress_bad_scope({}, { locale }));
	const period = pub.parsePeriod(url.searchParams.get('period'));
	if (period === null) return problem(m.error_progress_bad_period({}, { locale }));
	// the same report is downloaded many times between two validations: made once per change (pub.memoReportPdf)
	const made = await pub.memoReportPdf(`${pub.scopeParam(scope)}|${period ?? 'latest'}|${locale}`, async () => {
		const data = await pub.loadScope(db(), scope, period);
		if (period !== undefined && !data.periods.includes(period)) return null;
		const report = pub.buildReport(data, { locale, mode: 'report' });
		const f = pub.formats(locale);
		const pdf = await pub.renderReportPdf(report, {
			pageOf: (page, pages) => m.common_page_of({ page: f.count(page), pages: f.count(pages) }, { locale }),
			format: f.score,
			formatPeriod: f.year
		});
		return { pdf, period: data.period ?? null };
	});
	if (!made) return problem(m.error_progress_bad_period({}, { locale }));
	const { pdf } = made;
	const name = `cop-status-report-${pub.scopeParam(scope)}-${made.period ?? 'none'}-${locale}.pdf`;
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `inline; filename="${name}"`,
			'content-length': String(pdf.length),
			'cache-control': 'no-store'
		}
	});
};

function problem(text: string): Response {
	return new Response(text + '\n', { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8', 'content-language': getLocale() } });
}
