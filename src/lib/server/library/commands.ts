// Library use cases. Every command asks the policy first (in the document's scope: the countries it
// is about) and writes the audit log in the same transaction. A published document keeps its
// history: a correction records what the text was (the page then says "corrected on ..."), a new
// edition starts a new edition number and keeps the earlier edition's files downloadable.
// The search rows of a document are rebuilt in the transaction of every change (search.ts).
import { and, eq, isNull, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import * as cache from '../platform/cache';
import { createHash } from 'node:crypto';
import { Conflict, NotFound, ValidationError } from '../platform/errors';
import { parse } from '../platform/validate';
import { isUuid } from '../../uuid';
import { ChangeInput, DocumentInput, FileLanguage } from './input';
import { checkUpload, type Upload } from './files';
import { extractPdfText } from './pdf-text';
import { can } from './policy';
import { documents, files, revisions } from './schema';
import { reindex } from './search';

type DocumentRow = typeof documents.$inferSelect;

function toColumns(input: DocumentInput) {
	const contribution = input.type === 'cwg_contribution';
	return {
		title: input.title,
		summary: input.summary,
		type: input.type,
		year: input.year,
		countries: [...new Set(input.countries)],
		organisations: [...new Set(input.organisations)],
		topics: [...new Set(input.topics)],
		areas: [...new Set(input.areas)],
		externalUrl: input.externalUrl,
		submitterCountry: contribution ? input.submitterCountry : null,
		submitterOrganisation: contribution ? input.submitterOrganisation : null,
		meetingSession: contribution ? input.meetingSession : null,
		meetingDate: contribution ? input.meetingDate : null,
		contributionStatus: contribution ? (input.contributionStatus ?? 'submitted') : null
	};
}

async function lockDocument(tx: Db | Tx, id: string): Promise<DocumentRow> {
	if (!isUuid(id)) throw new NotFound();
	const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for('update');
	if (!row) throw new NotFound();
	return row;
}

/** A checked file with its text (PDFs), read before any transaction opens. */
export interface PreparedFile {
	language: string;
	filename: string;
	mediaType: string;
	size: number;
	sha256: string;
	bytes: Buffer;
	text: string | null;
	pages: number | null;
}

/** Checks an upload by its content and reads a PDF's text (within the time limit); refusals name the field `file`. */
export async function prepareFile(language: unknown, upload: Upload): Promise<PreparedFile> {
	const lang = parse(FileLanguage, language);
	const { mediaType, ext, filename } = checkUpload(upload);
	let text: string | null = null;
	let pages: number | null = null;
	if (ext === 'pdf') {
		const read = await extractPdfText(upload.bytes);
		if (!read.ok) throw new ValidationError({ file: read.code }, read.code);
		text = read.text;
		pages = read.pages;
	}
	const bytes = Buffer.from(upload.bytes);
	return { language: lang, filename, mediaType, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), bytes, text, pages };
}

/** Inserts a document and its first files without a policy check: for commands and the demo seed. */
export async function insertDocument(tx: Db | Tx, values: ReturnType<typeof toColumns> & { status?: string; isDemo?: boolean; createdBy?: string | null; publishedAt?: Date | null }, prepared: PreparedFile[] = []): Promise<string> {
	const [row] = await tx.insert(documents).values(values).returning({ id: documents.id });
	for (const f of prepared) await tx.insert(files).values({ ...f, documentId: row.id, edition: 1, createdBy: values.createdBy ?? null });
	await reindex(tx, row.id);
	await cache.invalidate(tx, 'library');
	return row.id;
}

export { toColumns as documentColumns };

/** An editor creates a draft about countries their grant covers, optionally with its first file. */
export async function createDocument(actor: Actor | null, raw: unknown, options: { file?: { language: unknown; upload: Upload } } = {}): Promise<string> {
	// an editor somewhere before the form is read (the document's scope is in the form)
	assertHolds(actor, can(actor, 'workspace.enter'));
	const values = toColumns(parse(DocumentInput, raw));
	assertHolds(actor, can(actor, 'document.create', values));
	const prepared = options.file ? [await prepareFile(options.file.language, options.file.upload)] : [];
	return db().transaction(async (tx) => {
		const id = await insertDocument(tx, { ...values, createdBy: actor.id }, prepared);
		await audit.record(tx, actor, { action: 'library.document.create', entityType: 'library_document', entityId: id, after: { ...values, files: prepared.map((f) => ({ language: f.language, filename: f.filename, size: f.size })) } });
		return id;
	});
}

/**
 * Changes a document. A draft simply changes; a published (or withdrawn) one records the change:
 * a correction keeps the edition and dates the correction, a new edition increments it.
 */
export async function updateDocument(actor: Actor | null, id: string, raw: unknown, changeRaw: unknown = {}, now = new Date()): Promise<void> {
	assertHolds(actor, !!actor);
	await db().transaction(async (tx) => {
		// authorise on the document as it is before reading the form, then on the scope it moves to
		const before = await lockDocument(tx, id);
		assertHolds(actor, can(actor, 'document.edit', before));
		const values = toColumns(parse(DocumentInput, raw));
		const change = parse(ChangeInput, changeRaw ?? {});
		assertHolds(actor, can(actor, 'document.edit', values));
		const history = before.status !== 'draft';
		const set: Partial<DocumentRow> = { ...values, updatedAt: now };
		if (history) {
			await tx.insert(revisions).values({ documentId: id, kind: change.change, edition: before.edition, note: change.note, snapshot: { title: before.title, summary: before.summary, year: before.year }, createdBy: actor.id, createdAt: now });
			if (change.change === 'edition') Object.assign(set, { edition: before.edition + 1, correctedAt: null });
			else set.correctedAt = now;
		}
		await tx.update(documents).set(set).where(eq(documents.id, id));
		await reindex(tx, id);
		await cache.invalidate(tx, 'library');
		await audit.record(tx, actor, { action: 'library.document.update', entityType: 'library_document', entityId: id, before: { title: before.title, year: before.year, edition: before.edition }, after: { ...values, change: history ? change : null } });
	});
}

