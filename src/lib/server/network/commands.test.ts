import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db';
import type { Actor } from '../identity';
import { auditLog } from '../identity/schema';
import { outbox } from '../mail/schema';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as network from '.';
import { applicationMessages, applications } from './schema';
import { confirmedApplication, expertInput, partnerInput } from './testing';

useFreshDatabase();
let africa: Actor;
let europe: Actor;
let organiser: Actor;

beforeAll(async () => {
	process.env.RATE_LIMITS = 'off';
	africa = await makeUser({ grants: [grant('network_reviewer', { region: 'africa' })] });
	europe = await makeUser({ grants: [grant('network_reviewer', { region: 'europe' })] });
	organiser = await makeUser({ grants: [grant('organiser')] });
});

const row = async (id: string) => (await db().select().from(applications).where(eq(applications.id, id)))[0];
const mailsTo = (to: string) => db().select().from(outbox).where(eq(outbox.to, to));
const linkIn = (body: string) => /\/network\/manage\/([A-Za-z0-9_-]+)/.exec(body)?.[1];
const audited = async (id: string, action: string) => (await db().select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, action)))).length;

describe('network: applying', () => {
	it('keeps an application out of the queue until the emailed link is used', async () => {
		const input = partnerInput();
		const { id, token } = await network.applyToNetwork('partner', input);
		expect((await row(id)).status).toBe('unconfirmed');
		const [mail] = await mailsTo(input.email);
		expect(linkIn(mail.body)).toBe(token);
		expect((await network.listForReviewer(africa, 'unconfirmed')).some((a) => a.id === id)).toBe(true);
		await expect(network.applicationForReviewer(africa, id)).rejects.toMatchObject({ status: 404 });
		expect(await network.confirmApplication(token)).toBe('pending');
		expect(await network.confirmApplication(token)).toBe('pending');
		expect((await network.listForReviewer(africa)).some((a) => a.id === id)).toBe(true);
		expect(await audited(id, 'network.confirm')).toBe(1);
		expect((await row(id)).tokenHash).not.toContain(token);
	});

	it('refuses bad input with field codes', async () => {
		await expect(network.applyToNetwork('partner', partnerInput({ sector: 'mafia' }))).rejects.toMatchObject({ fields: { sector: 'network_sector_required' } });
		await expect(network.applyToNetwork('partner', partnerInput({ countries: [] }))).rejects.toMatchObject({ fields: { countries: 'network_countries_required' } });
		await expect(network.applyToNetwork('expert', expertInput({ fields: [] }))).rejects.toMatchObject({ fields: { fields: 'network_fields_required' } });
		await expect(network.applyToNetwork('expert', expertInput({ links: ['javascript:alert(1)'] }))).rejects.toMatchObject({ status: 400 });
		await expect(network.applyToNetwork('expert', expertInput({ email: 'nope' }))).rejects.toMatchObject({ fields: { email: 'email_invalid' } });
		await expect(network.applyToNetwork('nonsense' as never, expertInput())).rejects.toMatchObject({ status: 404 });
	});

	it('limits applications per address', async () => {
		process.env.RATE_LIMITS = 'on';
		try {
			const email = 'busy@example.org';
			for (let i = 0; i < network.APPLY_LIMIT.max; i++) await network.applyToNetwork('expert', expertInput({ email }));
			await expect(network.applyToNetwork('expert', expertInput({ email }))).rejects.toMatchObject({ status: 429 });
		} finally {
			process.env.RATE_LIMITS = 'off';
		}
	});
});

describe('network: review', () => {
	it('question, answer through the private link, accept: listed, told, audited', async () => {
		const { id, email } = await confirmedApplication('expert', { countries: ['FR'] });
		await expect(network.askApplicant(africa, id, { body: 'Which courts?' })).rejects.toMatchObject({ status: 404 });
		await network.askApplicant(europe, id, { body: 'Which courts have you worked with?' });
		expect((await row(id)).status).toBe('needs_info');
		const question = (await mailsTo(email)).find((m) => m.body.includes('Which courts have you worked with?'))!;
		const token = linkIn(question.body)!;
		expect(token).toBeTruthy();
		await network.answerQuestion(token, { body: 'The juvenile courts of Lyon.' });
		const found = await network.applicationByToken(token);
		expect(found!.application.status).toBe('pending');
		expect(found!.messages.map((m) => m.author)).toEqual(['reviewer', 'applicant']);
		await network.acceptApplication(europe, id);
		expect((await row(id)).status).toBe('accepted');
		expect(await network.getProfile('expert', id)).not.toBeNull();
		expect(await network.getProfile('partner', id)).toBeNull();
		const accepted = (await mailsTo(email)).find((m) => m.subject.startsWith('Welcome'))!;
		const manage = linkIn(accepted.body)!;
		expect(await network.applicationByToken(token)).toBeNull();
		expect((await network.applicationByToken(manage))!.application.id).toBe(id);
		for (const action of ['network.ask', 'network.answer', 'network.accept']) expect(await audited(id, action)).toBe(1);
		await expect(network.acceptApplication(europe, id)).rejects.toMatchObject({ status: 409 });
	});

	it('declines with a reason the applicant is told', async () => {
		const { id, email } = await confirmedApplication('partner', { countries: ['KE', 'UG'] });
		await expect(network.declineApplication(africa, id, { reason: '' })).rejects.toMatchObject({ fields: { reason: 'text_required' } });
		await network.declineApplication(africa, id, { reason: 'Out of the programme scope.' });
		const a = await row(id);
		expect(a.status).toBe('declined');
		expect((await mailsTo(email)).some((m) => m.body.includes('Out of the programme scope.'))).toBe(true);
		expect(await audited(id, 'network.decline')).toBe(1);
	});

	it('hides applications outside the scope and refuses other roles', async () => {
		const { id } = await confirmedApplication('partner', { countries: ['KE'] });
		expect((await network.listForReviewer(europe)).some((a) => a.id === id)).toBe(false);
		await expect(network.applicationForReviewer(europe, id)).rejects.toMatchObject({ status: 404 });
		await expect(network.acceptApplication(europe, id)).rejects.toMatchObject({ status: 404 });
		await expect(network.listForReviewer(organiser)).rejects.toMatchObject({ status: 403 });
		await expect(network.acceptApplication(null, id)).rejects.toMatchObject({ status: 401 });
		expect((await network.applicationForReviewer(africa, id)).mayReview).toBe(true);
	});
});

