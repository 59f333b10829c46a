import * as identity from '$lib/server/identity';
import * as mail from '$lib/server/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	identity.assertCan(locals.actor, 'outbox.view');
	const rows = await mail.list({ limit: 200 });
	return {
		smtp: mail.smtpConfigured(),
		messages: rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, status: r.status, createdAt: r.createdAt.toISOString() }))
	};
};
