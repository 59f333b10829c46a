// Numbers, percentages, years and dates in the reader's locale (Intl), shared by pages and the PDF.
import type { Locale } from '$lib/i18n';

export interface Formats {
	locale: Locale;
	/** scores: at most one decimal */
	score(n: number): string;
	/** whole counts */
	count(n: number): string;
	/** a rate given in percent (0-100) */
	percent(rate: number): string;
	/** a period (year), without grouping */
	year(n: number): string;
	/** an ISO date (YYYY-MM-DD) or a Date, as a long date */
	date(d: string | Date): string;
}

const cache = new Map<Locale, Formats>();

export function formats(locale: Locale): Formats {
	let f = cache.get(locale);
	if (f) return f;
	const score = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
	const count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
	const year = new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 0 });
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	f = {
		locale,
		score: (n) => score.format(n),
		count: (n) => count.format(n),
		percent: (rate) => percent.format(rate / 100),
		year: (n) => year.format(n),
		date: (d) => {
			const value = typeof d === 'string' ? new Date(`${d.slice(0, 10)}T00:00:00Z`) : d;
			return Number.isNaN(value.getTime()) ? String(d) : date.format(value);
		}
	};
	cache.set(locale, f);
	return f;
}

/** A link given by a person (law text), kept only when it is plain http(s); anything else is shown as text. */
export function safeUrl(url: string | null | undefined): string | null {
	if (!url) return null;
	return /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null;
}
