// Rows -> what help pages show: texts in the reader's language (with fallback marks), contact
// links a phone can tap, and opening status in plain words in the service's own time.
import { formatLocalTime } from '$lib/directory/hours';
import type { Hours } from '$lib/directory/hours-types';
import { getLocale, localized, type LocaleMap, type LocalizedText } from '$lib/i18n';
import { countryName, listCountries, type Locale } from '$lib/geo';
import * as m from '$lib/paraglide/messages';
import { renderLegendList, renderWorldMap, type MapOptions } from '../map';
import type { ChannelRow, ChannelStatus, CoverageRow, SearchResult, ServiceRow } from './queries';

export interface PresentedChannel {
	type: string;
	value: string;
	detail: string | null;
	href: string;
	label: LocalizedText | null;
	status: { open: boolean; always: boolean; closesAt?: string; opensAt?: string; opensAtDay?: string };
	hours: Hours;
	showsOnBill: boolean | null;
	free: boolean | null;
}

export function channelHref(c: Pick<ChannelRow, 'type' | 'value' | 'detail'>): string {
	const digits = c.value.replace(/[^0-9+]/g, '');
	switch (c.type) {
		case 'phone':
			return `tel:${digits}`;
		case 'sms':
			return c.detail ? `sms:${digits}?body=${encodeURIComponent(c.detail)}` : `sms:${digits}`;
		case 'email':
			return `mailto:${c.value}`;
		default:
			return /^https?:\/\//i.test(c.value) ? c.value : '#';
	}
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();
function weekdayName(instant: Date, locale: string, timeZone: string): string {
	const key = `${locale}|${timeZone}`;
	let f = weekdayFormats.get(key);
	if (!f) weekdayFormats.set(key, (f = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone })));
	return f.format(instant);
}

function presentChannel(c: ChannelStatus | (ChannelRow & { status?: ChannelStatus['status'] }), locale: string): PresentedChannel {
	const tz = c.hours.timezone;
	const s = c.status;
	let day: string | undefined;
	try {
		day = s?.opensAt && weekdayName(s.opensAt, locale, tz);
	} catch {
		day = undefined; // an unknown zone in stored data must not break a child's search
	}
	return {
		type: c.type,
		value: c.value,
		detail: c.detail,
		href: channelHref(c),
		label: c.label && Object.keys(c.label).length ? localized(c.label as LocaleMap) : null,
		status: {
			open: !!s?.open,
			always: !!s?.always,
			closesAt: s?.closesAt ? formatLocalTime(s.closesAt, tz, locale) : undefined,
			opensAt: s?.opensAt ? formatLocalTime(s.opensAt, tz, locale) : undefined,
			opensAtDay: day || undefined
		},
		hours: c.hours,
		showsOnBill: c.showsOnBill,
		free: c.free
	};
}

export function presentServiceSummary(service: ServiceRow & { organizationName?: Record<string, string> }) {
	return {
		id: service.id,
		name: localized(service.name as LocaleMap),
		organization: service.organizationName ? localized(service.organizationName as LocaleMap) : null,
		description: localized(service.description as LocaleMap),
		whatHappens: localized(service.whatHappens as LocaleMap),
		kind: service.kind,
		status: service.status,
		ageMin: service.ageMin,
		ageMax: service.ageMax,
		languages: service.languages,
		countries: service.countries,
		areas: service.areas,
		cost: service.cost,
		topics: service.topics,
		actions: service.actions,
		website: service.website,
		isDemo: service.isDemo,
		verified: service.verifiedAt ? { at: service.verifiedAt.toISOString().slice(0, 10), by: service.verifiedBy, method: service.verificationMethod } : null
	};
}

export function presentResult(r: SearchResult) {
	const locale = getLocale();
	return { ...presentServiceSummary(r.service), open: r.open, channels: r.channels.map((c) => presentChannel(c, locale)) };
}

export function presentChannels(list: (ChannelRow & { status?: ChannelStatus['status'] })[]) {
	const locale = getLocale();
	return list.map((c) => presentChannel(c, locale));
}

export type PresentedResult = ReturnType<typeof presentResult>;

/** Map class of countries whose only services are demonstration data (never counted as verified). */
export const DEMO_CLASS = 'map-demo';

/**
 * The help map: verified services per country, with countries that list only demonstration
 * services shown as demo (their own class and label), not as zero. The legend is an HTML list
 * under the map, readable at phone width.
 */
/**
 * The help map and its table. `federated`: verified services national platforms share with this hub
 * (federation), counted with the verified ones and shown in a column of their own.
 */
export function presentHelpMap(coverage: CoverageRow[], locale: Locale, helpHref: string, federated: { country: string; services: number }[] = []) {
	const o = { locale };
	const byCountry = new Map(coverage.map((c) => [c.country, c]));
	const shared = new Map(federated.map((f) => [f.country, f.services]));
	const zz = byCountry.get('ZZ');
	const zzShared = shared.get('ZZ') ?? 0;
	const worldwide = zz || zzShared ? { verified: (zz?.verified ?? 0) + zzShared, total: (zz?.total ?? 0) + zzShared } : undefined;
	const rows = listCountries(locale)
		.map((c) => {
			const cov = byCountry.get(c.code);
			const fromMembers = shared.get(c.code) ?? 0;
			const verified = (cov?.verified ?? 0) + fromMembers;
			const total = (cov?.total ?? 0) + fromMembers;
			const demo = cov?.demo ?? 0;
			const demoOnly = verified === 0 && demo > 0 && demo === total;
			return { code: c.code, name: c.name, verified, total, demo, demoOnly, federated: fromMembers, verifiedText: demoOnly ? m.help_map_demo_cell({ count: String(demo) }, o) : String(verified) };
		})
		.filter((r) => r.total > 0)
		.sort((a, b) => b.verified - a.verified || b.total - a.total);
	const options: MapOptions = {
		title: m.help_map_title({}, o),
		noDataClass: 'map-none',
		noDataLegend: m.help_map_none({}, o),
		backgroundLegend: m.help_map_no_services({}, o),
		buckets: [
			{ min: 0, className: 'bucket-0', legend: m.help_map_unverified_only({}, o) },
			{ min: 1, className: 'bucket-1', legend: '1' },
			{ min: 2, className: 'bucket-2', legend: '2–4' },
			{ min: 5, className: 'bucket-3', legend: '5+' }
		],
		extraLegend: rows.some((r) => r.demoOnly) ? [{ className: DEMO_CLASS, legend: m.help_map_demo_legend({}, o) }] : [],
		legend: 'html'
	};
	// only countries with services are drawn as links (sorted by name: that is the tab order)
	const data = rows
		.slice()
		.sort((a, b) => a.name.localeCompare(b.name, locale))
		.map((r) => {
			const country = countryName(r.code, locale) ?? r.code;
			return {
				code: r.code,
				value: r.verified,
				className: r.demoOnly ? DEMO_CLASS : undefined,
				label: r.demoOnly
					? m.help_map_demo_label({ country, count: String(r.demo) }, o)
					: r.federated
						? m.help_map_label_federated({ country, verified: String(r.verified), total: String(r.total), federated: String(r.federated) }, o)
						: m.help_map_label({ country, verified: String(r.verified), total: String(r.total) }, o),
				href: `${helpHref}?country=${r.code}`
			};
		});
	return {
		svg: renderWorldMap(data, options),
		legend: renderLegendList(options),
		rows: rows.map(({ code, name, verified, total, federated, verifiedText }) => ({ code, name, verified, total, federated, verifiedText })),
		hasFederated: federated.length > 0,
		worldwide: worldwide ?? null
	};
}
