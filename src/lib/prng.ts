// Seeded randomness (mulberry32): the same numbers for the same seed on every run and machine.
// For synthetic data (the bench's directory, the participation demo's answers) and for property
// tests whose failures must replay. Never for anything secret: use node:crypto for that.

/** mulberry32: small, fast, good enough for synthetic data and tests; deterministic for a given seed. */
export function prng(seed: number) {
	let a = seed >>> 0;
	const next = () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)); // inclusive
	const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
	const chance = (p: number) => next() < p;
	/** One of `items` with the given relative weights. */
	const weighted = <T>(items: readonly (readonly [T, number])[]): T => {
		const total = items.reduce((n, [, w]) => n + w, 0);
		let x = next() * total;
		for (const [item, w] of items) if ((x -= w) < 0) return item;
		return items[items.length - 1][0];
	};
	/** `k` distinct items (k clamped to the list's length), in the list's order. */
	const sample = <T>(xs: readonly T[], k: number): T[] => {
		const idx = xs.map((_, i) => i);
		for (let i = idx.length - 1; i > 0; i--) {
			const j = Math.floor(next() * (i + 1));
			[idx[i], idx[j]] = [idx[j], idx[i]];
		}
		return idx
			.slice(0, Math.min(k, xs.length))
			.sort((x, y) => x - y)
			.map((i) => xs[i]);
	};
	/** A version-4-shaped UUID from the stream (so ids are deterministic too). */
	const uuid = () => {
		const h: string[] = [];
		for (let i = 0; i < 4; i++) h.push(Math.floor(next() * 2 ** 32).toString(16).padStart(8, '0'));
		const s = h.join('');
		const variant = ((parseInt(s[16], 16) & 0x3) | 0x8).toString(16);
		return `${s.slice(0, 8)}-${s.slice(8, 12)}-4${s.slice(13, 16)}-${variant}${s.slice(17, 20)}-${s.slice(20, 32)}`;
	};
	return { next, int, pick, chance, weighted, sample, uuid };
}
export type Rng = ReturnType<typeof prng>;
