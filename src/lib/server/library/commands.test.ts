// Documents, uploads and history: content-checked files, broken PDFs, scoped editors, corrections and editions.
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import { auditLog } from '../identity/schema';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as library from '.';
import { makePdf } from './testing';

useFreshDatabase();
let editor: Actor;
let kenyaEditor: Actor;

const code = (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string; fields?: Record<string, string> }) => e.fields?.file ?? e.code);

beforeAll(async () => {
	editor = await makeUser({ grants: [grant('editor')] });
	kenyaEditor = await makeUser({ grants: [grant('editor', { country: 'KE' })] });
});

describe('uploads', () => {
	it('decides the type by the bytes, not the name', async () => {
		const pdf = await makePdf(['Hello']);
		expect(library.checkUpload({ name: 'report.exe', bytes: pdf }).mediaType).toBe('application/pdf');
		expect(library.checkUpload({ name: 'report.docx', bytes: Buffer.from('PK\x03\x04rest') }).ext).toBe('docx');
		expect(() => library.checkUpload({ name: 'report.pdf', bytes: Buffer.from('MZ\x90\x00 an executable') })).toThrow();
		expect(() => library.checkUpload({ name: 'report.pdf', bytes: Buffer.from('<html><script>alert(1)</script>') })).toThrow();
		expect(() => library.checkUpload({ name: 'archive.zip', bytes: Buffer.from('PK\x03\x04rest') })).toThrow();
		expect(() => library.checkUpload({ name: 'empty.pdf', bytes: new Uint8Array() })).toThrow();
		expect(() => library.checkUpload({ name: 'big.pdf', bytes: Buffer.concat([Buffer.from('%PDF-'), Buffer.alloc(11 * 1024 * 1024)]) })).toThrow();
		expect(library.checkUpload({ name: '../../etc/pass"wd;.pdf', bytes: pdf }).filename).toBe('.._.._etc_pass_wd_.pdf'.replace(/^[.\s]+/, ''));
	});

	it('sends a safe Content-Disposition', () => {
		expect(library.contentDisposition('Rapport été.pdf', 'application/pdf')).toBe(`inline; filename="Rapport _t_.pdf"; filename*=UTF-8''Rapport%20%C3%A9t%C3%A9.pdf`);
		expect(library.contentDisposition('a";b.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toMatch(/^attachment; filename="a__b.docx"/);
	});

	it('refuses a broken or truncated PDF with a clear code, within the time limit', async () => {
		const id = await library.createDocument(editor, { title: { en: 'Broken' }, type: 'report', year: 2024 });
		const pdf = await makePdf(['Some text']);
		expect(await code(library.addFile(editor, id, 'en', { name: 'x.pdf', bytes: Buffer.from('%PDF-1.7\n garbage that is not a PDF') }))).toBe('library_pdf_unreadable');
		expect(await code(library.addFile(editor, id, 'en', { name: 'x.pdf', bytes: pdf.subarray(0, 300) }))).toBe('library_pdf_unreadable');
		const started = Date.now();
		expect((await library.extractPdfText(pdf, 1)).ok).toBe(false);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(await code(library.addFile(editor, id, 'xx', { name: 'x.pdf', bytes: pdf }))).toBe('invalid_input');
	});

	it('keeps the PDF text and serves the file only once published', async () => {
		const pdf = await makePdf(['La cyberintimidation touche les élèves.']);
		const id = await library.createDocument(editor, { title: { fr: 'Rapport' }, type: 'report', year: 2024 }, { file: { language: 'fr', upload: { name: 'rapport.pdf', bytes: pdf } } });
		const { files } = await library.documentForEditor(editor, id);
		expect(files[0]).toMatchObject({ language: 'fr', mediaType: 'application/pdf', filename: 'rapport.pdf', hasText: true, pages: 1 });
		await expect(library.fileForDownload(null, files[0].id)).rejects.toMatchObject({ status: 404 });
		expect((await library.fileForDownload(editor, files[0].id)).text).toContain('cyberintimidation');
		await library.publishDocument(editor, id);
		const f = await library.fileForDownload(null, files[0].id);
		expect(Buffer.compare(f.bytes, pdf)).toBe(0);
	});
});

describe('editors and scope', () => {
	it('a country editor manages documents about their country only', async () => {
		const id = await library.createDocument(kenyaEditor, { title: { en: 'Kenya report' }, type: 'report', year: 2024, countries: ['KE'], externalUrl: 'https://example.org/report' });
		await library.publishDocument(kenyaEditor, id);
		await expect(library.createDocument(kenyaEditor, { title: { en: 'Global' }, type: 'report', year: 2024 })).rejects.toMatchObject({ status: 403 });
		await expect(library.createDocument(kenyaEditor, { title: { en: 'Two' }, type: 'report', year: 2024, countries: ['KE', 'UG'] })).rejects.toMatchObject({ status: 403 });
		const other = await library.createDocument(editor, { title: { en: 'Uganda' }, type: 'report', year: 2024, countries: ['UG'] });
		await expect(library.updateDocument(kenyaEditor, other, { title: { en: 'Mine now' }, type: 'report', year: 2024, countries: ['KE'] })).rejects.toMatchObject({ status: 403 });
		await expect(library.documentForEditor(kenyaEditor, other)).rejects.toMatchObject({ status: 404 });
		expect((await library.listForEditor(kenyaEditor)).map((d) => d.id)).toEqual([id]);
		await expect(library.createDocument(null, { title: { en: 'x' }, type: 'report', year: 2024 })).rejects.toMatchObject({ status: 401 });
	});

	it('will not publish a document with nothing to read', async () => {
		const id = await library.createDocument(editor, { title: { en: 'Empty' }, type: 'report', year: 2024 });
		await expect(library.publishDocument(editor, id)).rejects.toMatchObject({ code: 'library_nothing_to_publish' });
	});

	it('a contribution needs its submitter and meeting', async () => {
		const base = { title: { en: 'Contribution' }, type: 'cwg_contribution', year: 2025 };
		await expect(library.createDocument(editor, base)).rejects.toMatchObject({ fields: { submitterOrganisation: 'library_submitter_required' } });
		const id = await library.createDocument(editor, { ...base, submitterCountry: 'br', meetingSession: 21, meetingDate: '2025-02-12', externalUrl: 'https://example.org/c' });
		await library.publishDocument(editor, id);
		const listed = await library.listContributions();
		expect(listed.find((c) => c.id === id)).toMatchObject({ submitterCountry: 'BR', meetingSession: 21, meetingDate: '2025-02-12', contributionStatus: 'submitted' });
	});
});

describe('history', () => {
	it('a correction is dated and keeps what the text was; a new edition keeps the earlier files', async () => {
		const pdf1 = await makePdf(['First edition text about grooming.']);
		const id = await library.createDocument(editor, { title: { en: 'Guidelines' }, summary: { en: 'First.' }, type: 'guideline', year: 2020 }, { file: { language: 'en', upload: { name: 'g2020.pdf', bytes: pdf1 } } });
		await library.publishDocument(editor, id);
		await library.updateDocument(editor, id, { title: { en: 'Guidelines' }, summary: { en: 'First, corrected.' }, type: 'guideline', year: 2020 }, { change: 'correction', note: 'Typo in the summary' });
		let page = library.presentDetail((await library.getPublicDocument(id))!, 'en');
		expect(page.correctedAt).not.toBeNull();
		expect(page.corrections).toEqual([expect.objectContaining({ note: 'Typo in the summary' })]);
		expect(page.edition).toBe(1);

		await library.updateDocument(editor, id, { title: { en: 'Guidelines (2025)' }, summary: { en: 'Second.' }, type: 'guideline', year: 2025 }, { change: 'edition', note: 'Updated for 2025' });
		await library.addFile(editor, id, 'en', { name: 'g2025.pdf', bytes: await makePdf(['Second edition text about livestreams.']) });
		page = library.presentDetail((await library.getPublicDocument(id))!, 'en');
		expect(page).toMatchObject({ edition: 2, correctedAt: null, year: 2025 });
		expect(page.files.map((f) => f.filename)).toEqual(['g2025.pdf']);
		expect(page.earlierEditions[0]).toMatchObject({ edition: 1, year: 2020, note: 'Updated for 2025' });
		expect(page.earlierEditions[0].files.map((f) => f.filename)).toEqual(['g2020.pdf']);
		// search reads the current edition only
		const { parse } = await import('../platform/validate');
		expect((await library.search(parse(library.SearchQuery, { q: 'livestreams' }))).items.map((i) => i.document.id)).toEqual([id]);
		expect((await library.search(parse(library.SearchQuery, { q: 'grooming' }))).items).toEqual([]);
		// and every step is in the audit log
		const actions = (await db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['library.document.create', 'library.document.publish', 'library.document.update', 'library.file.add']));
	});

	it('withdrawn documents leave search and their files are no longer public', async () => {
		const pdf = await makePdf(['Withdrawn text.']);
		const id = await library.createDocument(editor, { title: { en: 'To withdraw' }, type: 'report', year: 2024 }, { file: { language: 'en', upload: { name: 'w.pdf', bytes: pdf } } });
		await library.publishDocument(editor, id);
		await library.withdrawDocument(editor, id);
		const { parse } = await import('../platform/validate');
		expect((await library.search(parse(library.SearchQuery, { q: 'withdrawn' }))).items).toEqual([]);
		const [f] = (await library.documentForEditor(editor, id)).files;
		await expect(library.fileForDownload(null, f.id)).rejects.toMatchObject({ status: 404 });
	});
});
