import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import * as identity from '$lib/server/identity';
import { db } from '$lib/server/db';
import { failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import type { Actions, PageServerLoad } from './$types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	if (!UUID.test(params.id)) error(404, 'not_found');
	const snapshot = await directory.serviceSnapshot(db(), params.id);
	const found = await directory.getService(params.id);
	if (!snapshot || !found) error(404, 'not_found');
	// the service's change history is its audit trail
	const history = await identity.audit.list({ q: params.id, limit: 50 });
	return {
		id: params.id,
		json: JSON.stringify(snapshot, null, 2),
		canEdit: directory.canForCountries(locals.actor, 'service.edit', snapshot.countries),
		verified: found.service.verifiedAt
			? { at: found.service.verifiedAt.toISOString().slice(0, 10), by: found.service.verifiedBy, method: found.service.verificationMethod, note: found.service.verificationNote }
			: null,
		isDemo: found.service.isDemo,
		history: history.map((h) => ({ id: h.id, at: h.at.toISOString().slice(0, 16).replace('T', ' '), who: h.actorEmail, action: h.action }))
	};
};

export const actions: Actions = {
	save: async ({ request, locals, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await directory.updateService(locals.actor, params.id, directory.parseEditorJson(values.json ?? ''));
		} catch (e) {
			return failWith(e, values);
		}
		return { saved: true };
	},
	verify: async ({ request, locals, params }) => {
		let values: Record<string, string> = {};
		try {
			values = await readForm(request);
			await directory.verifyService(locals.actor, params.id, { method: values.method, note: values.note });
		} catch (e) {
			return failWith(e, values);
		}
		return { verified: true };
	}
};
