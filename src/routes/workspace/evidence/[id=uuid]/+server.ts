// An evidence file, only for people who may see the assessment. Always a download (attachment),
// never rendered by the browser as our page: nosniff, a sandboxing CSP and no caching by proxies.
import { error } from '@sveltejs/kit';
import * as progress from '$lib/server/progress';
import { rethrowAsPage } from '$lib/server/platform/edge';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const file = await progress.evidenceFile(locals.actor, params.id).catch(rethrowAsPage);
	// a file removed by the retention rule (docs/privacy.md): gone, and said so
	if (file.kind === 'file' && !file.bytes) error(410, 'progress_evidence_expired');
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
