// Library: documents (reports, policy briefs, guidelines, Council Working Group contributions,
// resolutions, research, toolkits) with files kept in PostgreSQL, editions and corrections that
// keep their history, and full-text search in six languages over titles, summaries and PDF text.
// See docs/library.md.
export * from './commands';
export * from './queries';
export { can, editableScope, LIBRARY_RULES, type LibraryAction } from './policy';
export { DocumentInput, ChangeInput, SearchQuery } from './input';
export { presentSummary, presentDetail, presentOpenData, fileUrl } from './present';
export { checkUpload, contentDisposition, sniff } from './files';
export { extractPdfText } from './pdf-text';
export { documentFromForm, documentToForm } from './forms';
export { libraryApi } from './openapi';
