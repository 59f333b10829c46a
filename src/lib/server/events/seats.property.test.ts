// The waiting list's invariants, as properties over random histories: never more places taken than
// seats, served strictly in queue order (no seat left idle while the first in line fits), holds expire.
import { and, eq } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as events from '.';
import { registrations } from './schema';
import { eventInput, makePublishedEvent } from './testing';

useFreshDatabase();
let organiser: Actor;

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	organiser = await makeUser({ grants: [grant('organiser')] });
});

const farDay = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);
const FAR = { start: `${farDay}T09:00`, end: `${farDay}T12:00` };

type Op = { op: 'register'; places: number } | { op: 'cancel'; pick: number } | { op: 'confirmHeld'; pick: number } | { op: 'time'; hours: number } | { op: 'seats'; seats: number };

const op: fc.Arbitrary<Op> = fc.oneof(
	{ weight: 4, arbitrary: fc.record({ op: fc.constant('register' as const), places: fc.integer({ min: 1, max: 3 }) }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('cancel' as const), pick: fc.nat() }) },
	{ weight: 2, arbitrary: fc.record({ op: fc.constant('confirmHeld' as const), pick: fc.nat() }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('time' as const), hours: fc.integer({ min: 1, max: 60 }) }) },
	{ weight: 1, arbitrary: fc.record({ op: fc.constant('seats' as const), seats: fc.integer({ min: 1, max: 8 }) }) }
);

async function check(eventId: string, now: Date) {
	const { event, registrations: regs } = await events.eventForOrganiser(organiser, eventId);
	const taking = regs.filter((r) => ['confirmed', 'pending', 'held'].includes(r.status));
	const taken = taking.reduce((n, r) => n + r.places, 0);
	const waiting = regs.filter((r) => r.status === 'waiting').sort((a, b) => a.seq - b.seq);
	// never more than the seats (a seat cut may leave more taken than seats, but never by new places)
	if (event.seats >= taken) expect(taken).toBeLessThanOrEqual(event.seats);
	// nobody waits while the first in line would fit
	if (waiting.length && event.seats >= taken) expect(waiting[0].places).toBeGreaterThan(event.seats - taken);
	// holds are served in queue order: every hold came before everyone still waiting
	for (const h of regs.filter((r) => r.status === 'held')) {
		for (const w of waiting) expect(h.seq).toBeLessThan(w.seq);
		expect(h.heldUntil!.getTime()).toBeGreaterThan(now.getTime());
	}
}

describe('waiting list properties', () => {
	it('holds under random histories', async () => {
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 1, max: 6 }), fc.array(op, { minLength: 1, maxLength: 14 }), async (seats, ops) => {
				let now = new Date();
				let currentSeats = seats;
				const id = await makePublishedEvent(organiser, { ...FAR, seats, holdHours: 24, country: null, mode: 'online', onlineUrl: 'https://meet.example.org/x' });
				const tokens: string[] = [];
				for (const o of ops) {
					if (o.op === 'register') {
						const made = await events.registerForEvent(null, id, { name: 'P', email: `p${tokens.length}@example.org`, adults: o.places }, { now }).catch(() => null);
						if (!made) continue;
						await events.confirmRegistration(made.token, now);
						tokens.push(made.token);
					} else if (o.op === 'cancel' && tokens.length) {
						await events.cancelRegistration(tokens[o.pick % tokens.length], now);
					} else if (o.op === 'confirmHeld' && tokens.length) {
						await events.confirmRegistration(tokens[o.pick % tokens.length], now).catch(() => {});
					} else if (o.op === 'time') {
						now = new Date(now.getTime() + o.hours * 3_600_000);
						await events.expireHolds(now);
					} else if (o.op === 'seats' && o.seats >= currentSeats) {
						currentSeats = o.seats;
						await events.updateEvent(organiser, id, eventInput({ ...FAR, seats: o.seats, holdHours: 24, country: null, mode: 'online', onlineUrl: 'https://meet.example.org/x' }), now);
					}
					await check(id, now);
				}
				const held = await db().select().from(registrations).where(and(eq(registrations.eventId, id), eq(registrations.status, 'held')));
				expect(held.every((h) => h.heldUntil! > now)).toBe(true);
			}),
			{ numRuns: 60 }
		);
	}, 300_000);
});
