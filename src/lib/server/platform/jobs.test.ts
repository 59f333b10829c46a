import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db';
import { outbox } from '../mail/schema';
import * as mail from '../mail';
import { useFreshDatabase } from '../test/db';
import * as jobs from './jobs';

const database = useFreshDatabase();

describe('jobs', () => {
	it('runs a due job once, with its writes committed together with done', async () => {
		jobs.register('test.mail', async (tx, payload) => {
			await mail.enqueue(tx, { to: (payload as { to: string }).to, subject: 'hello', body: 'b' });
		});
		await jobs.schedule(database().db, { kind: 'test.mail', key: 'test.mail:1', runAt: new Date(Date.now() - 1000), payload: { to: 'one@example.org' } });
		// scheduling again is a no-op
		await jobs.schedule(database().db, { kind: 'test.mail', key: 'test.mail:1', runAt: new Date(Date.now() - 1000), payload: { to: 'one@example.org' } });
		await jobs.schedule(database().db, { kind: 'test.mail', key: 'test.mail:later', runAt: new Date(Date.now() + 3_600_000), payload: { to: 'later@example.org' } });
		const ran = await Promise.all([jobs.runDue(), jobs.runDue(), jobs.runDue()]);
		expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
		const sent = await database().db.select().from(outbox).where(eq(outbox.to, 'one@example.org'));
		expect(sent).toHaveLength(1);
		expect((await jobs.list('test.mail:later'))[0].doneAt).toBeNull();
	});

	it('keeps a failing job for later with its error, undoing its writes', async () => {
		jobs.register('test.fail', async (tx) => {
			await mail.enqueue(tx, { to: 'never@example.org', subject: 's', body: 'b' });
			throw new Error('boom');
		});
		await jobs.schedule(database().db, { kind: 'test.fail', key: 'test.fail:1', runAt: new Date(Date.now() - 1000) });
		expect(await jobs.runDue()).toBe(1);
		const [job] = await jobs.list('test.fail:1');
		expect(job.attempts).toBe(1);
		expect(job.lastError).toBe('boom');
		expect(job.doneAt).toBeNull();
		expect(job.runAt.getTime()).toBeGreaterThan(Date.now());
		expect(await database().db.select().from(outbox).where(eq(outbox.to, 'never@example.org'))).toHaveLength(0);
	});

	it('never runs a job twice across two app instances (PostgreSQL)', async () => {
		if (database().kind !== 'postgres') return;
		// a second connection pool on the same database plays the second instance
		let count = 0;
		jobs.register('test.count', async () => {
			count++;
			await new Promise((r) => setTimeout(r, 20));
		});
		for (let i = 0; i < 20; i++) await jobs.schedule(database().db, { kind: 'test.count', key: `test.count:${i}`, runAt: new Date(Date.now() - 1000) });
		const { rows } = (await database().db.execute(sql`select current_database() as name`)) as unknown as { rows: { name: string }[] };
		const url = new URL(process.env.DATABASE_URL!);
		url.pathname = `/${rows[0].name}`;
		const other = await openDatabase({ url: url.toString() });
		try {
			const now = new Date();
			await Promise.all([jobs.runDue(now), jobs.runDue(now, 100, other.db), jobs.runDue(now), jobs.runDue(now, 100, other.db)]);
		} finally {
			await other.close();
		}
		expect(count).toBe(20);
	});

	it('unschedules by prefix only what has not run', async () => {
		await jobs.schedule(database().db, { kind: 'test.mail', key: 'test.x:1', runAt: new Date(Date.now() + 60_000), payload: { to: 'x@example.org' } });
		await jobs.unschedule(database().db, 'test.x:');
		expect(await jobs.list('test.x:')).toHaveLength(0);
		expect(await jobs.list('test.mail:1')).toHaveLength(1);
	});
});
