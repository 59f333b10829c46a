import { AGE_BANDS } from '$lib/participation/types';
import { isCountryCode, listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import * as participation from '$lib/server/participation';
import type { PageServerLoad } from './$types';

// The list: open consultations for the chosen age band and country (a GET form: nothing is kept),
// and every published consultation with its status, so the audience sees the loop closed.
export const load: PageServerLoad = async ({ url }) => {
	const today = participation.isoDay(new Date());
	const bandParam = url.searchParams.get('band') ?? '';
	const countryParam = (url.searchParams.get('country') ?? '').toUpperCase();
	const band = (AGE_BANDS as readonly string[]).includes(bandParam) ? bandParam : null;
	const country = isCountryCode(countryParam) ? countryParam : null;
	const open = band && country ? await participation.listOpen(today, band, country) : null;
	const all = await participation.listPublished();
	return {
		band,
		country,
		countries: listCountries(getLocale()).map((c) => ({ code: c.code, name: c.name })),
		open: open?.map((c) => participation.presentConsultation(c, today)) ?? null,
		all: all.map((c) => participation.presentConsultation(c, today)).map(({ questions: _q, purpose: _p, ...rest }) => rest)
	};
};
