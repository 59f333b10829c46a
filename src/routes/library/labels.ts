// Names of the library vocabularies in the reader's language (Paraglide messages), and small formatters.
import * as m from '$lib/paraglide/messages';
import { countryName } from '$lib/geo';
import { getLocale } from '$lib/i18n';

type Fn = () => string;
const table = m as unknown as Record<string, Fn | undefined>;

export const typeLabel = (t: string) => table[`library_type_${t}`]?.() ?? t;
export const topicLabel = (t: string) => table[`topic_${t}`]?.() ?? t;
export const areaLabel = (a: string) => table[`home_area_${a}_title`]?.() ?? a;
export const statusLabel = (s: string) => table[`library_status_${s}`]?.() ?? s;
export const contributionStatusLabel = (s: string) => table[`library_cstatus_${s}`]?.() ?? s;
export const languageLabel = (code: string) => new Intl.DisplayNames([getLocale()], { type: 'language' }).of(code) ?? code;
export const countryLabel = (code: string) => countryName(code, getLocale() as never) ?? code;
export const dateLabel = (iso: string) => new Intl.DateTimeFormat(getLocale(), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso.length === 10 ? iso + 'T00:00:00Z' : iso));

/** "PDF, 1.2 MB" */
export function fileLabel(f: { mediaType: string; size: number; filename: string }): string {
	const ext = f.filename.split('.').pop()?.toUpperCase() ?? '';
	const size = f.size >= 1024 * 1024 ? `${(f.size / 1024 / 1024).toLocaleString(getLocale(), { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(f.size / 1024)).toLocaleString(getLocale())} KB`;
	return `${ext}, ${size}`;
}
