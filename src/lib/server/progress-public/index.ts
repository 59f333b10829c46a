// Public side of the progress module: dashboards, the status report (HTML and PDF), the legal-
// measures tracker. Reads published data through $lib/server/progress only.
export { parseScope, parsePeriod, scopeParam, loadScope, type Scope, type ScopeData } from './data';
export { buildReport, renderChart, scopeName, tierLabel, tierName, answerText, protectionLabels, pillarTitles, type ReportDoc, type Section, type Block, type Table, type Row, type Cell, type Chart } from './report';
export { provideCourseCompletionRates, courseCompletion, type CourseCompletion, type CourseCompletionRates } from './courses';
export { formats, type Formats } from './format';
export { renderReportPdf, type PdfOptions } from './pdf/render';
export { memoReportPdf } from './pdf/memo';
export { legalTracker, LegalInputError, MAX_COMPARE, type LegalTracker, type LegalCell } from './legal';
