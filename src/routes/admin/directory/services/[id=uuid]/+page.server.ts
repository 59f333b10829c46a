import { error } from '@sveltejs/kit';
import * as directory from '$lib/server/directory';
import { db } from '$lib/server/db';
import { formAction } from '$lib/server/platform/edge';
import { NotFound } from '$lib/server/platform/errors';
import type { Actions, PageServerLoad } from './$types';

const TEXT_FIELD = /^(description|whatHappens)\.(.*)$/s;

/** The per-language form's boxes (`description.es`, `whatHappens.ar`) as `{ description: { es }, whatHappens: { ar } }`; any language is passed on, for the command to refuse. */
function textsOf(raw: FormData) {
	const found = { description: [] as [string, string][], whatHappens: [] as [string, string][] };
	for (const [key, value] of raw) {
		const m = TEXT_FIELD.exec(key);
		if (!m || typeof value !== 'string') continue;
		const list = found[m[1] as keyof typeof found];
		if (!list.some(([lang]) => lang === m[2])) list.push([m[2], value]);
	}
	// fromEntries makes own properties, even of a key named "__proto__"
	return { description: Object.fromEntries(found.description), whatHappens: Object.fromEntries(found.whatHappens) };
}

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!directory.canForCountries(locals.actor, 'queue.view', [])) error(403, 'forbidden');
	const snapshot = await directory.serviceSnapshot(db(), params.id);
	const found = await directory.getService(params.id);
	if (!snapshot || !found) error(404, 'not_found');
	// the service's change history is its audit trail
	const history = await directory.serviceHistory(locals.actor, params.id);
	return {
		id: params.id,
		json: JSON.stringify(snapshot, null, 2),
		texts: { description: snapshot.description, whatHappens: snapshot.whatHappens },
		canEdit: directory.canForCountries(locals.actor, 'service.edit', snapshot.countries),
		verified: found.service.verifiedAt
			? { at: found.service.verifiedAt.toISOString().slice(0, 10), by: found.service.verifiedBy, method: found.service.verificationMethod, note: found.service.verificationNote }
			: null,
		isDemo: found.service.isDemo,
		history: history.map((h) => ({ id: h.id, at: h.at.toISOString().slice(0, 16).replace('T', ' '), who: h.who, someone: h.someone, action: h.action }))
	};
};

export const actions: Actions = {
	save: formAction(async ({ values }, { locals, params }) => {
		// a moderator covering the service as it is, before the JSON is read (updateService checks the new countries too)
		directory.assertCan(locals.actor, 'queue.view');
		const before = await directory.serviceSnapshot(db(), params.id);
		if (!before) throw new NotFound('service_not_found');
		directory.assertCan(locals.actor, 'service.edit', before.countries);
		await directory.updateService(locals.actor, params.id, directory.parseEditorJson(values.json ?? ''));
		return { saved: true };
	}),
	texts: formAction(async ({ raw }, { locals, params }) => {
		const { changed } = await directory.setServiceTexts(locals.actor, params.id, textsOf(raw));
		return { textsSaved: true, changed };
	}),
	verify: formAction(async ({ values }, { locals, params }) => {
		await directory.verifyService(locals.actor, params.id, { method: values.method, note: values.note });
		return { verified: true };
	})
};
