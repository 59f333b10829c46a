import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { db } from '../db';
import { auditLog } from '../identity/schema';
import { makeUser, grant } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as participation from '.';
import { classCodes, consultations, responses, texts } from './schema';
import { answerForm, sampleInput } from './testing';

useFreshDatabase();
const NOW = new Date('2026-06-15T14:23:11Z');
const LATER = new Date('2027-02-01T09:00:00Z');

async function people() {
	const organiser = await makeUser({ grants: [grant('organiser', { country: 'KE' })] });
	const reviewer = await makeUser({ grants: [grant('safeguarding', { region: 'africa' })] });
	return { organiser, reviewer };
}

async function openConsultation(overrides: Record<string, unknown> = {}) {
	const { organiser, reviewer } = await people();
	const id = await participation.draftConsultation(organiser, sampleInput(overrides));
	await participation.submitForReview(organiser, id);
	await participation.reviewConsultation(reviewer, id, { verdict: 'approve' });
	await participation.publishConsultation(organiser, id);
	return { id, organiser, reviewer };
}

const ANSWER = { ageBand: '9-12', country: 'KE', q_where: 'adult', q_which: ['helpline', 'report'], q_easy: '4', q_order_secret: '2', q_order_fast: '1', q_order_kind: '3' };

describe('consultation life cycle', () => {
	it('draft, review by a second person, publish, close; every step audited', async () => {
		const { organiser, reviewer } = await people();
		const id = await participation.draftConsultation(organiser, sampleInput());
		await participation.submitForReview(organiser, id);
		// an organiser cannot review; a safeguarding reviewer who also submitted cannot either
		await expect(participation.reviewConsultation(organiser, id, { verdict: 'approve' })).rejects.toMatchObject({ status: 403 });
		await expect(participation.reviewConsultation(reviewer, id, { verdict: 'return' })).rejects.toMatchObject({ fields: { note: 'note_required' } });
		await participation.reviewConsultation(reviewer, id, { verdict: 'return', note: 'Say who reads the answers.' });
		expect((await participation.getConsultation(id))!.status).toBe('draft');
		await participation.submitForReview(organiser, id);
		await participation.reviewConsultation(reviewer, id, { verdict: 'approve' });
		await participation.publishConsultation(organiser, id);
		expect(participation.phase((await participation.getConsultation(id))!, '2026-06-15')).toBe('open');
		await participation.closeConsultation(organiser, id, NOW);
		const c = (await participation.getConsultation(id))!;
		expect(c.status).toBe('closed');
		expect(c.closesOn).toBe('2026-06-15');
		const actions = (await db().select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);
		expect(actions).toEqual(expect.arrayContaining(['participation.draft', 'participation.submit', 'participation.review.return', 'participation.review.approve', 'participation.publish', 'participation.close']));
	});

	it('nobody reviews a consultation they submitted, even with the safeguarding role', async () => {
		const both = await makeUser({ grants: [grant('organiser', { country: 'KE' }), grant('safeguarding', { country: 'KE' })] });
		const id = await participation.draftConsultation(both, sampleInput());
		await participation.submitForReview(both, id);
		await expect(participation.reviewConsultation(both, id, { verdict: 'approve' })).rejects.toMatchObject({ status: 403 });
	});

	it('an organiser for one country cannot draft for another', async () => {
		const { organiser } = await people();
		await expect(participation.draftConsultation(organiser, sampleInput({ countries: ['KE', 'UG'] }))).rejects.toMatchObject({ status: 403 });
		await expect(participation.draftConsultation(null, sampleInput())).rejects.toMatchObject({ status: 401 });
	});

	it('rejects bad input with field codes', async () => {
		const { organiser } = await people();
		await expect(participation.draftConsultation(organiser, sampleInput({ closesOn: '2025-01-01' }))).rejects.toMatchObject({ fields: { closesOn: 'closes_before_opens' } });
		await expect(participation.draftConsultation(organiser, sampleInput({ freeText: false }))).rejects.toMatchObject({ fields: { questions: 'free_text_off' } });
		await expect(participation.draftConsultation(organiser, sampleInput({ threshold: 3 }))).rejects.toMatchObject({ fields: { threshold: 'threshold_too_low' } });
	});

	it('questions are frozen once answered: a new version instead', async () => {
		const { id, organiser } = await openConsultation();
		await participation.submitAnswers(id, answerForm(ANSWER), 'k1', NOW);
		await expect(participation.updateConsultation(organiser, id, sampleInput({ title: { en: 'Changed' } }))).rejects.toMatchObject({ status: 409 });
		const v2 = await participation.newVersion(organiser, id);
		const c2 = (await participation.getConsultation(v2))!;
		expect(c2).toMatchObject({ status: 'draft', version: 2, previousId: id });
		await participation.updateConsultation(organiser, v2, sampleInput({ title: { en: 'Changed' } }));
	});
});

