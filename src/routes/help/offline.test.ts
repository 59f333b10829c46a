// When the database is down: /help?country=XX shows the last known services and emergency numbers
// with a line saying they may be out of date; /healthz says why; other pages get a friendly 503.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { database, openDatabase, useDatabase, type Database } from '$lib/server/db';
import * as directory from '$lib/server/directory';
import { forgetHealth, isConnectionError } from '$lib/server/platform/health';
import { unavailablePage, RETRY_AFTER } from '$lib/server/platform/unavailable';
import { useFreshDatabase } from '$lib/server/test/db';
import { serviceInput } from '$lib/server/test/directory';
import { grant, makeUser } from '$lib/server/test/factories';
import { GET as healthz } from '../healthz/+server';
import { load } from './+page.server';

useFreshDatabase();

// opening a second PGlite (the broken one) takes seconds on a busy machine
vi.setConfig({ testTimeout: 240_000 });

const dir = mkdtempSync(path.join(os.tmpdir(), 'cop-snapshots-'));
directory.snapshotFolder(dir);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;
const help = async (query: string): Promise<Data> => load({ url: new URL(`http://localhost/help?${query}`), setHeaders() {} } as never);

/** Runs `fn` with the process's database replaced by a PGlite that has been closed: every query fails. */
async function withDatabaseDown<T>(fn: () => Promise<T>): Promise<T> {
	const real = database();
	const broken: Database = await openDatabase({ dataDir: 'memory://' });
	await broken.close();
	useDatabase(broken);
	forgetHealth();
	try {
		return await fn();
	} finally {
		useDatabase(real);
		forgetHealth();
	}
}

describe('help when the database is down', () => {
	it('shows the last known services and emergency numbers, and says they may be out of date', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		await directory.createService(mod, serviceInput({ name: { en: 'Kenya talk line' } }));
		await directory.createService(
			mod,
			serviceInput({ name: { en: 'Police emergency (test)' }, kind: 'emergency', channels: [{ type: 'phone', value: '+999 112', hours: { timezone: 'UTC', always: true, weekly: [], exceptions: [] } }] })
		);
		const live = await help('country=KE');
		expect(live.offline).toBeNull();
		expect(live.results.map((r: Data) => r.name.text)).toContain('Kenya talk line');
		expect(live.emergency.map((e: Data) => e.number)).toEqual(['+999 112']);
		expect(JSON.parse(readFileSync(path.join(dir, 'help-KE.json'), 'utf8')).country).toBe('KE');

		const down = await withDatabaseDown(() => help('country=KE'));
		expect(down.offline?.savedAt).toMatch(/UTC$/);
		expect(down.emergency.map((e: Data) => e.number)).toEqual(['+999 112']);
		expect(down.results.map((r: Data) => r.name.text).sort()).toEqual(live.results.map((r: Data) => r.name.text).sort());

		// after a restart (memory empty) it comes from the file, filters or not
		directory.snapshotFolder(dir);
		const fromDisk = await withDatabaseDown(() => help('country=KE&topic=sextortion'));
		expect(fromDisk.offline).not.toBeNull();
		expect(fromDisk.emergency.map((e: Data) => e.number)).toEqual(['+999 112']);
		expect(fromDisk.results.length).toBe(live.results.length);
	});

	it('a directory change refreshes the snapshot on the next visit', async () => {
		const mod = await makeUser({ grants: [grant('directory_moderator')] });
		const id = await directory.createService(mod, serviceInput({ name: { en: 'Uganda line' }, countries: ['UG'] }));
		await help('country=UG');
		await directory.updateService(mod, id, serviceInput({ name: { en: 'Uganda line, new name' }, countries: ['UG'] }));
		await help('country=UG');
		const down = await withDatabaseDown(() => help('country=UG'));
		expect(down.results.map((r: Data) => r.name.text)).toEqual(['Uganda line, new name']);
	});

	it('a country never seen still gets the page and the advice to call the emergency number', async () => {
		const down = await withDatabaseDown(() => help('country=TZ'));
		expect(down.offline).toEqual({ savedAt: null });
		expect(down.results).toEqual([]);
		expect(down.emergency).toEqual([]);
	});

	it('/healthz answers 503 with the reason', async () => {
		const res = await withDatabaseDown(async () => healthz({} as never));
		expect(res.status).toBe(503);
		expect(res.headers.get('retry-after')).toBe(String(RETRY_AFTER));
		const body = await res.json();
		expect(body.status).toBe('unavailable');
		expect(body.reason).toBe('database unreachable (pglite_closed)');
		const ok = await healthz({} as never);
		expect(ok.status).toBe(200);
	});

	it('other pages: 503, Retry-After, in the reader’s language, linking to the help finder', async () => {
		const fr = unavailablePage('fr');
		expect(fr.status).toBe(503);
		expect(fr.headers.get('retry-after')).toBe(String(RETRY_AFTER));
		const html = await fr.text();
		expect(html).toContain('<html lang="fr" dir="ltr">');
		expect(html).toContain('href="/fr/help"');
		expect(html).toContain('Trouver de l&#39;aide maintenant');
		expect(await unavailablePage('ar').text()).toContain('dir="rtl"');
		expect((await unavailablePage('en', { api: true }).json()).error).toBe('database_unavailable');
	});

	it('knows a connection failure from a bad query', () => {
		expect(isConnectionError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
		expect(isConnectionError(new Error('PGlite is closed'))).toBe(true);
		expect(isConnectionError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }))).toBe(true);
		expect(isConnectionError(new Error('Failed query', { cause: Object.assign(new Error('x'), { code: '08006' }) }))).toBe(true);
		expect(isConnectionError(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
	});
});
