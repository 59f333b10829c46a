// The events module's background jobs: holds that ran out, and reminders before an event.
import { and, eq } from 'drizzle-orm';
import type { Tx } from '../db';
import * as mail from '../mail';
import * as jobs from '../platform/jobs';
import { isLocale } from '../../paraglide/runtime.js';
import { eraseRegistrations, expireHolds } from './commands';
import { toICalendar } from './ics';
import * as mails from './mails';
import { events, registrations } from './schema';

/** A hold's time ran out: expire it (and any other due) and pass the seats on. */
export async function runHoldExpiry(tx: Tx, now = new Date()): Promise<void> {
	await expireHolds(now, tx);
}

/** Sends one reminder to every confirmed participant, unless the event moved, was cancelled or started. */
export async function runReminder(tx: Tx, payload: unknown, now = new Date()): Promise<number> {
	const p = payload as { eventId?: string; startsAt?: string };
	if (!p?.eventId || !p.startsAt) return 0;
	const [e] = await tx.select().from(events).where(eq(events.id, p.eventId));
	if (!e || e.status !== 'published' || e.startsAt.toISOString() !== p.startsAt || e.startsAt <= now) return 0;
	const people = await tx.select().from(registrations).where(and(eq(registrations.eventId, e.id), eq(registrations.status, 'confirmed')));
	for (const r of people) {
		const ics = toICalendar([e], { locale: isLocale(r.locale) ? r.locale : 'en', now });
		await mail.enqueue(tx, mails.reminderMail(e, r, ics));
	}
	return people.length;
}

jobs.register('events.hold-expiry', (tx, _payload, job) => runHoldExpiry(tx, job.now));
jobs.register('events.reminder', async (tx, payload, job) => {
	await runReminder(tx, payload, job.now);
});
jobs.register('events.retention', async (tx, payload, job) => {
	const eventId = (payload as { eventId?: string })?.eventId;
	if (eventId) await eraseRegistrations(tx, eventId, job.now);
});