describe('answering', () => {
	it('stores only the answers, band, country and the day', async () => {
		const { id } = await openConsultation();
		await participation.submitAnswers(id, answerForm(ANSWER), 'k2', NOW);
		const [row] = await db().select().from(responses).where(eq(responses.consultationId, id));
		expect(Object.keys(row).sort()).toEqual(['ageBand', 'answers', 'consultationId', 'country', 'id', 'region', 'submittedOn']);
		expect(row).toMatchObject({ ageBand: '9-12', country: 'KE', region: null, submittedOn: '2026-06-15', answers: { where: 'adult', which: ['helpline', 'report'], easy: '4', order: ['fast', 'secret', 'kind'] } });
	});

	it('keeps a region only from the organiser\'s list for the chosen country, never typed text', async () => {
		const { id } = await openConsultation({ regions: { KE: ['Nairobi', 'Mombasa'] } });
		await participation.submitAnswers(id, answerForm({ ...ANSWER, region: 'Mombasa' }), 'r1', NOW);
		await participation.submitAnswers(id, answerForm({ ...ANSWER, region: '' }), 'r2', NOW);
		const rows = await db().select({ region: responses.region }).from(responses).where(eq(responses.consultationId, id));
		expect(rows.map((r) => r.region).sort()).toEqual(['Mombasa', null]);
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, region: '12 Moi Avenue, Nairobi' }), 'r3', NOW)).rejects.toMatchObject({ fields: { region: 'region_not_listed' } });
		const without = await openConsultation();
		await expect(participation.submitAnswers(without.id, answerForm({ ...ANSWER, region: 'Nairobi' }), 'r4', NOW)).rejects.toMatchObject({ fields: { region: 'region_not_listed' } });
		expect((await db().select().from(responses).where(eq(responses.consultationId, id))).length).toBe(2);
	});

	it('refuses unknown options, missing required answers, over-long text, outsiders and closed consultations, storing nothing', async () => {
		const { id, organiser } = await openConsultation();
		const before = (await db().select().from(responses)).length;
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, q_where: 'hacker' }), 'k', NOW)).rejects.toMatchObject({ fields: { q_where: 'option_unknown' } });
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, q_where: '' }), 'k', NOW)).rejects.toMatchObject({ fields: { q_where: 'answer_required' } });
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, q_idea: 'x'.repeat(1001) }), 'k', NOW)).rejects.toMatchObject({ fields: { q_idea: 'text_too_long' } });
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, ageBand: 'under-9', country: 'FR' }), 'k', NOW)).rejects.toMatchObject({ fields: { ageBand: 'age_band_invalid', country: 'country_invalid' } });
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, q_order_fast: '2' }), 'k', NOW)).rejects.toMatchObject({ fields: { q_order: 'ranking_invalid' } });
		await expect(participation.submitAnswers(id, answerForm(ANSWER), 'k', new Date('2027-01-01T00:00:00Z'))).rejects.toMatchObject({ status: 409, code: 'consultation_closed' });
		await participation.closeConsultation(organiser, id, NOW);
		await expect(participation.submitAnswers(id, answerForm(ANSWER), 'k', NOW)).rejects.toMatchObject({ code: 'consultation_closed' });
		expect((await db().select().from(responses)).length).toBe(before);
	});

	it("accepts \"I'd rather not say\" everywhere", async () => {
		const { id } = await openConsultation();
		await participation.submitAnswers(id, answerForm({ ageBand: '13-18', country: 'KE', q_where: 'prefer_not', q_which: ['prefer_not', 'helpline'], q_easy: 'prefer_not', q_order_prefer_not: 'on' }), 'k3', NOW);
		const [row] = await db().select().from(responses).where(eq(responses.consultationId, id));
		expect(row.answers).toEqual({ where: 'prefer_not', which: 'prefer_not', easy: 'prefer_not', order: 'prefer_not' });
	});

	it('scrubs personal data from free text, flags concern without storing it, and keeps the text for a moderator', async () => {
		const { id, organiser, reviewer } = await openConsultation();
		const out = await participation.submitAnswers(id, answerForm({ ...ANSWER, q_idea: 'My name is Amina, call me on 0712 345 678. A man online threatens me.' }), 'k4', NOW);
		expect(out).toEqual({ scrubbed: true, concern: true });
		const [t] = await db().select().from(texts).where(eq(texts.consultationId, id));
		expect(t.text).not.toMatch(/Amina|0712|345/);
		expect(t.status).toBe('pending');
		expect(Object.keys(t).sort()).toEqual(['ageBand', 'consultationId', 'country', 'id', 'moderatedBy', 'questionId', 'quote', 'status', 'submittedOn', 'text']);
		// the organiser does not see it until a moderator approved it
		expect((await participation.textsFor(organiser, id)).rows).toEqual([]);
		await expect(participation.moderateText(organiser, t.id, { verdict: 'approve' })).rejects.toMatchObject({ status: 403 });
		await participation.moderateText(reviewer, t.id, { verdict: 'approve', quote: true });
		expect((await participation.textsFor(organiser, id)).rows.map((r) => r.id)).toEqual([t.id]);
	});

	it('one-time class codes work once and are optional', async () => {
		const { id, organiser } = await openConsultation();
		const [code] = await participation.createClassCodes(organiser, id, 2);
		expect(code).toMatch(/^[A-Z2-9]{8}$/);
		await participation.submitAnswers(id, answerForm({ ...ANSWER, code: code.toLowerCase() }), 'k5', NOW);
		await expect(participation.submitAnswers(id, answerForm({ ...ANSWER, code }), 'k5', NOW)).rejects.toMatchObject({ fields: { code: 'code_invalid' } });
		const stored = await db().select().from(classCodes).where(eq(classCodes.consultationId, id));
		expect(stored.every((c) => c.codeHash !== code && /^[0-9a-f]{64}$/.test(c.codeHash))).toBe(true);
		expect(stored.filter((c) => c.usedOn).map((c) => c.usedOn)).toEqual(['2026-06-15']);
	});

	it('is rate limited per client (hashed key, counted in the rate-limit table)', async () => {
		const { id } = await openConsultation();
		const old = process.env.RATE_LIMITS;
		delete process.env.RATE_LIMITS;
		try {
			for (let i = 0; i < participation.ANSWER_LIMIT.max; i++) await participation.submitAnswers(id, answerForm(ANSWER), 'same-client', NOW);
			await expect(participation.submitAnswers(id, answerForm(ANSWER), 'same-client', NOW)).rejects.toMatchObject({ status: 429 });
		} finally {
			if (old !== undefined) process.env.RATE_LIMITS = old;
		}
	});
});

