// Hostile input never becomes a 500: every form and command answers with a domain error or succeeds.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { isDomainError } from '../platform/errors';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as events from '.';
import { eventFromForm, registrationFromForm } from './forms';
import { makePublishedEvent } from './testing';

useFreshDatabase();
let organiser: Actor;
let eventId: string;

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	organiser = await makeUser({ grants: [grant('organiser', { country: 'KE' })] });
	eventId = await makePublishedEvent(organiser, {
		kind: 'children_session',
		childMinAge: 10,
		childMaxAge: 14,
		safeguardingContact: 'safe@example.org',
		questions: [{ id: 'role', kind: 'choice', label: { en: 'Role' }, options: [{ en: 'A' }, { en: 'B' }], required: true }]
	});
});

const hostile = fc.oneof(
	fc.string({ maxLength: 60 }),
	fc.string({ maxLength: 40, unit: 'grapheme' }),
	fc.constantFrom('', ' ', '0', '-1', '1e9', 'NaN', '<script>alert(1)</script>', "'; drop table events_events; --", '\u0000', '2026-02-30T25:61', '../../etc/passwd', '%00', '🙂'.repeat(50), 'a'.repeat(10_000))
);
const formOf = (keys: string[]) => fc.record(Object.fromEntries(keys.map((k) => [k, hostile])) as Record<string, fc.Arbitrary<string>>, { requiredKeys: [] });
const posted = (input: Record<string, string | undefined>) => {
	const values = input as Record<string, string>;
	return { values, all: (n: string) => (values[n] !== undefined ? [values[n]] : []) };
};

async function onlyDomainErrors(run: () => Promise<unknown>) {
	try {
		await run();
	} catch (e) {
		if (!isDomainError(e)) throw e;
	}
}

describe('events boundary', () => {
	it('registration form: any posted strings give a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(formOf(['name', 'email', 'adults', 'childAges', 'childConsent', 'q_role', 'q_x']), async (values) => {
				await onlyDomainErrors(() => events.registerForEvent(null, eventId, registrationFromForm(posted(values), 'en')));
			}),
			{ numRuns: 60 }
		);
	});

	it('event form: any posted strings give a result or a domain error', async () => {
		const keys = ['title_en', 'title_ar', 'kind', 'audiences', 'topics', 'areas', 'languages', 'start', 'end', 'timeZone', 'mode', 'venue', 'city', 'country', 'region', 'onlineUrl', 'seats', 'opens', 'closes', 'childMinAge', 'childMaxAge', 'holdHours', 'reminders', 'q0_label', 'q0_kind', 'q0_options', 'safeguardingContact'];
		await fc.assert(
			fc.asyncProperty(formOf(keys), async (values) => {
				await onlyDomainErrors(() => events.createEvent(organiser, eventFromForm(posted(values), 'en')));
			}),
			{ numRuns: 60 }
		);
	});

	it('tokens, ids and messages: any string gives a result or a domain error', async () => {
		await fc.assert(
			fc.asyncProperty(hostile, hostile, async (token, text) => {
				await onlyDomainErrors(() => events.confirmRegistration(token));
				await onlyDomainErrors(() => events.cancelRegistration(token));
				await onlyDomainErrors(() => events.updateRegistration(token, { name: text, email: text }));
				expect(await events.registrationByToken(token)).toBeNull();
				await onlyDomainErrors(() => events.messageParticipants(organiser, eventId, { subject: text, body: text }));
				await onlyDomainErrors(() => events.cancelEvent(organiser, '00000000-0000-0000-0000-000000000000', { reason: text }));
			}),
			{ numRuns: 30 }
		);
	});

	it('list filters: any query gives a result or a domain error', async () => {
		const { parse } = await import('../platform/validate');
		await fc.assert(
			fc.asyncProperty(formOf(['country', 'region', 'kind', 'audience', 'language', 'topic', 'mode', 'when', 'page']), async (q) => {
				await onlyDomainErrors(async () => events.listPublic(parse(events.ListQuery, q)));
			}),
			{ numRuns: 40 }
		);
	});
});
