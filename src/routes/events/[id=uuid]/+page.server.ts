import { error } from '@sveltejs/kit';
import { countryName } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as events from '$lib/server/events';
import { registrationFromForm } from '$lib/server/events/forms';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';


export const load: PageServerLoad = async ({ params }) => {
	const found = await events.getPublicEvent(params.id);
	if (!found) error(404, 'not_found');
	if (found.event.status === 'cancelled') error(410, 'events_cancelled');
	const locale = getLocale();
	const languageNames = new Intl.DisplayNames([locale], { type: 'language' });
	const detail = events.presentDetail(found, locale);
	return {
		event: detail,
		countryName: found.event.country ? (countryName(found.event.country, locale) ?? found.event.country) : null,
		languageNames: found.event.languages.map((l) => languageNames.of(l) ?? l)
	};
};

export const actions: Actions = {
	register: formAction(async (form, { params, locals, getClientAddress }) => {
		const locale = getLocale();
		let ip: string | undefined;
		try {
			ip = getClientAddress();
		} catch {
			ip = undefined;
		}
		await events.registerForEvent(locals.actor, params.id, registrationFromForm(form, locale), { ip });
		return { registered: true, email: form.values.email?.trim().toLowerCase() ?? '' };
	})
};
