// Names of the network vocabularies in the reader's language (Paraglide messages; fields are data).
import * as m from '$lib/paraglide/messages';

type Fn = () => string;
const table = m as unknown as Record<string, Fn | undefined>;

export const sectorLabel = (s: string | null) => (s ? (table[`network_sector_${s}`]?.() ?? s) : '');
export const kindLabel = (k: string) => table[`network_kind_${k}`]?.() ?? k;
export const statusLabel = (s: string) => table[`network_status_${s}`]?.() ?? s;
export const topicLabel = (t: string) => table[`topic_${t}`]?.() ?? t;
export const publicLabel = (f: string) => table[`network_public_${f}`]?.() ?? f;
