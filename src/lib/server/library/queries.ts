// Reads: the public search, a published document with its files and history, a file to download,
// the contributions by meeting, and the editors' scoped views (drafts are never public).
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { isUuid } from '../../uuid';
import { db } from '../db';
import { assertHolds, type Actor } from '../identity';
import { NotFound } from '../platform/errors';
import type { SearchQuery } from './input';
import { can, editableScope } from './policy';
import { documents, files, revisions } from './schema';
import { searchDocuments } from './search';

export type DocumentRow = typeof documents.$inferSelect;
export type RevisionRow = typeof revisions.$inferSelect;
/** A file without its bytes and text. */
export type FileMeta = { id: string; language: string; edition: number; filename: string; mediaType: string; size: number; pages: number | null; hasText: boolean; replacedAt: Date | null; createdAt: Date };

const fileMeta = {
	id: files.id,
	language: files.language,
	edition: files.edition,
	filename: files.filename,
	mediaType: files.mediaType,
	size: files.size,
	pages: files.pages,
	hasText: sql<boolean>`${files.text} is not null and ${files.text} <> ''`,
	replacedAt: files.replacedAt,
	createdAt: files.createdAt
};

/** The public search: a page of published documents, the total and the facet counts. */
export async function search(query: SearchQuery) {
	const found = await searchDocuments(query);
	const rows = found.ids.length ? await db().select().from(documents).where(inArray(documents.id, found.ids)) : [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	const docs = found.ids.map((id) => byId.get(id)).filter((d): d is DocumentRow => !!d);
	const fileRows = docs.length
		? await db()
				.select({ documentId: files.documentId, ...fileMeta })
				.from(files)
				.innerJoin(documents, eq(documents.id, files.documentId))
				.where(and(inArray(files.documentId, found.ids), isNull(files.replacedAt), eq(files.edition, documents.edition)))
		: [];
	return {
		items: docs.map((d) => ({ document: d, files: fileRows.filter((f) => f.documentId === d.id) as FileMeta[], rank: found.ranks.get(d.id) ?? 0 })),
		total: found.total,
		facets: found.facets,
		page: found.page,
		pageSize: found.pageSize
	};
}

async function filesOf(id: string): Promise<FileMeta[]> {
	return (await db().select(fileMeta).from(files).where(eq(files.documentId, id)).orderBy(desc(files.edition), asc(files.language), desc(files.createdAt))) as FileMeta[];
}

/** A document as the public sees it: published (or withdrawn, which pages answer with 410); drafts do not exist. */
export async function getPublicDocument(id: string) {
	if (!isUuid(id)) return null;
	const [d] = await db().select().from(documents).where(eq(documents.id, id));
	if (!d || d.status === 'draft') return null;
	const [all, history] = await Promise.all([filesOf(id), db().select().from(revisions).where(eq(revisions.documentId, id)).orderBy(desc(revisions.createdAt))]);
	return { document: d, files: all.filter((f) => !f.replacedAt), revisions: history };
}

/**
 * A file to download: any current or earlier-edition file of a published document for everyone;
 * of a draft or withdrawn document, or a replaced file, only for an editor of its scope.
 */
export async function fileForDownload(actor: Actor | null, fileId: string) {
	if (!isUuid(fileId)) throw new NotFound();
	const [row] = await db()
		.select({ file: files, document: { status: documents.status, countries: documents.countries } })
		.from(files)
		.innerJoin(documents, eq(documents.id, files.documentId))
		.where(eq(files.id, fileId));
	if (!row) throw new NotFound();
	const isPublic = row.document.status === 'published' && !row.file.replacedAt;
	if (!isPublic && !can(actor, 'document.view', row.document)) throw new NotFound();
	return row.file;
}

/** Published Council Working Group contributions, newest meeting first. */
export async function listContributions() {
	return db()
		.select()
		.from(documents)
		.where(and(eq(documents.status, 'published'), eq(documents.type, 'cwg_contribution'), isNotNull(documents.meetingSession)))
		.orderBy(desc(documents.meetingSession), desc(documents.meetingDate), asc(documents.submitterCountry), asc(documents.submitterOrganisation));
}

/** The documents an editor may manage, in their scope. */
export async function listForEditor(actor: Actor | null) {
	assertHolds(actor, can(actor, 'workspace.enter'));
	const scope = editableScope(actor);
	let where: SQL | undefined;
	if (!scope.all) {
		// every country the document is about must be one of the editor's
		where = scope.countries.length ? sql`jsonb_array_length(${documents.countries}) > 0 and ${documents.countries} <@ ${JSON.stringify(scope.countries)}::jsonb` : sql`false`;
	}
	return db().select().from(documents).where(where).orderBy(desc(documents.updatedAt)).limit(500);
}

/** One document with all its files and history, for an editor whose scope covers it (else: not found). */
export async function documentForEditor(actor: Actor | null, id: string) {
	assertHolds(actor, !!actor);
	if (!isUuid(id)) throw new NotFound();
	const [d] = await db().select().from(documents).where(eq(documents.id, id));
	if (!d || !can(actor, 'document.view', d)) throw new NotFound();
	const [all, history] = await Promise.all([filesOf(id), db().select().from(revisions).where(eq(revisions.documentId, id)).orderBy(desc(revisions.createdAt))]);
	return { document: d, files: all, revisions: history };
}

