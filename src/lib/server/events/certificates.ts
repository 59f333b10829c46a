// Certificates of attendance: an Open Badges 3.0 credential per adult checked in, signed with the
// learning module's issuer key, so it verifies at /learn/verify like a course certificate. The
// achievement is the event. The person appears only as a salted hash of their email address.
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull } from 'drizzle-orm';
import { localized } from '../../i18n';
import { db } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import * as learning from '../learning';
import * as mail from '../mail';
import { Conflict, NotFound } from '../platform/errors';
import { certificateMail } from './mails';
import { can, eventTarget } from './policy';
import { attendanceCertificates, events, registrations } from './schema';

type EventRow = typeof events.$inferSelect;

export const certificateUrl = (id: string) => `${learning.origin()}/events/certificates/${id}`;

function buildAttendanceCredential(id: string, e: EventRow, email: string, when: Date) {
	const salt = randomBytes(16).toString('hex');
	const name = localized(e.title, 'en').text;
	const day = e.startsAt.toISOString().slice(0, 10);
	return {
		'@context': learning.OB3_CONTEXT,
		id: certificateUrl(id),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		name: `Attendance: ${name}`,
		issuer: { id: learning.issuerId(), type: ['Profile'], name: learning.ISSUER_NAME(), url: learning.origin() },
		validFrom: when.toISOString().replace(/\.\d{3}Z$/, 'Z'),
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityHash: learning.identityHash(email, salt), identityType: 'emailAddress', hashed: true, salt }],
			achievement: {
				id: `${learning.origin()}/events/${e.id}#achievement`,
				type: ['Achievement'],
				name,
				description: localized(e.description, 'en').text || name,
				criteria: { narrative: `Attended "${name}" on ${day}, checked in by the organiser.` },
				achievementType: 'Certificate'
			}
		},
		credentialStatus: { id: `${learning.statusListId()}#${id}`, type: '1EdTechRevocationList' }
	};
}

/** Issues a certificate to every checked-in registration of the event that has none yet. */
export async function issueAttendanceCertificates(actor: Actor | null, eventId: string, now = new Date()): Promise<number> {
	assertHolds(actor, !!actor);
	const n = await db().transaction(async (tx) => {
		const [e] = await tx.select().from(events).where(eq(events.id, eventId)).for('update');
		if (!e || !can(actor, 'registrations.manage', eventTarget(e))) throw new NotFound();
		if (e.status !== 'published') throw new Conflict('events_cancelled');
		const present = await tx
			.select()
			.from(registrations)
			.where(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'), isNotNull(registrations.checkedInAt), isNull(registrations.certificateId)));
		const key = await learning.issuerKey(tx);
		for (const r of present) {
			const [{ id }] = await tx.insert(attendanceCertificates).values({ registrationId: r.id, eventId, credential: {}, issuedAt: now }).returning({ id: attendanceCertificates.id });
			const credential = learning.signCredential(buildAttendanceCredential(id, e, r.email, now), key, now);
			await tx.update(attendanceCertificates).set({ credential }).where(eq(attendanceCertificates.id, id));
			await tx.update(registrations).set({ certificateId: id, updatedAt: now }).where(eq(registrations.id, r.id));
			await mail.enqueue(tx, certificateMail(e, r, certificateUrl(id)));
		}
		await audit.record(tx, actor, { action: 'event.certificates', entityType: 'event', entityId: eventId, after: { issued: present.length } });
		return present.length;
	});
	mail.deliverSoon();
	return n;
}

export async function getAttendanceCertificate(id: string) {
	if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
	const [row] = await db().select().from(attendanceCertificates).where(eq(attendanceCertificates.id, id));
	return row ?? null;
}

learning.registerCertificateLookup(getAttendanceCertificate);
