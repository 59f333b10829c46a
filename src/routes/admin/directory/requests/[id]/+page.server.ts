import { error, redirect } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { db } from '$lib/server/db';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	if (!UUID.test(params.id)) error(404, 'not_found');
	const req = await directory.getRequest(params.id);
	if (!req) error(404, 'not_found');
	const current = req.serviceId ? await directory.serviceSnapshot(db(), req.serviceId) : null;
	const rows = req.kind === 'suggest_service' ? directory.diff(current, req.proposal) : [];
	return {
		request: { id: req.id, kind: req.kind, status: req.status, message: req.message, contact: req.contact, createdAt: req.createdAt.toISOString(), serviceId: req.serviceId, decisionNote: req.decisionNote },
		current,
		rows
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await directory.decideRequest(locals.actor, params.id, { decision: values.decision, note: values.note });
		} catch (e) {
			return failWith(e, values);
		}
		redirect(303, localizeHref('/admin/directory'));
	}
};
