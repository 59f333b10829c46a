import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import * as identity from '../identity';
import { archiveAndPrune } from '../identity/audit-retention';
import { changeRequests } from '../directory/schema';
import '../directory';
import '../learning';
import '../progress';
import { statements } from '../learning/schema';
import { outbox } from '../mail/schema';
import * as mail from '../mail';
import { answers, evidence } from '../progress/schema';
import { useFreshDatabase } from '../test/db';
import { seedPublishedAssessment } from '../test/progress';
import { assessments } from '../progress/schema';
import * as retention from './retention';

useFreshDatabase();

const DAY = 86_400_000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

describe('retention periods', () => {
	it('every module registers its rule with a default written in docs/privacy.md', async () => {
		const docs = await readFile('docs/privacy.md', 'utf8');
		const names = retention.registered().map((r) => r.name);
		expect(names).toEqual(expect.arrayContaining(['audit_log', 'directory_requests', 'evidence_files', 'outbox', 'xapi_statements']));
		for (const name of names) expect(docs).toContain(`RETENTION_${name.toUpperCase()}_DAYS`);
	});

	it('a deployment sets a period, or 0 to keep forever; nonsense is refused at once', () => {
		const rule = { name: 'outbox', defaultDays: 30 };
		expect(retention.periodDays(rule, {})).toBe(30);
		expect(retention.periodDays(rule, { RETENTION_OUTBOX_DAYS: '90' })).toBe(90);
		expect(retention.periodDays(rule, { RETENTION_OUTBOX_DAYS: '0' })).toBeNull();
		expect(() => retention.periodDays(rule, { RETENTION_OUTBOX_DAYS: 'soon' })).toThrow(/whole number/);
		expect(() => retention.periodDays(rule, { RETENTION_OUTBOX_DAYS: '-1' })).toThrow(/whole number/);
	});
});

describe('the daily run removes what is older than each period, and only that', () => {
	it('outbox, decided requests, xAPI statements and evidence files of long-validated assessments', async () => {
		const d = db();
		const [oldMail, newMail, queued] = await Promise.all([
			mail.enqueue(d, { to: 'a@example.org', subject: 'old', body: 'x' }),
			mail.enqueue(d, { to: 'b@example.org', subject: 'new', body: 'x' }),
			mail.enqueue(d, { to: 'c@example.org', subject: 'queued', body: 'x' })
		]);
		await d.update(outbox).set({ status: 'sent', sentAt: ago(40) }).where(eq(outbox.id, oldMail));
		await d.update(outbox).set({ status: 'sent', sentAt: ago(5) }).where(eq(outbox.id, newMail));
		await d.update(outbox).set({ status: 'queued', createdAt: ago(400) }).where(eq(outbox.id, queued));

		const [oldDecided, pending] = await d
			.insert(changeRequests)
			.values([
				{ kind: 'report_problem', message: 'old', contact: 'me@example.org', status: 'approved', decidedAt: ago(400) },
				{ kind: 'report_problem', message: 'waiting', status: 'pending', createdAt: ago(400) }
			])
			.returning({ id: changeRequests.id });

		await d.insert(statements).values([
			{ id: crypto.randomUUID(), verb: 'old', statement: {}, stored: ago(1200) },
			{ id: crypto.randomUUID(), verb: 'recent', statement: {}, stored: ago(10) }
		]);

		const oldAssessment = await seedPublishedAssessment(d, { country: 'KE', period: 2018 });
		const recentAssessment = await seedPublishedAssessment(d, { country: 'UG', period: 2025 });
		await d.update(assessments).set({ status: 'validated', updatedAt: ago(2000) }).where(eq(assessments.id, oldAssessment));
		await d.update(assessments).set({ status: 'validated', updatedAt: ago(10) }).where(eq(assessments.id, recentAssessment));
		const answerOf = async (a: string) => (await d.select({ id: answers.id }).from(answers).where(eq(answers.assessmentId, a)).limit(1))[0].id;
		const file = (answerId: string) => ({ answerId, kind: 'file', filename: 'law.pdf', mediaType: 'application/pdf', size: 4, bytes: Buffer.from('%PDF') });
		const [oldFile, recentFile] = await d.insert(evidence).values([file(await answerOf(oldAssessment)), file(await answerOf(recentAssessment))]).returning({ id: evidence.id });

		process.env.RETENTION_AUDIT_LOG_DAYS = '0'; // the audit log is tested below, with its own archive folder
		try {
			const report = await d.transaction((tx) => retention.runAll(tx, now));
			expect(report).toMatchObject({ outbox: 1, directory_requests: 1, xapi_statements: 1, evidence_files: 1, audit_log: 'kept' });
		} finally {
			delete process.env.RETENTION_AUDIT_LOG_DAYS;
		}

		expect((await d.select({ id: outbox.id }).from(outbox)).map((r) => r.id).sort()).toEqual([newMail, queued].sort());
		expect((await d.select({ id: changeRequests.id }).from(changeRequests)).map((r) => r.id)).toEqual([pending.id]);
		expect(oldDecided.id).not.toBe(pending.id);
		expect((await d.select({ verb: statements.verb }).from(statements)).map((r) => r.verb)).toEqual(['recent']);
		const files = await d.select({ id: evidence.id, bytes: evidence.bytes, filename: evidence.filename }).from(evidence);
		expect(files.find((f) => f.id === oldFile.id)).toMatchObject({ bytes: null, filename: 'law.pdf' });
		expect(files.find((f) => f.id === recentFile.id)?.bytes).not.toBeNull();
	});

	it('the audit log is archived to a file before it is pruned, and the chain still verifies', async () => {
		const admin = await identity.createAdmin({ email: 'retention-admin@example.org', password: 'a long admin password' });
		expect(admin).toBeTruthy();
		const before = await identity.audit.verifyChain();
		expect(before.ok).toBe(true);
		const dir = await mkdtemp(path.join(os.tmpdir(), 'audit-archive-'));
		const { count, file } = await db().transaction((tx) => archiveAndPrune(tx, new Date(Date.now() + DAY), dir));
		expect(count).toBe(before.checked);
		expect(await readdir(dir)).toEqual([path.basename(file!)]);
		const lines = (await readFile(file!, 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
		expect(lines).toHaveLength(count);
		expect(lines[0]).toHaveProperty('hash');
		expect(await identity.audit.list({ limit: 10 })).toEqual([]);
		// the chain goes on from its anchor, and still verifies
		await db().transaction((tx) => identity.audit.record(tx, null, { action: 'test.after_prune', entityType: 'test', entityId: 'x' }));
		expect(await identity.audit.verifyChain()).toEqual({ ok: true, checked: 1 });
	});
});
