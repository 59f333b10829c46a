import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as directory from '$lib/server/directory';
import { clientIp, failWith } from '$lib/server/platform/http';
import { readForm } from '$lib/server/platform/validate';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
	countries: listCountries(getLocale()).map((c) => ({ code: c.code, name: c.name })),
	timezones: Intl.supportedValuesOf('timeZone')
});

/** The simple public form -> the full service shape a moderator will review. */
function proposalFrom(form: FormData, locale: string) {
	const one = (k: string) => String(form.get(k) ?? '').trim();
	const list = (k: string) => form.getAll(k).map(String);
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
	default: async ({ request, getClientAddress }) => {
		let values: Record<string, string> = {};
		try {
			const form = await request.formData().catch(() => new FormData());
			values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
			await directory.suggestService(proposalFrom(form, getLocale()), values.message ?? '', { ip: clientIp(getClientAddress) });
		} catch (e) {
			return failWith(e, values);
		}
		return { sent: true };
	}
};
