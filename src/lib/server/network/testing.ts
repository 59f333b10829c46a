// Test helpers: valid application inputs, and an application taken through confirmation.
import { applyToNetwork, confirmApplication } from './commands';

let n = 0;
const address = () => `applicant${++n}.${Math.random().toString(36).slice(2, 8)}@example.org`;

export function partnerInput(overrides: Record<string, unknown> = {}) {
	return {
		name: 'Example Child Safety Association',
		sector: 'civil_society',
		countries: ['KE'],
		languages: ['en', 'sw'],
		topics: ['contact'],
		about: 'Trainers for parents and teachers.',
		contactName: 'Ada Contact',
		email: address(),
		locale: 'en',
		...overrides
	};
}

export function expertInput(overrides: Record<string, unknown> = {}) {
	return {
		name: 'Dr. Example Expert',
		fields: ['law_policy'],
		topics: ['contract'],
		countries: ['FR'],
		languages: ['fr', 'en'],
		about: 'Lawyer working on children and online services.',
		links: ['https://example.org/expert'],
		publicFields: ['bio', 'countries', 'languages'],
		email: address(),
		locale: 'en',
		...overrides
	};
}

/** Applies and confirms by the emailed link: the application waits in the queue. */
export async function confirmedApplication(kind: 'partner' | 'expert', overrides: Record<string, unknown> = {}) {
	const input = kind === 'partner' ? partnerInput(overrides) : expertInput(overrides);
	const { id, token } = await applyToNetwork(kind, input);
	await confirmApplication(token);
	return { id, token, email: input.email as string };
}
