import { redirect } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { db } from '$lib/server/db';
import { formAction, rethrowAsPage } from '$lib/server/platform/edge';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const req = await directory.requestForModerator(locals.actor, params.id).catch(rethrowAsPage);
	const current = req.serviceId ? await directory.serviceSnapshot(db(), req.serviceId) : null;
	const rows = req.kind === 'suggest_service' ? directory.diff(current, req.proposal) : [];
	return {
		request: { id: req.id, kind: req.kind, status: req.status, message: req.message, contact: req.contact, createdAt: req.createdAt.toISOString(), serviceId: req.serviceId, decisionNote: req.decisionNote },
		current,
		rows
	};
};

export const actions: Actions = {
	default: formAction(async ({ values }, { locals, params }) => {
		await directory.decideRequest(locals.actor, params.id, { decision: values.decision, note: values.note });
		redirect(303, localizeHref('/admin/directory'));
	})
};
