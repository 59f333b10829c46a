import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { ConsultationInput, questionFormValues, questionsFromForm, regionsFromText, regionsText, withOneMoreQuestion } from './input';
import { SAMPLE_QUESTIONS } from './testing';
import type { PostedForm } from '../platform/edge';

describe('question builder fields', () => {
	it('questions -> fields -> the same questions', () => {
		const values = questionFormValues(SAMPLE_QUESTIONS);
		expect(Number(values.slots)).toBe(SAMPLE_QUESTIONS.length + 1);
		const back = questionsFromForm(values);
		const parsed = v.parse(ConsultationInput.pipe[0].entries.questions, back);
		expect(parsed).toEqual(SAMPLE_QUESTIONS);
	});

	it('skips empty slots, numbers new questions and answers by their place, keeps known ids', () => {
		const back = questionsFromForm({
			slots: '3',
			q1_kind: 'single',
			q1_prompt_en: 'Where do you look for help?',
			q1_prompt_fr: 'Où cherches-tu de l’aide ?',
			q1_options_en: 'A friend\nAn adult\n\n',
			q1_options_fr: 'Un ami\nUn adulte',
			q1_option_ids: 'friend',
			q2_kind: 'faces',
			q3_kind: 'faces',
			q3_prompt_en: 'How do you feel?',
			q3_options_en: 'ignored for a scale',
			q3_optional: 'on'
		});
		expect(back).toEqual([
			{
				id: 'q1',
				kind: 'single',
				optional: false,
				prompt: expect.objectContaining({ en: 'Where do you look for help?', fr: 'Où cherches-tu de l’aide ?' }),
				options: [
					{ id: 'friend', label: expect.objectContaining({ en: 'A friend', fr: 'Un ami' }) },
					{ id: 'o2', label: expect.objectContaining({ en: 'An adult', fr: 'Un adulte' }) }
				]
			},
			{ id: 'q3', kind: 'faces', optional: true, prompt: expect.objectContaining({ en: 'How do you feel?' }), options: [] }
		]);
	});

	it('never gives two answers the same id', () => {
		const back = questionsFromForm({ slots: '1', q1_kind: 'multiple', q1_prompt_en: 'Pick', q1_options_en: 'a\nb\nc', q1_option_ids: 'o2,o2' }) as { options: { id: string }[] }[];
		const ids = back[0].options.map((o) => o.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('a hostile slot count is clamped', () => {
		expect(questionsFromForm({ slots: '1e9', q1_prompt_en: 'x', q1_kind: 'faces' })).toHaveLength(1);
		expect(questionsFromForm({ slots: '-3' })).toEqual([]);
	});

	it('"add a question" gives the form back with one more slot and the ticked age bands', () => {
		const raw = new FormData();
		raw.append('ageBands', '9-12');
		raw.append('ageBands', '13-18');
		const form: PostedForm = { values: { slots: '2', more: '1', title_en: 'T' }, raw, all: (n) => raw.getAll(n) as string[], files: () => [] };
		expect(withOneMoreQuestion(form)).toEqual({ more: true, values: { slots: '3', title_en: 'T' }, lists: { ageBands: ['9-12', '13-18'] } });
	});
});

describe('the organiser\'s region list', () => {
	it('reads "KE: Nairobi" lines per country and writes them back the same', () => {
		const regions = regionsFromText('KE: Nairobi\r\nke : Mombasa\n\nUG：Gulu\n');
		expect(regions).toEqual({ KE: ['Nairobi', 'Mombasa'], UG: ['Gulu'] });
		expect(regionsFromText(regionsText(regions))).toEqual(regions);
	});

	it('refuses lines without a country, regions of other countries and duplicates, with a field code', () => {
		const base = { title: { en: 'T' }, purpose: { en: 'P' }, ageBands: ['9-12'], countries: ['KE'], opensOn: '2026-01-01', closesOn: '2026-02-01', questions: SAMPLE_QUESTIONS.filter((q) => q.kind !== 'text') };
		const issues = (regions: Record<string, string[]>) => v.safeParse(ConsultationInput, { ...base, regions }).issues?.map((i) => i.message);
		expect(v.safeParse(ConsultationInput, { ...base, regions: regionsFromText('KE: Nairobi\nKE: Kisumu') }).success).toBe(true);
		expect(issues(regionsFromText('Nairobi'))).toContain('regions_invalid');
		expect(issues(regionsFromText('UG: Gulu'))).toContain('regions_country');
		expect(issues(regionsFromText('KE: Nairobi\nKE: nairobi'))).toContain('regions_duplicate');
		expect(issues(regionsFromText('KE: '))).toContain('regions_invalid');
	});
});