describe('results, response and retention', () => {
	it('results are hidden while open, suppressed when closed, and the response is published', async () => {
		const { id, organiser } = await openConsultation({ countries: ['KE'], ageBands: ['9-12', '13-18'] });
		for (let i = 0; i < 12; i++) await participation.submitAnswers(id, answerForm(ANSWER), `r${i}`, NOW);
		for (let i = 0; i < 3; i++) await participation.submitAnswers(id, answerForm({ ...ANSWER, ageBand: '13-18' }), `s${i}`, NOW);
		await expect(participation.publicResults(id, '2026-06-15')).rejects.toMatchObject({ status: 404 });
		await expect(participation.publishResponse(organiser, id, { response: { en: 'We heard you.' } }, NOW)).rejects.toMatchObject({ status: 409 });
		await participation.closeConsultation(organiser, id, NOW);
		const r = await participation.publicResults(id, '2026-06-16');
		expect(r.tally.total).toBe(15);
		// 13-18 has 3 answers: hidden, and 9-12 with it (15 - 12 would give it away)
		expect(r.tally.byBand).toEqual([{ key: '13-18', n: null }, { key: '9-12', n: null }]);
		expect(r.tally.byCountry).toEqual([{ key: 'KE', n: 15 }]);
		await participation.publishResponse(organiser, id, { response: { en: 'We heard you. Help pages will be easier to find.' } }, NOW);
		const c = (await participation.getConsultation(id))!;
		expect(participation.presentConsultation(c, '2026-06-16').status).toBe('responded');
	});

	it('purgeExpiredAnswers folds answers into the aggregate and deletes them after the retention period', async () => {
		const { id, organiser, reviewer } = await openConsultation({ retentionDays: 30 });
		for (let i = 0; i < 11; i++) await participation.submitAnswers(id, answerForm({ ...ANSWER, q_idea: i === 0 ? 'More help in school' : '' }), `p${i}`, NOW);
		const [t] = await db().select().from(texts).where(eq(texts.consultationId, id));
		await participation.moderateText(reviewer, t.id, { verdict: 'approve', quote: true });
		await participation.closeConsultation(organiser, id, NOW);
		const before = await participation.publicResults(id, '2026-06-16');
		expect(await participation.purgeExpiredAnswers(new Date('2026-07-10T00:00:00Z'))).toBe(0);
		expect(await participation.purgeExpiredAnswers(new Date('2026-07-20T00:00:00Z'))).toBe(1);
		expect(await db().select().from(responses).where(eq(responses.consultationId, id))).toEqual([]);
		const after = await participation.publicResults(id, '2026-07-20');
		expect(after.tally).toEqual(before.tally);
		expect(after.quotes.map((q) => q.text)).toEqual(['More help in school']);
		const [c] = await db().select().from(consultations).where(eq(consultations.id, id));
		expect(c.purgedOn).toBe('2026-07-20');
		expect(await participation.purgeExpiredAnswers(new Date('2026-08-20T00:00:00Z'))).toBe(0);
	});

	it('runs as a daily job that purges in its own transaction and schedules the next day', async () => {
		const jobs = await import('../platform/jobs');
		const { jobs: jobRows } = await import('../platform/schema');
		const { id, organiser } = await openConsultation({ retentionDays: 30 });
		for (let i = 0; i < 3; i++) await participation.submitAnswers(id, answerForm(ANSWER), `j${i}`, NOW);
		await participation.closeConsultation(organiser, id, NOW);
		const day = new Date('2026-09-01T00:00:00Z');
		await participation.scheduleRetention(db(), day);
		expect(await jobs.runDue(new Date('2026-09-02T04:00:00Z'))).toBeGreaterThanOrEqual(1);
		expect(await db().select().from(responses).where(eq(responses.consultationId, id))).toEqual([]);
		const keys = (await db().select().from(jobRows)).map((j) => j.key);
		expect(keys).toContain('participation.retention:2026-09-03');
	});
});

