import { countryName, listCountries } from '$lib/geo';
import { getLocale, href } from '$lib/i18n';
import * as m from '$lib/paraglide/messages';
import * as directory from '$lib/server/directory';
import { renderWorldMap } from '$lib/server/map';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const locale = getLocale();
	const coverage = await directory.coverage();
	const byCountry = new Map(coverage.map((c) => [c.country, c]));
	const worldwide = byCountry.get('ZZ');
	const rows = listCountries(locale)
		.map((c) => ({ code: c.code, name: c.name, verified: byCountry.get(c.code)?.verified ?? 0, total: byCountry.get(c.code)?.total ?? 0 }))
		.filter((r) => r.total > 0)
		.sort((a, b) => b.verified - a.verified || b.total - a.total);
	const svg = renderWorldMap(
		// only countries with services are drawn as links (sorted by name: that is the tab order)
		rows
			.slice()
			.sort((a, b) => a.name.localeCompare(b.name, locale))
			.map((r) => ({
				code: r.code,
				value: r.verified,
				label: m.help_map_label({ country: countryName(r.code, locale) ?? r.code, verified: String(r.verified), total: String(r.total) }),
				href: `${href('/help')}?country=${r.code}`
			})),
		{
			title: m.help_map_title(),
			noDataClass: 'map-none',
			noDataLegend: m.help_map_none(),
			backgroundLegend: m.help_map_no_services(),
			buckets: [
				{ min: 0, className: 'bucket-0', legend: m.help_map_unverified_only() },
				{ min: 1, className: 'bucket-1', legend: '1' },
				{ min: 2, className: 'bucket-2', legend: '2–4' },
				{ min: 5, className: 'bucket-3', legend: '5+' }
			]
		}
	);
	return { svg, rows, worldwide: worldwide ? { verified: worldwide.verified, total: worldwide.total } : null };
};
