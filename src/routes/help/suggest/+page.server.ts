import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { timeZoneOptions } from '$lib/directory/timezones';
import * as directory from '$lib/server/directory';
import { formAction, type PostedForm } from '$lib/server/platform/edge';
import { clientIp } from '$lib/server/platform/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	countries: listCountries(getLocale()).map((c) => ({ code: c.code, name: c.name })),
	timezones: timeZoneOptions(getLocale())
});

/** The simple public form -> the full service shape a moderator will review. */
function proposalFrom(form: PostedForm, locale: string) {
	const one = (k: string) => (form.values[k] ?? '').trim();
	const list = (k: string) => form.all(k);
	const always = one('always') === '1';
	const days = list('days').map(Number).filter((d) => d >= 0 && d <= 6);
	const hours = {
		timezone: one('timezone'),
		always,
		weekly: always ? [] : days.map((day) => ({ day, opens: one('opens'), closes: one('closes') })),
		exceptions: []
	};
	const age = (k: string) => (one(k) === '' ? null : Number(one(k)));
	return {
		organization: { name: { [locale]: one('organization') }, website: null },
		name: { [locale]: one('name') },
		kind: one('kind'),
		countries: one('country') ? [one('country')] : [],
		topics: list('topics'),
		actions: list('actions'),
		ageMin: age('ageMin'),
		ageMax: age('ageMax'),
		website: one('website') || null,
		languages: [],
		channels: [{ type: one('channelType'), value: one('channelValue'), hours }]
	};
}

export const actions: Actions = {
	default: formAction(async (form, { getClientAddress }) => {
		await directory.suggestService(proposalFrom(form, getLocale()), form.values.message ?? '', { ip: clientIp(getClientAddress) });
		return { sent: true };
	})
};