describe('demo', () => {
	it('seeds one open campaign consultation and one closed one with synthetic, suppressed results', async () => {
		const { seedParticipationDemo } = await import('./demo');
		await db().transaction((tx) => seedParticipationDemo(tx, NOW));
		const c = await participation.getByCampaign('find-help-online');
		expect(participation.phase(c, '2026-06-15')).toBe('open');
		const [closed] = (await participation.listPublished()).filter((x) => x.isDemo && x.status === 'closed');
		const r = await participation.publicResults(closed.id, '2026-06-15');
		expect(r.tally.total).toBe(234);
		expect(r.tally.byCountry.find((g) => g.key === 'RW')!.n).toBeNull();
		expect(r.tally.byBand.find((g) => g.key === 'under-9')!.n).toBeNull();
		expect(r.tally.byCountry.find((g) => g.key === 'KE')!.n).toBe(125);
	});
});

describe('the answers table', () => {
	it('has no column for anything but the answers, band, country, region and the day', async () => {
		const { sql } = await import('drizzle-orm');
		const cols = await db().execute(sql`select column_name, data_type from information_schema.columns where table_name = 'participation_responses' order by column_name`);
		const rows = (cols as unknown as { rows: { column_name: string; data_type: string }[] }).rows;
		expect(rows.map((r) => `${r.column_name}:${r.data_type}`)).toEqual(['age_band:text', 'answers:jsonb', 'consultation_id:uuid', 'country:text', 'id:uuid', 'region:text', 'submitted_on:date']);
	});

	it('property: no posted form makes submitAnswers fail with anything but a 4xx', async () => {
		const fc = (await import('fast-check')).default;
		const { id } = await openConsultation();
		await fc.assert(
			fc.asyncProperty(fc.dictionary(fc.constantFrom('ageBand', 'country', 'code', 'q_where', 'q_which', 'q_easy', 'q_order_fast', 'q_idea'), fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('9-12', 'KE', 'adult', '4', 'prefer_not'))), async (raw) => {
				try {
					await participation.submitAnswers(id, answerForm(raw), 'prop', NOW);
				} catch (e) {
					expect((e as { status?: number }).status).toBeGreaterThanOrEqual(400);
					expect((e as { status?: number }).status).toBeLessThan(500);
				}
			}),
			{ numRuns: 60 }
		);
	});
});
