// An evidence file, only for people who may see the assessment. Always a download (attachment),
// never rendered by the browser as our page: nosniff, a sandboxing CSP and no caching by proxies.
import * as progress from '$lib/server/progress';
import { rethrowAsPage } from '$lib/server/platform/http';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await progress.evidenceFile(locals.actor, params.id).catch(rethrowAsPage);
	if (file.kind !== 'file' || !file.bytes) return new Response(null, { status: 303, headers: { location: file.url ?? '/' } });
	const ascii = (file.filename ?? 'evidence').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mediaType ?? 'application/octet-stream',
			'content-disposition': `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename ?? 'evidence')}`,
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox",
			'cache-control': 'private, no-store'
		}
	});
};
