// Age bands of the kids zone, shared by pages and the browser script's contract (data attributes,
// localStorage keys). The chosen band is a display setting kept on the device; the server never
// learns it (band pages are plain pages anyone can open).
export const BANDS = ['under-9', '9-12', '13-18'] as const;
export type Band = (typeof BANDS)[number];

/** What each band plays: a picture story, branching scenarios, or dilemmas with reasons. */
export const KIND_OF_BAND = { 'under-9': 'story', '9-12': 'scenario', '13-18': 'dilemma' } as const satisfies Record<Band, string>;
export type ScenarioKind = (typeof KIND_OF_BAND)[Band];

export function isBand(v: unknown): v is Band {
	return typeof v === 'string' && (BANDS as readonly string[]).includes(v);
}

/** The one localStorage key the kids zone writes (see static/kids/kids.js and docs/kids-privacy.md). */
export const STORAGE_KEY = 'cop-kids';
