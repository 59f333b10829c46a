import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as mail from '$lib/server/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!identity.can(locals.actor, 'outbox.view')) error(403, 'forbidden');
	const rows = await mail.list({ limit: 200 });
	return {
		smtp: mail.smtpConfigured(),
		messages: rows.map((r) => ({ id: r.id, to: r.to, subject: r.subject, status: r.status, createdAt: r.createdAt.toISOString() }))
	};
};
