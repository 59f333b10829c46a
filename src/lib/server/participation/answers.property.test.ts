// No input can crash the answer form: arbitrary posted fields give either parsed answers or a
// ValidationError with field codes, and parsed answers only ever hold known options.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isDomainError } from '../platform/errors';
import { parseAnswerForm } from './answers';
import { SAMPLE_QUESTIONS, answerForm } from './testing';

const C = { ageBands: ['9-12', '13-18'], countries: ['KE', 'UG'], questions: SAMPLE_QUESTIONS, freeText: true };
const names = fc.oneof(fc.constantFrom('ageBand', 'country', 'code', 'region', 'q_where', 'q_which', 'q_easy', 'q_order_secret', 'q_order_fast', 'q_order_kind', 'q_order_prefer_not', 'q_idea', '__proto__', 'constructor'), fc.string({ maxLength: 20 }));
const values = fc.oneof(fc.constantFrom('9-12', 'KE', 'adult', 'friend', 'prefer_not', '1', '2', '3', '4', '5', '6', 'on', '', ' ', 'x'.repeat(1200)), fc.string({ maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));
const forms = fc.dictionary(names, fc.oneof(values, fc.array(values, { maxLength: 4 })));

describe('parseAnswerForm', () => {
	it('property: returns valid answers or throws a ValidationError, never anything else', () => {
		fc.assert(
			fc.property(forms, (raw) => {
				try {
					const out = parseAnswerForm(C, answerForm(raw));
					expect(C.ageBands).toContain(out.ageBand);
					expect(C.countries).toContain(out.country);
					for (const [qid, v] of Object.entries(out.answers)) {
						const q = SAMPLE_QUESTIONS.find((x) => x.id === qid)!;
						const allowed = q.kind === 'faces' ? ['1', '2', '3', '4', '5', 'prefer_not'] : [...q.options.map((o) => o.id), 'prefer_not'];
						for (const x of Array.isArray(v) ? v : [v]) expect(allowed).toContain(x);
					}
					for (const t of out.texts) expect(t.text.length).toBeLessThanOrEqual(1000);
				} catch (e) {
					expect(isDomainError(e) && e.status === 400).toBe(true);
				}
			}),
			{ numRuns: 1000 }
		);
	});
});
