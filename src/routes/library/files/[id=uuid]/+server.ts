// A library file. PDFs open in the browser's viewer (inline), everything else downloads
// (attachment); always with the type decided at upload from the bytes, nosniff, and a sandboxing
// CSP so a file can never run as part of this site. Drafts' files only for their editors.
import * as library from '$lib/server/library';
import { rethrowAsPage } from '$lib/server/platform/edge';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await library.fileForDownload(locals.actor, params.id).catch(rethrowAsPage);
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.length),
			'content-disposition': library.contentDisposition(file.filename, file.mediaType),
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'public, max-age=300',
			etag: `"${file.sha256}"`
		}
	});
};
