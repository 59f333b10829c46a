// Uploaded files: the type is decided by the bytes (a renamed executable is refused whatever its
// name), the name only chooses among types that share a container (the Office formats are ZIP
// files); size is limited; the stored name is made safe for a Content-Disposition header.
import { FILE_TYPES, LIBRARY_LIMITS as L, type FileExtension } from '../../library/vocab';
import { ValidationError } from '../platform/errors';

export interface Upload {
	name: string;
	bytes: Uint8Array;
}

const ZIP_TYPES: FileExtension[] = ['docx', 'xlsx', 'pptx', 'odt'];

/** What the bytes are: 'pdf', 'zip' (an Office or OpenDocument file), or null. */
export function sniff(bytes: Uint8Array): 'pdf' | 'zip' | null {
	const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
	if (starts([0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
	if (starts([0x50, 0x4b, 0x03, 0x04])) return 'zip'; // PK\3\4
	return null;
}

/** A file name safe to store and to send back: letters, digits, dot, dash, underscore and spaces. */
export function safeFilename(name: string, ext: string): string {
	const base = name
		.normalize('NFC')
		.replace(/\.[^.]*$/, '')
		.replace(/[^\p{L}\p{N}._ -]/gu, '_')
		.replace(/^[.\s]+/, '')
		.trim()
		.slice(0, 120);
	return `${base || 'document'}.${ext}`;
}

/** Checks an upload; returns its media type, extension and safe name, or throws a field error on `file`. */
export function checkUpload(upload: Upload): { mediaType: string; ext: FileExtension; filename: string } {
	if (upload.bytes.length === 0) throw new ValidationError({ file: 'library_file_empty' });
	if (upload.bytes.length > L.fileMaxBytes) throw new ValidationError({ file: 'library_file_too_large' });
	const kind = sniff(upload.bytes);
	const named = (upload.name.toLowerCase().split('.').pop() ?? '') as FileExtension;
	let ext: FileExtension;
	if (kind === 'pdf') ext = 'pdf';
	else if (kind === 'zip' && ZIP_TYPES.includes(named)) ext = named;
	else throw new ValidationError({ file: 'library_file_type' });
	return { mediaType: FILE_TYPES[ext], ext, filename: safeFilename(upload.name, ext) };
}

/** The Content-Disposition header for a download: inline only for PDF (served with nosniff and a sandbox). */
export function contentDisposition(filename: string, mediaType: string): string {
	const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_');
	const kind = mediaType === FILE_TYPES.pdf ? 'inline' : 'attachment';
	return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