describe('network: owners and visitors', () => {
	it('updates a listed profile and withdraws it: gone at once', async () => {
		const { id } = await confirmedApplication('partner', { countries: ['KE'] });
		await network.acceptApplication(africa, id);
		const token = linkIn((await db().select().from(outbox)).filter((m) => m.body.includes(id)).at(-1)!.body)!;
		await network.updateApplication(token, { ...partnerInput({ name: 'Renamed Association' }), email: undefined });
		expect((await network.getProfile('partner', id))!.name).toBe('Renamed Association');
		await network.withdrawApplication(token);
		expect(await network.getProfile('partner', id)).toBeNull();
		expect((await network.listDirectory({ kind: 'partner' })).items.some((a) => a.id === id)).toBe(false);
		await expect(network.updateApplication(token, partnerInput())).rejects.toMatchObject({ status: 409 });
		expect(await audited(id, 'network.withdraw')).toBe(1);
	});

	it('relays a contact message without showing the address, only to listed members', async () => {
		const { id, email } = await confirmedApplication('expert');
		const msg = { name: 'Visitor', email: 'visitor@example.org', message: 'Could you speak at our school?' };
		await expect(network.contactMember(id, msg)).rejects.toMatchObject({ status: 404 });
		await network.acceptApplication(europe, id);
		await network.contactMember(id, msg);
		const relayed = (await mailsTo(email)).find((m) => m.body.includes('Could you speak at our school?'))!;
		expect(relayed.body).toContain('visitor@example.org');
		await expect(network.contactMember(id, { ...msg, email: 'x' })).rejects.toMatchObject({ status: 400 });
	});

	it('erases declined and withdrawn applications after the retention period, with their thread', async () => {
		const { id, token } = await confirmedApplication('expert');
		await network.askApplicant(europe, id, { body: 'A question' });
		await network.declineApplication(europe, id, { reason: 'No' });
		const kept = await confirmedApplication('expert');
		const stale = await network.applyToNetwork('expert', expertInput());
		const later = new Date(Date.now() + (network.RETENTION_DAYS + 1) * 86_400_000);
		const soon = new Date(Date.now() + 86_400_000);
		expect(await db().transaction((tx) => network.eraseClosedApplications(tx, soon))).toBe(0);
		expect(await db().transaction((tx) => network.eraseClosedApplications(tx, later))).toBeGreaterThanOrEqual(2);
		expect(await row(id)).toBeUndefined();
		expect(await row(stale.id)).toBeUndefined();
		expect(await row(kept.id)).toBeDefined();
		expect(await db().select().from(applicationMessages).where(eq(applicationMessages.applicationId, id))).toHaveLength(0);
		expect(await network.applicationByToken(token)).toBeNull();
	});

	it('sends a signed-in owner a fresh private link, only for applications confirmed from their address', async () => {
		const owner = await makeUser({ email: `owner.${Date.now()}@example.org` });
		const { id, token } = await confirmedApplication('expert', { email: owner.email });
		expect((await network.applicationsOf(owner)).map((a) => a.id)).toEqual([id]);
		expect(await network.applicationsOf(africa)).toEqual([]);
		await expect(network.sendPrivateLink(africa, id)).rejects.toMatchObject({ status: 404 });
		await expect(network.sendPrivateLink(null, id)).rejects.toMatchObject({ status: 401 });
		await network.sendPrivateLink(owner, id);
		const fresh = linkIn((await mailsTo(owner.email)).find((m) => m.subject.startsWith('Your private link'))!.body)!;
		expect(await network.applicationByToken(token)).toBeNull();
		expect((await network.applicationByToken(fresh))!.application.id).toBe(id);
		expect(await audited(id, 'network.send_link')).toBe(1);
	});
});
