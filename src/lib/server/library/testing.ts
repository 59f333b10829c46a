// Test helpers: a document factory, and small PDFs (make-pdf.ts).
import type { Actor } from '../identity';
import { createDocument, publishDocument } from './commands';
import { makePdf } from './make-pdf';

export { makePdf };

/** A published document with sensible defaults; `overrides` replace fields of the input. */
export async function makePublishedDocument(actor: Actor, overrides: Record<string, unknown> = {}, file?: { language: string; name: string; bytes: Uint8Array }): Promise<string> {
	const id = await createDocument(actor, { title: { en: 'A report' }, type: 'report', year: 2024, ...overrides }, file ? { file: { language: file.language, upload: { name: file.name, bytes: file.bytes } } } : {});
	if (!file && !overrides.externalUrl) {
		const { addFile } = await import('./commands');
		await addFile(actor, id, 'en', { name: 'report.pdf', bytes: await makePdf(['Placeholder text.']) });
	}
	await publishDocument(actor, id);
	return id;
}
