import { error } from '@sveltejs/kit';
import * as identity from '$lib/server/identity';
import * as mail from '$lib/server/mail';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!identity.can(locals.actor, 'outbox.view')) error(403, 'forbidden');
	const msg = await mail.get(params.id);
	if (!msg) error(404, 'not_found');
	return {
		msg: { to: msg.to, subject: msg.subject, body: msg.body, status: msg.status, createdAt: msg.createdAt.toISOString(), lastError: msg.lastError }
	};
};
