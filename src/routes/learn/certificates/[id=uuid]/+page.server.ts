import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const cert = await learning.getCertificate(params.id);
	if (!cert) error(404, 'not_found');
	setHeaders({ 'cache-control': 'private, no-store' });
	const c = cert.credential as { name?: string; validFrom?: string; issuer?: { name?: string }; credentialSubject?: { achievement?: { description?: string } } };
	const own = locals.actor?.id === cert.userId;
	return {
		id: cert.id,
		courseId: cert.courseId,
		name: c.name ?? '',
		description: c.credentialSubject?.achievement?.description ?? '',
		issuer: c.issuer?.name ?? '',
		issued: (c.validFrom ?? cert.issuedAt.toISOString()).slice(0, 10),
		revoked: cert.revokedAt ? cert.revokedAt.toISOString().slice(0, 10) : null,
		// the learner's name is shown to the learner only; the credential itself carries just a hash
		learnerName: own ? locals.actor!.name : null,
		verifyUrl: `${learning.origin()}/learn/verify`
	};
};
