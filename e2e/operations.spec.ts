// Operations: the server stops cleanly on SIGTERM, and app instances keep no state of their
// own (a session made on one instance is honoured by another on the same PostgreSQL).
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, totpCode } from './fixtures';
import pg from 'pg';
import { dropPgDatabase, freshPgDatabase, startInstance } from './instances';

test.describe.configure({ mode: 'serial', timeout: 180_000 });

function exited(proc: ChildProcess, ms: number): Promise<number | null> {
	return new Promise((resolve, reject) => {
		if (proc.exitCode !== null) return resolve(proc.exitCode);
		const t = setTimeout(() => reject(new Error('did not exit in time')), ms);
		proc.once('exit', (code) => {
			clearTimeout(t);
			resolve(code);
		});
	});
}

test('SIGTERM closes the database and the process exits', async () => {
	test.info().annotations.push({ type: 'no-axe', description: 'no page visited' });
	const dir = mkdtempSync(path.join(os.tmpdir(), 'cop-sigterm-'));
	const env: Record<string, string> = process.env.DATABASE_URL
		? { DATABASE_URL: await freshPgDatabase('cop_e2e_sigterm') }
		: { DATA_DIR: dir, DATABASE_URL: '' };
	const instance = await startInstance(4281, { ...env, ADMIN_PASSWORD: 'sigterm test password' });
	try {
		instance.proc.kill('SIGTERM');
		const code = await exited(instance.proc, 20_000);
		expect(code).toBe(0);
		expect(instance.output()).toContain('"msg":"database closed"');
		// the embedded database opens again: it was closed properly
		if (!process.env.DATABASE_URL) {
			const again = await startInstance(4282, env);
			again.proc.kill('SIGTERM');
			expect(await exited(again.proc, 20_000)).toBe(0);
		}
	} finally {
		instance.proc.kill('SIGKILL');
		rmSync(dir, { recursive: true, force: true });
		if (process.env.DATABASE_URL) await dropPgDatabase('cop_e2e_sigterm');
	}
});

test('a session made on one instance is honoured by another', async ({ playwright }) => {
	test.info().annotations.push({ type: 'no-axe', description: 'HTTP only' });
	test.skip(!process.env.DATABASE_URL, 'needs a PostgreSQL server (DATABASE_URL): an embedded database belongs to one process');
	const name = 'cop_e2e_two_instances';
	const url = new URL(await freshPgDatabase(name));
	// instances sharing one database share the master key too (sealed secrets: platform/secrets.ts)
	const env = { DATABASE_URL: url.toString(), ADMIN_EMAIL: 'two@e2e.test', ADMIN_PASSWORD: 'two instances password', SECRET_KEY: Buffer.alloc(32, 7).toString('base64') };
	// both start at once: migrations and first-run set-up must not collide
	const [a, b] = await Promise.all([startInstance(4283, env), startInstance(4284, env)]);
	try {
		const onA = await playwright.request.newContext({ baseURL: a.url });
		const signIn = await onA.post('/signin', {
			form: { email: 'two@e2e.test', password: 'two instances password' },
			headers: { origin: a.url, accept: 'text/html' },
			maxRedirects: 0
		});
		expect(signIn.status()).toBe(303);
		const cookie = (await onA.storageState()).cookies.find((c) => c.name === 'cop_session');
		expect(cookie).toBeTruthy();
		const onB = await playwright.request.newContext({ baseURL: b.url });
		const asAdmin = { cookie: `cop_session=${cookie!.value}` };
		// B knows the session, and that this admin has no second factor yet: the back office sends them to set it up
		const gate = await onB.get('/admin/users', { headers: asAdmin, maxRedirects: 0 });
		expect(gate.status()).toBe(303);
		expect(gate.headers().location).toBe('/account/two-factor');
		// set up on A, confirmed on B (the pending secret lives in the shared database, sealed with the shared key)
		expect((await onA.post('/account/two-factor?/start', { form: { form: 'start' }, headers: { origin: a.url, accept: 'text/html' }, maxRedirects: 0 })).status()).toBe(200);
		const secret = /id="totp-secret"[^>]*>([A-Z2-7]+)</.exec(await (await onB.get('/account/two-factor', { headers: asAdmin })).text())![1];
		const confirmed = await onB.post('/account/two-factor?/confirm', { form: { form: 'confirm', code: await totpCode('two@e2e.test', secret) }, headers: { ...asAdmin, origin: b.url, accept: 'text/html' }, maxRedirects: 0 });
		expect(confirmed.status()).toBe(200);
		const page = await onB.get('/admin/users', { headers: asAdmin });
		expect(page.status()).toBe(200);
		expect(await page.text()).toContain('two@e2e.test');
		const anonymous = await onB.get('/admin/users');
		expect(anonymous.status()).toBe(401);

		// public pages: each instance answers them from its page cache (its front door once kept), and
		// an edit made on A shows on the next anonymous request on A and on B (LISTEN/NOTIFY)
		const visitorA = await playwright.request.newContext({ baseURL: a.url });
		const visitorB = await playwright.request.newContext({ baseURL: b.url });
		const help = '/help?country=KE';
		for (const visitor of [visitorA, visitorB]) {
			expect((await visitor.get(help)).status()).toBe(200);
			expect((await visitor.get(help)).headers()['x-page-cache']).toBe('front');
		}
		const id = /\/help\/services\/([0-9a-f-]{36})/.exec(await (await visitorA.get(help)).text())![1];
		const editor = await (await onA.get(`/admin/directory/services/${id}`, { headers: asAdmin })).text();
		const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&#x27;/g, "'").replace(/&amp;/g, '&');
		const service = JSON.parse(unescape(/<textarea[^>]*name="json"[^>]*>([\s\S]*?)<\/textarea>/.exec(editor)![1]));
		const renamed = `${service.name.en} (edited on A)`;
		service.name.en = renamed;
		const saved = await onA.post(`/admin/directory/services/${id}?/save`, { form: { json: JSON.stringify(service) }, headers: { ...asAdmin, origin: a.url, accept: 'text/html' }, maxRedirects: 0 });
		expect(saved.status()).toBeLessThan(400);
		for (const visitor of [visitorA, visitorB]) {
			const after = await visitor.get(help);
			expect(after.headers()['x-page-cache']).toBe('miss');
			expect(await after.text()).toContain(renamed.replace(/&/g, '&amp;'));
			expect((await visitor.get(help)).headers()['x-page-cache']).toBe('front');
		}
		await visitorA.dispose();
		await visitorB.dispose();
		// exactly one admin was created although two instances started together
		const check = new pg.Client({ connectionString: url.toString() });
		await check.connect();
		const { rows } = await check.query(`select count(*)::int as n from role_grants where role = 'admin'`);
		await check.end();
		expect(rows[0].n).toBe(1);
		await onA.dispose();
		await onB.dispose();
	} finally {
		a.proc.kill('SIGTERM');
		b.proc.kill('SIGTERM');
		await Promise.all([exited(a.proc, 20_000).catch(() => a.proc.kill('SIGKILL')), exited(b.proc, 20_000).catch(() => b.proc.kill('SIGKILL'))]);
		await dropPgDatabase(name);
	}
});
