// Test helpers: a valid consultation input (questions of every kind) for tests, the demo and journeys.
import type { Question } from '../../participation/types';

export const SAMPLE_QUESTIONS: Question[] = [
	{
		id: 'where',
		kind: 'single',
		prompt: { en: 'Where do you look first when you need help online?', fr: "Où cherches-tu d'abord de l'aide en ligne ?" },
		options: [
			{ id: 'friend', label: { en: 'A friend', fr: 'Un ami ou une amie' } },
			{ id: 'adult', label: { en: 'An adult I trust', fr: "Un adulte de confiance" } },
			{ id: 'search', label: { en: 'A search engine', fr: 'Un moteur de recherche' } }
		],
		optional: false
	},
	{
		id: 'which',
		kind: 'multiple',
		prompt: { en: 'Which of these have you used?' },
		options: [
			{ id: 'helpline', label: { en: 'A helpline' } },
			{ id: 'report', label: { en: 'A report button in an app' } }
		],
		optional: true
	},
	{ id: 'easy', kind: 'faces', prompt: { en: 'How easy is it to find help online?' }, options: [], optional: true },
	{
		id: 'order',
		kind: 'ranking',
		prompt: { en: 'What matters most in a helpline? Put them in order.' },
		options: [
			{ id: 'secret', label: { en: 'It stays private' } },
			{ id: 'fast', label: { en: 'Someone answers fast' } },
			{ id: 'kind', label: { en: 'They are kind' } }
		],
		optional: true
	},
	{ id: 'idea', kind: 'text', prompt: { en: 'Anything else you want to tell us?' }, options: [], optional: true }
];

export function sampleInput(overrides: Record<string, unknown> = {}) {
	return {
		title: { en: 'How do you find help online?' },
		purpose: { en: 'We ask so that help is easier to find. The national team reads the answers. We will publish what we change.' },
		ageBands: ['9-12', '13-18'],
		countries: ['KE'],
		opensOn: '2026-01-01',
		closesOn: '2026-12-31',
		questions: SAMPLE_QUESTIONS,
		freeText: true,
		...overrides
	};
}

/** A posted answer form, as the page sends it. */
export function answerForm(values: Record<string, string | string[]>) {
	const flat: Record<string, string> = {};
	for (const [k, v] of Object.entries(values)) flat[k] = Array.isArray(v) ? (v[0] ?? '') : v;
	return { values: flat, all: (name: string) => { const v = values[name]; return v === undefined ? [] : Array.isArray(v) ? v : [v]; } };
}
