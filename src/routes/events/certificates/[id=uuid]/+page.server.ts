import { error } from '@sveltejs/kit';
import * as events from '$lib/server/events';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	const cert = await events.getAttendanceCertificate(params.id);
	if (!cert) error(404, 'not_found');
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	const c = cert.credential as { name?: string; validFrom?: string; credentialSubject?: { achievement?: { name?: string; criteria?: { narrative?: string } } } };
	return { id: cert.id, name: c.credentialSubject?.achievement?.name ?? c.name ?? '', criteria: c.credentialSubject?.achievement?.criteria?.narrative ?? '', validFrom: c.validFrom ?? '', revoked: !!cert.revokedAt };
};
