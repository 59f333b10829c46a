import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import * as learning from '../learning';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as events from '.';
import { seedEventsDemo } from './demo';
import { makePublishedEvent, registerConfirmed } from './testing';

useFreshDatabase();
let organiser: Actor;

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	organiser = await makeUser({ grants: [grant('organiser')] });
	await seedEventsDemo(db());
});

const list = async (x: Record<string, string> = {}) => {
	const { parse } = await import('../platform/validate');
	return (await events.listPublic(parse(events.ListQuery, x))).items.map((i) => i.event);
};

describe('public lists and open data', () => {
	it('shows demo events, filterable, past ones apart', async () => {
		const upcoming = await list();
		expect(upcoming.length).toBeGreaterThanOrEqual(6);
		expect(upcoming.every((e) => e.isDemo)).toBe(true);
		expect((await list({ country: 'ke' })).every((e) => e.country === 'KE')).toBe(true);
		expect((await list({ region: 'arab_states' })).map((e) => e.country)).toContain('EG');
		expect((await list({ region: 'americas' })).map((e) => e.region)).toContain('americas');
		expect((await list({ audience: 'parents' })).every((e) => e.audiences.includes('parents'))).toBe(true);
		expect((await list({ language: 'ru' })).map((e) => e.country)).toEqual(['KZ']);
		expect((await list({ mode: 'online' })).every((e) => e.mode === 'online')).toBe(true);
		expect((await list({ kind: 'children_session' })).length).toBe(2);
		expect((await list({ topic: 'be_kind' })).length).toBeGreaterThan(0);
		const past = await list({ when: 'past' });
		expect(past).toHaveLength(1);
		expect(past[0].materials.en).toBeTruthy();
	});

	it('the full children session has a waiting list', async () => {
		const [child] = await list({ kind: 'children_session', country: 'KE' });
		const found = await events.getPublicEvent(child.id);
		expect(found).toMatchObject({ taken: 40, waiting: 2 });
	});

	it('open data carries no personal data and no online link', async () => {
		const [online] = await list({ mode: 'online' });
		const shown = JSON.stringify(events.presentOpenData(online, 0));
		expect(shown).not.toContain('meet.example.org');
		expect(shown).not.toContain('@example.org');
		const detail = JSON.stringify(events.presentDetail({ event: online, taken: 0, waiting: 0 }, 'en'));
		expect(detail).not.toContain('meet.example.org');
	});

	it('JSON-LD states the times with the zone offset', async () => {
		const [ke] = await list({ country: 'KE' });
		const ld = events.jsonLd(ke, 0, 'en');
		expect(ld.startDate).toMatch(/T10:00:00\+03:00$/);
		expect(ld['@type']).toBe('Event');
	});
});

describe('attendance certificates', () => {
	it('issues an Open Badges credential that verifies at /learn/verify', async () => {
		const id = await makePublishedEvent(organiser);
		const a = await registerConfirmed(id, { email: 'attendee@example.org' });
		const b = await registerConfirmed(id);
		await events.setAttendance(organiser, a.id, true);
		await events.setAttendance(organiser, b.id, true);
		await events.setAttendance(organiser, b.id, false);
		expect(await events.issueAttendanceCertificates(organiser, id)).toBe(1);
		expect(await events.issueAttendanceCertificates(organiser, id)).toBe(0);
		const own = await events.registrationByToken(a.token);
		const cert = await events.getAttendanceCertificate(own!.registration.certificateId!);
		const outcome = await learning.verifyCredential(JSON.stringify(cert!.credential));
		expect(outcome).toMatchObject({ valid: true });
		const tampered = { ...cert!.credential, name: 'Something else' };
		expect(await learning.verifyCredential(JSON.stringify(tampered))).toMatchObject({ valid: false, status: 'bad_signature' });
		expect(JSON.stringify(cert!.credential)).not.toContain('attendee@example.org');
	});

	it('refuses check-in of someone not confirmed, and an organiser elsewhere', async () => {
		const ke = await makeUser({ grants: [grant('organiser', { country: 'FR' })] });
		const id = await makePublishedEvent(organiser, { seats: 1 });
		await registerConfirmed(id);
		const waiting = await registerConfirmed(id);
		await expect(events.setAttendance(organiser, waiting.id, true)).rejects.toMatchObject({ code: 'events_not_confirmed' });
		await expect(events.setAttendance(ke, waiting.id, true)).rejects.toMatchObject({ status: 404 });
		await expect(events.issueAttendanceCertificates(ke, id)).rejects.toMatchObject({ status: 404 });
		const csv = await events.exportRegistrations(organiser, id);
		expect(csv.split('\r\n')[0]).toContain('status,name,email');
	});
});

describe('retention', () => {
	it('erases who registered 90 days after the event, keeping counts', async () => {
		const id = await makePublishedEvent(organiser, { kind: 'children_session', childMinAge: 10, childMaxAge: 14, safeguardingContact: 's@example.org' });
		await registerConfirmed(id, { email: 'forget-me@example.org', adults: 1, childAges: [10, 12], childConsent: true });
		const { event } = await events.eventForOrganiser(organiser, id);
		expect(await events.eraseRegistrations(db(), id, new Date(event.endsAt.getTime() + 86_400_000))).toBe(0);
		expect(await events.eraseRegistrations(db(), id, new Date(event.endsAt.getTime() + 91 * 86_400_000))).toBe(1);
		const { registrations } = await events.eventForOrganiser(organiser, id);
		expect(registrations[0]).toMatchObject({ name: '', email: '', answers: {}, places: 3, status: 'confirmed' });
		expect(registrations[0].childAges).toEqual([0, 0]);
		const jobs = await import('../platform/jobs');
		expect(await jobs.list(`events.retention:${id}:`)).toHaveLength(1);
	});
});
