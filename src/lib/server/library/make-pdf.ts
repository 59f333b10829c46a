// Small PDFs made with pdfkit (already a dependency): the demo seed's documents and the tests' uploads.
import PDFDocument from 'pdfkit';

/** A PDF whose pages hold these paragraphs (Latin script: the standard Helvetica font). */
export function makePdf(paragraphs: string[], title = 'Document'): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const doc = new PDFDocument({ info: { Title: title }, compress: true });
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.fontSize(18).text(title).moveDown();
		doc.fontSize(11);
		for (const p of paragraphs) doc.text(p).moveDown();
		doc.end();
	});
}
