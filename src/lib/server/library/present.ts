// Rows -> what pages and the open API show: translations resolved, files without their bytes,
// history as dates and notes; never who created or changed what.
import { localized } from '../../i18n';
import type { Locale } from '../../paraglide/runtime.js';
import { origin } from '../learning';
import type { DocumentRow, FileMeta, RevisionRow } from './queries';

export const fileUrl = (f: { id: string }) => `/library/files/${f.id}`;

function presentFile(f: FileMeta) {
	return { id: f.id, url: fileUrl(f), language: f.language, edition: f.edition, filename: f.filename, mediaType: f.mediaType, size: f.size, pages: f.pages, searchable: f.hasText };
}

/** A result in the list. */
export function presentSummary(d: DocumentRow, files: FileMeta[], locale: Locale) {
	const title = localized(d.title, locale);
	const summary = localized(d.summary, locale);
	return {
		id: d.id,
		title,
		summary,
		type: d.type,
		year: d.year,
		countries: d.countries,
		organisations: d.organisations,
		languages: d.languages,
		edition: d.edition,
		correctedAt: d.correctedAt?.toISOString() ?? null,
		externalUrl: d.externalUrl,
		isDemo: d.isDemo,
		files: files.filter((f) => f.edition === d.edition && !f.replacedAt).map(presentFile)
	};
}

/** The document page: current files, earlier editions with their files, and the corrections. */
export function presentDetail(row: { document: DocumentRow; files: FileMeta[]; revisions: RevisionRow[] }, locale: Locale) {
	const d = row.document;
	const editions = [...new Set(row.files.filter((f) => f.edition < d.edition).map((f) => f.edition)).add(0)].filter(Boolean);
	const earlier = row.revisions
		.filter((r) => r.kind === 'edition')
		.map((r) => ({
			edition: r.edition,
			title: localized(r.snapshot.title, locale),
			year: r.snapshot.year,
			replacedOn: r.createdAt.toISOString(),
			note: r.note,
			files: row.files.filter((f) => f.edition === r.edition && !f.replacedAt).map(presentFile)
		}));
	for (const e of editions) if (!earlier.some((x) => x.edition === e)) earlier.push({ edition: e, title: localized(d.title, locale), year: d.year, replacedOn: '', note: '', files: row.files.filter((f) => f.edition === e && !f.replacedAt).map(presentFile) });
	return {
		...presentSummary(d, row.files, locale),
		status: d.status,
		topics: d.topics,
		areas: d.areas,
		publishedAt: d.publishedAt?.toISOString() ?? null,
		contribution:
			d.type === 'cwg_contribution'
				? { submitterCountry: d.submitterCountry, submitterOrganisation: d.submitterOrganisation, session: d.meetingSession, date: d.meetingDate, status: d.contributionStatus }
				: null,
		corrections: row.revisions.filter((r) => r.kind === 'correction' && r.edition === d.edition).map((r) => ({ on: r.createdAt.toISOString(), note: r.note })),
		earlierEditions: earlier.sort((a, b) => b.edition - a.edition)
	};
}

/** The open-data shape (GET /api/v1/library/documents): authored text as locale maps, file links, no people. */
export function presentOpenData(d: DocumentRow, files: FileMeta[]) {
	const base = origin();
	return {
		id: d.id,
		url: `${base}/library/${d.id}`,
		demo: d.isDemo,
		type: d.type,
		year: d.year,
		title: d.title,
		summary: d.summary,
		countries: d.countries,
		organisations: d.organisations,
		topics: d.topics,
		copAreas: d.areas,
		languages: d.languages,
		edition: d.edition,
		correctedAt: d.correctedAt?.toISOString() ?? null,
		publishedAt: d.publishedAt?.toISOString() ?? null,
		externalUrl: d.externalUrl,
		contribution:
			d.type === 'cwg_contribution'
				? { submitterCountry: d.submitterCountry, submitterOrganisation: d.submitterOrganisation, meetingSession: d.meetingSession, meetingDate: d.meetingDate, status: d.contributionStatus }
				: null,
		files: files.filter((f) => f.edition === d.edition && !f.replacedAt).map((f) => ({ url: base + fileUrl(f), language: f.language, filename: f.filename, mediaType: f.mediaType, size: f.size }))
	};
}
