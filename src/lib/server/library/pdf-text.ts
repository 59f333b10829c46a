// Text of an uploaded PDF, for search. PDF.js (through unpdf, which bundles a serverless build and
// has no dependencies) runs in a worker thread with a memory cap and a wall-clock limit: a hostile
// or broken PDF can neither hang the server nor exhaust its memory, and fails with a clear code.
// The worker has no network: fetch is replaced before PDF.js loads, and no font or CMap URL is given.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LIBRARY_LIMITS as L } from '../../library/vocab';
import { CONTROL_CHARACTERS } from '../platform/validate';

export type PdfText = { ok: true; text: string; pages: number } | { ok: false; code: 'library_pdf_unreadable' | 'library_pdf_timeout' | 'library_pdf_encrypted' };

let moduleUrl: string | undefined;
function unpdfUrl(): string {
	// resolved from the app's own node_modules (the server runs from the project folder)
	moduleUrl ??= pathToFileURL(path.join(path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('unpdf')), 'index.mjs')).href;
	return moduleUrl;
}

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
globalThis.fetch = () => Promise.reject(new Error('network disabled'));
globalThis.XMLHttpRequest = undefined;
(async () => {
	try {
		const { getDocumentProxy } = await import(workerData.url);
		const pdf = await getDocumentProxy(new Uint8Array(workerData.bytes), {
			isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0,
			standardFontDataUrl: undefined, cMapUrl: undefined, maxImageSize: 0, stopAtErrors: false
		});
		const pages = Math.min(pdf.numPages, workerData.maxPages);
		const parts = [];
		let length = 0;
		for (let i = 1; i <= pages && length < workerData.maxChars; i++) {
			const page = await pdf.getPage(i);
			const content = await page.getTextContent();
			const text = content.items.map((it) => ('str' in it ? it.str + (it.hasEOL ? '\\n' : '') : '')).join('');
			parts.push(text);
			length += text.length;
			page.cleanup();
		}
		parentPort.postMessage({ ok: true, text: parts.join('\\n\\n'), pages: pdf.numPages });
	} catch (e) {
		const name = (e && e.name) || '';
		parentPort.postMessage({ ok: false, code: name === 'PasswordException' ? 'library_pdf_encrypted' : 'library_pdf_unreadable' });
	}
})();
`;

/** Reads a PDF's text within `timeoutMs`; never throws. */
export async function extractPdfText(bytes: Uint8Array, timeoutMs: number = L.extractTimeoutMs): Promise<PdfText> {
	let worker: Worker;
	try {
		worker = new Worker(WORKER, {
			eval: true,
			workerData: { url: unpdfUrl(), bytes, maxPages: L.pdfPagesMax, maxChars: L.textMax },
			resourceLimits: { maxOldGenerationSizeMb: 256, maxYoungGenerationSizeMb: 32 },
			stdout: true,
			stderr: true
		});
	} catch {
		return { ok: false, code: 'library_pdf_unreadable' };
	}
	worker.stdout.resume();
	worker.stderr.resume();
	const result = await new Promise<PdfText>((resolve) => {
		const timer = setTimeout(() => resolve({ ok: false, code: 'library_pdf_timeout' }), timeoutMs);
		worker.once('message', (m: PdfText) => {
			clearTimeout(timer);
			resolve(m);
		});
		worker.once('error', () => {
			clearTimeout(timer);
			resolve({ ok: false, code: 'library_pdf_unreadable' });
		});
		worker.once('exit', () => {
			clearTimeout(timer);
			resolve({ ok: false, code: 'library_pdf_unreadable' });
		});
	});
	await worker.terminate().catch(() => {});
	if (!result.ok) return result;
	return { ok: true, pages: result.pages, text: cleanText(result.text).slice(0, L.textMax) };
}

/** Extracted text as PostgreSQL can store and search it: no NUL or other controls, spaces folded. */
export function cleanText(text: string): string {
	return text
		.replace(new RegExp(CONTROL_CHARACTERS.source, 'g'), ' ')
		.replace(/[^\S\n]+/g, ' ')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
