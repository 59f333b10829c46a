import { listCountries } from '$lib/geo';
import { getLocale } from '$lib/i18n';
import { BANDS } from '$lib/kids/bands';
import * as kids from '$lib/server/kids';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

// The kids home: pick an age band and a country. Both choices stay on the device (kids.js).
export const load: PageServerLoad = async () => {
	const locale = getLocale();
	const hidden = await translations.hiddenLocale(locale);
	return {
		bands: BANDS.map((band) => ({ band, count: kids.scenariosFor(band).length })),
		countries: listCountries(locale).map((c) => ({ code: c.code, name: c.name })),
		stickers: kids.allScenarios(hidden).map((s) => kids.presentCard(s, locale)).map((c) => ({ id: c.sticker.id, label: c.sticker.label, color: c.sticker.color }))
	};
};
