// Names of the events vocabularies in the reader's language (Paraglide messages).
import * as m from '$lib/paraglide/messages';

type Fn = () => string;
const table = m as unknown as Record<string, Fn | undefined>;

export const kindLabel = (k: string) => table[`events_kind_${k}`]?.() ?? k;
export const audienceLabel = (a: string) => table[`events_audience_${a}`]?.() ?? a;
export const topicLabel = (t: string) => table[`topic_${t}`]?.() ?? t;
export const areaLabel = (a: string) => table[`home_area_${a}_title`]?.() ?? a;
export const modeLabel = (mo: string) => table[`events_mode_${mo}`]?.() ?? mo;
export const statusLabel = (s: string) => table[`events_status_${s}`]?.() ?? s;
