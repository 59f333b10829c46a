// Test helpers: a valid event input, and an event made and published by a global organiser.
import type { Actor } from '../identity';
import { createEvent, publishEvent, confirmRegistration, registerForEvent } from './commands';
import type { RegisterInput } from './input';

export function eventInput(overrides: Record<string, unknown> = {}) {
	const start = new Date(Date.now() + 10 * 86_400_000);
	const day = start.toISOString().slice(0, 10);
	return {
		title: { en: 'Keeping children safe online: training for teachers', fr: 'Protéger les enfants en ligne : formation des enseignants' },
		description: { en: 'A morning of practice.' },
		kind: 'training',
		audiences: ['educators'],
		topics: ['contact'],
		areas: ['capacity'],
		languages: ['en'],
		start: `${day}T09:00`,
		end: `${day}T12:00`,
		timeZone: 'Africa/Nairobi',
		mode: 'in_person',
		venue: 'Community hall',
		city: 'Nairobi',
		country: 'KE',
		seats: 40,
		...overrides
	};
}

export async function makePublishedEvent(actor: Actor, overrides: Record<string, unknown> = {}): Promise<string> {
	const id = await createEvent(actor, eventInput(overrides));
	await publishEvent(actor, id);
	return id;
}

/** Registers and confirms by the emailed link, returning the token. */
export async function registerConfirmed(eventId: string, input: Partial<RegisterInput> & Record<string, unknown> = {}, now?: Date) {
	const { id, token } = await registerForEvent(null, eventId, { name: 'Ada Teacher', email: `p${Math.random().toString(36).slice(2)}@example.org`, ...input }, { now });
	const status = await confirmRegistration(token, now);
	return { id, token, status };
}
