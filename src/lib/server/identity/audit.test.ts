import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { db } from '../db';
import { useFreshDatabase } from '../test/db';
import { grant, makeUser } from '../test/factories';
import * as identity from '.';

useFreshDatabase();

async function write(n: number) {
	const u = await makeUser();
	const actor = { id: u.id, email: u.email, name: u.name, grants: [] };
	for (let i = 0; i < n; i++) {
		await db().transaction((tx) => identity.audit.record(tx, actor, { action: 'test.step', entityType: 'thing', entityId: String(i), before: { i, at: new Date(0) }, after: { n: 0.1 * i, list: [i, 'x'] } }));
	}
}

async function rawExecute(statement: string) {
	await db().execute(sql.raw(statement));
}

describe('the audit log is append-only and hash-chained', () => {
	it('chains every entry and verifies', async () => {
		await write(5);
		const check = await identity.audit.verifyChain();
		expect(check.ok).toBe(true);
		expect(check.checked).toBeGreaterThanOrEqual(5);
	});

	it('keeps one chain when entries are written concurrently', async () => {
		const u = await makeUser();
		const actor = { id: u.id, email: u.email, name: u.name, grants: [] };
		await Promise.all(
			Array.from({ length: 20 }, (_, i) => db().transaction((tx) => identity.audit.record(tx, actor, { action: 'test.concurrent', entityType: 'thing', entityId: `c${i}` })))
		);
		expect((await identity.audit.verifyChain()).ok).toBe(true);
	});

	it('refuses updates and deletes in the database itself', async () => {
		await expect(rawExecute(`update audit_log set action = 'forged' where id = (select max(id) from audit_log)`)).rejects.toThrow();
		await expect(rawExecute(`delete from audit_log where id = (select max(id) from audit_log)`)).rejects.toThrow();
		await expect(rawExecute(`truncate audit_log`)).rejects.toThrow();
		// blanking the copied email (account anonymised) is allowed and keeps the chain valid
		await rawExecute(`update audit_log set actor_email = null where id = (select min(id) from audit_log)`);
		expect((await identity.audit.verifyChain()).ok).toBe(true);
	});

	it('detects an entry edited by someone who switched the guard off', async () => {
		await rawExecute(`alter table audit_log disable trigger audit_log_append_only`);
		await rawExecute(`update audit_log set after = '{"forged":true}' where id = (select min(id) + 1 from audit_log)`);
		await rawExecute(`alter table audit_log enable trigger audit_log_append_only`);
		const check = await identity.audit.verifyChain();
		expect(check.ok).toBe(false);
		expect(check.brokenAt?.reason).toBe('hash_mismatch');
	});

	it('detects a deleted entry', async () => {
		await db().transaction(async (tx) => {
			await tx.execute(sql`select set_config('cop.audit_prune', 'on', true)`);
			await tx.execute(sql`delete from audit_log where id = (select max(id) - 2 from audit_log)`);
		});
		const check = await identity.audit.verifyChain();
		expect(check.ok).toBe(false);
	});
});

describe('searching the audit log and the people list', () => {
	it('answers a search with a NUL byte or wildcards instead of failing', async () => {
		await write(2);
		const admin = await makeUser({ grants: [grant('admin')] });
		expect(await identity.audit.list({ q: 'test.\u0000step' })).not.toHaveLength(0);
		expect(await identity.audit.list({ q: '%' })).toHaveLength(0);
		expect((await identity.listUsers(admin, { q: '\u0000' })).total).toBeGreaterThan(0);
		expect((await identity.listUsers(admin, { q: '_' })).users).toHaveLength(0);
	});
});
