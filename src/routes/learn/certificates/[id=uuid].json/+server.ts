// The certificate as the signed Open Badges 3.0 credential, exactly as issued.
import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params }) => {
	const cert = await learning.getCertificate(params.id);
	if (!cert) error(404, 'not_found');
	return new Response(JSON.stringify(cert.credential, null, 2), {
		headers: {
			'content-type': 'application/ld+json; charset=utf-8',
			'content-disposition': `attachment; filename="certificate-${cert.id}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
