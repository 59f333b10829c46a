import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Question } from '../../participation/types';
import { publishTally, suppressedGroups, tally } from './tally';

const Q: Question[] = [
	{ id: 'q1', kind: 'single', prompt: { en: 'Q1' }, options: [{ id: 'a', label: { en: 'A' } }, { id: 'b', label: { en: 'B' } }], optional: true },
	{ id: 'q2', kind: 'multiple', prompt: { en: 'Q2' }, options: [{ id: 'x', label: { en: 'X' } }, { id: 'y', label: { en: 'Y' } }], optional: true }
];
const BANDS = ['under-9', '9-12', '13-18'];
const COUNTRIES = ['KE', 'UG', 'TZ', 'RW', 'FR'];

const row = fc.record({
	ageBand: fc.constantFrom(...BANDS),
	country: fc.constantFrom(...COUNTRIES),
	answers: fc.record({ q1: fc.constantFrom('a', 'b', 'prefer_not'), q2: fc.subarray(['x', 'y']) }, { requiredKeys: [] })
});
const threshold = fc.integer({ min: 5, max: 15 });

describe('suppression', () => {
	it('small groups are hidden, and a single small group cannot be recovered from the total', () => {
		const t = tally(Q, [...Array(50)].map(() => ({ ageBand: '9-12', country: 'KE', answers: { q1: 'a' } })).concat([{ ageBand: '13-18', country: 'UG', answers: { q1: 'b' } }]));
		const p = publishTally(t, 10);
		expect(p.total).toBe(51);
		// 13-18 (1) is hidden; 9-12 (50) must then be hidden too, or 51 - 50 would give it away
		expect(p.byBand).toEqual([{ key: '13-18', n: null }, { key: '9-12', n: null }]);
		expect(p.questions[0].byBand['13-18']).toBeNull();
	});

	it('nothing is published when fewer than the threshold answered in all', () => {
		const t = tally(Q, [...Array(9)].map(() => ({ ageBand: '9-12', country: 'KE', answers: {} })));
		expect(publishTally(t, 10)).toEqual({ threshold: 10, total: null, byBand: [], byCountry: [], questions: [] });
	});

	it('property: every published group has at least `threshold` answers', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 200 }), threshold, (rows, k) => {
				const p = publishTally(tally(Q, rows), k);
				if (p.total !== null) expect(p.total).toBeGreaterThanOrEqual(k);
				for (const g of [...p.byBand, ...p.byCountry]) if (g.n !== null) expect(g.n).toBeGreaterThanOrEqual(k);
				for (const q of p.questions)
					for (const by of [q.byBand, q.byCountry]) for (const counts of Object.values(by)) if (counts) expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
			}),
			{ numRuns: 400 }
		);
	});

	it('property: subtracting what is shown from the total (or from another table) never isolates fewer than `threshold` answers', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 200 }), threshold, (rows, k) => {
				const t = tally(Q, rows);
				const p = publishTally(t, k);
				if (p.total === null) return;
				for (const table of [p.byBand, p.byCountry]) {
					const shown = table.reduce((s, g) => s + (g.n ?? 0), 0);
					const rest = p.total - shown;
					expect(rest === 0 || rest >= k).toBe(true);
				}
				// per option: overall count minus the shown groups = the hidden groups together, which hold 0 or >= k children
				for (const q of p.questions) {
					for (const [dim, sizes] of [['byBand', t.byBand], ['byCountry', t.byCountry]] as const) {
						const hiddenChildren = Object.entries(q[dim]).filter(([, c]) => c === null).reduce((s, [g]) => s + sizes[g], 0);
						expect(hiddenChildren === 0 || hiddenChildren >= k).toBe(true);
					}
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('property: suppressedGroups hides every group under the threshold', () => {
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...COUNTRIES), fc.integer({ min: 0, max: 40 })), threshold, (sizes, k) => {
				const hidden = suppressedGroups(sizes, k);
				for (const [g, n] of Object.entries(sizes)) if (n > 0 && n < k) expect(hidden.has(g)).toBe(true);
				const sum = [...hidden].reduce((s, g) => s + sizes[g], 0);
				const total = Object.values(sizes).reduce((a, b) => a + b, 0);
				expect(sum === 0 || sum >= k || sum === total).toBe(true);
			})
		);
	});
});