/** Adds a file in a language; a file already there for this edition and language is replaced (a correction once published). */
export async function addFile(actor: Actor | null, id: string, language: unknown, upload: Upload, changeRaw: unknown = {}, now = new Date()): Promise<string> {
	assertHolds(actor, !!actor);
	if (!isUuid(id)) throw new NotFound();
	const [doc] = await db().select().from(documents).where(eq(documents.id, id));
	if (!doc) throw new NotFound();
	assertHolds(actor, can(actor, 'document.edit', doc));
	const change = parse(ChangeInput, changeRaw ?? {});
	const prepared = await prepareFile(language, upload);
	return db().transaction(async (tx) => {
		const d = await lockDocument(tx, id);
		const current = await tx
			.select({ id: files.id, filename: files.filename })
			.from(files)
			.where(and(eq(files.documentId, id), eq(files.edition, d.edition), eq(files.language, prepared.language), isNull(files.replacedAt)));
		if (current.length) {
			if (d.status === 'draft') await tx.delete(files).where(and(eq(files.documentId, id), eq(files.edition, d.edition), eq(files.language, prepared.language)));
			else {
				await tx.update(files).set({ replacedAt: now }).where(and(eq(files.documentId, id), eq(files.edition, d.edition), eq(files.language, prepared.language), isNull(files.replacedAt)));
				await tx.insert(revisions).values({ documentId: id, kind: 'correction', edition: d.edition, note: change.note, snapshot: { title: d.title, summary: d.summary, year: d.year }, createdBy: actor.id, createdAt: now });
				await tx.update(documents).set({ correctedAt: now, updatedAt: now }).where(eq(documents.id, id));
			}
		}
		const [row] = await tx.insert(files).values({ ...prepared, documentId: id, edition: d.edition, createdBy: actor.id, createdAt: now }).returning({ id: files.id });
		await tx.update(documents).set({ updatedAt: now }).where(eq(documents.id, id));
		await reindex(tx, id);
		await cache.invalidate(tx, 'library');
		await audit.record(tx, actor, { action: 'library.file.add', entityType: 'library_document', entityId: id, after: { fileId: row.id, language: prepared.language, filename: prepared.filename, size: prepared.size, sha256: prepared.sha256, replaced: current.map((c) => c.id) } });
		return row.id;
	});
}

/** Removes a file: gone from a draft; withdrawn from a published document (kept in the history). */
export async function removeFile(actor: Actor | null, fileId: string, now = new Date()): Promise<void> {
	assertHolds(actor, !!actor);
	if (!isUuid(fileId)) throw new NotFound();
	await db().transaction(async (tx) => {
		const [f] = await tx.select({ id: files.id, documentId: files.documentId, filename: files.filename }).from(files).where(eq(files.id, fileId));
		if (!f) throw new NotFound();
		const d = await lockDocument(tx, f.documentId);
		assertHolds(actor, can(actor, 'document.edit', d));
		if (d.status === 'draft') await tx.delete(files).where(eq(files.id, fileId));
		else await tx.update(files).set({ replacedAt: now }).where(eq(files.id, fileId));
		await reindex(tx, d.id);
		await cache.invalidate(tx, 'library');
		await audit.record(tx, actor, { action: 'library.file.remove', entityType: 'library_document', entityId: d.id, after: { fileId, filename: f.filename } });
	});
}

/** Publishes a draft, or publishes again a withdrawn document: it appears in search and at its URL. */
export async function publishDocument(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const d = await lockDocument(tx, id);
		assertHolds(actor, can(actor, 'document.edit', d));
		if (d.status === 'published') throw new Conflict('library_already_published');
		const [{ n }] = await tx.select({ n: sql<number>`count(*)::int` }).from(files).where(and(eq(files.documentId, id), isNull(files.replacedAt)));
		if (n === 0 && !d.externalUrl) throw new Conflict('library_nothing_to_publish');
		await tx.update(documents).set({ status: 'published', publishedAt: d.publishedAt ?? now, updatedAt: now }).where(eq(documents.id, id));
		await cache.invalidate(tx, 'library');
		await audit.record(tx, actor, { action: 'library.document.publish', entityType: 'library_document', entityId: id });
	});
}

/** Withdraws a published document: its URL answers 410 Gone, it leaves search and the open data. */
export async function withdrawDocument(actor: Actor | null, id: string, now = new Date()): Promise<void> {
	await db().transaction(async (tx) => {
		const d = await lockDocument(tx, id);
		assertHolds(actor, can(actor, 'document.edit', d));
		if (d.status !== 'published') throw new Conflict('library_not_published');
		await tx.update(documents).set({ status: 'withdrawn', updatedAt: now }).where(eq(documents.id, id));
		await cache.invalidate(tx, 'library');
		await audit.record(tx, actor, { action: 'library.document.withdraw', entityType: 'library_document', entityId: id });
	});
}
