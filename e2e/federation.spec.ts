// Federation journey with two real instances on 127.0.0.1: the hub is the journeys' server; a
// national instance speaking for Kenya (its demo assessments are validated data there) is started
// here on its own database (E2E_PORT + 1, a fresh PGlite folder or its own PostgreSQL database).
// The hub's admin registers it by the key fingerprint read from its /.well-known/cop-instance,
// pulls it, and the world dashboard, SDMX export, legal tracker and events list show Kenya's
// validated data and public events with their source; then the member
// goes down and the hub keeps the data and shows the failure. /admin/federation in English and Arabic.
import { spawn, type ChildProcess } from 'node:child_process';
import { ADMIN, expect, scan, signIn, test } from './fixtures';

const HUB_PORT = Number(process.env.E2E_PORT ?? 4173);
const MEMBER_PORT = HUB_PORT + 1;
const MEMBER = `http://127.0.0.1:${MEMBER_PORT}`;
const MEMBER_NAME = 'Kenya national COP instance (e2e)';

let member: ChildProcess | undefined;

async function waitUp(url: string, ms: number): Promise<void> {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		try {
			if ((await fetch(url)).ok) return;
		} catch {
			/* not up yet */
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	throw new Error(`${url} did not come up`);
}

function stopMember(): Promise<void> {
	return new Promise((resolve) => {
		if (!member || member.exitCode !== null) return resolve();
		member.once('exit', () => resolve());
		member.kill('SIGTERM');
	});
}

test.beforeAll(async () => {
	test.setTimeout(240_000);
	member = spawn(process.execPath, ['scripts/e2e-server.js'], {
		env: { ...process.env, E2E_PORT: String(MEMBER_PORT), FEDERATION_COUNTRIES: 'KE', FEDERATION_NAME: MEMBER_NAME, FEDERATION_ROLE: 'publish' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitUp(`${MEMBER}/healthz`, 200_000);
});

test.afterAll(async () => {
	await stopMember();
});

test('a hub pulls a national instance, shows its country with the source, and keeps it when the member is down', async ({ page, request }) => {
	test.setTimeout(300_000);
	// out of band: the national unit tells the hub its key fingerprint
	const instance = await (await request.get(`${MEMBER}/.well-known/cop-instance`)).json();
	expect(instance).toMatchObject({ name: MEMBER_NAME, countries: ['KE'], role: 'publish' });
	const fingerprint: string = instance.keys.current.fingerprint;
	expect(fingerprint).toMatch(/^sha256:[0-9a-f]{64}$/);
	const manifest = await request.get(`${MEMBER}/api/v1/federation/feeds/progress/manifest.json`);
	expect(manifest.ok()).toBe(true);
	const etag = manifest.headers()['etag'];
	expect((await request.get(`${MEMBER}/api/v1/federation/feeds/progress/manifest.json`, { headers: { 'if-none-match': etag } })).status()).toBe(304);

	await signIn(page, ADMIN.email, ADMIN.password);
	await page.goto('/admin/federation');
	await scan(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Federation');

	// a wrong fingerprint is refused with a message, the values kept
	await page.getByLabel('Address (origin)').fill(MEMBER);
	await page.getByLabel('Key fingerprint agreed with the member').fill('not a fingerprint');
	await page.getByLabel('Countries it is trusted for').fill('KE');
	await page.getByRole('button', { name: 'Register the member' }).click();
	await scan(page);
	await expect(page.locator('.error-summary')).toContainText('64 hexadecimal');
	await expect(page.getByLabel('Address (origin)')).toHaveValue(MEMBER);

	await page.getByLabel('Key fingerprint agreed with the member').fill(fingerprint);
	await page.getByRole('button', { name: 'Register the member' }).click();
	await scan(page);
	await expect(page.getByRole('status')).toContainText('registered');

	await page.getByRole('button', { name: /Pull now/ }).click();
	await scan(page);
	// the scheduled first pull may have run already: then this one finds nothing new
	await expect(page.getByRole('status')).toContainText(/progress: (applied|unchanged)/);
	await expect(page.locator('main')).toContainText('progress: snapshot 1 of');
	await expect(page.locator('main')).toContainText(MEMBER_NAME);

	// the world dashboard lists Kenya with its source and snapshot date
	await page.goto('/progress');
	await scan(page);
	const sources = page.locator('section', { has: page.getByRole('heading', { name: 'Sources of federated figures' }) });
	await expect(sources).toContainText('Kenya');
	await expect(sources).toContainText(MEMBER_NAME);

	// and the open data carries it
	const csv = await (await request.get('/api/v1/progress/observations.csv?ref_area=KE')).text();
	expect(csv).toContain('KE,country,OVERALL');
	// SDMX-CSV: the member's address in the SOURCE_INSTANCE attribute column
	const sdmx = await (await request.get('/api/v1/progress/sdmx.csv?ref_area=KE')).text();
	expect(sdmx.split('\r\n')[0]).toMatch(/,VALIDATION_STATUS,SOURCE_INSTANCE$/);
	expect(sdmx).toContain(`,VALIDATED,${MEMBER}\r\n`);

	// the legal tracker shows Kenya's measures from the member, and says so
	await page.goto('/progress/legal?country=KE');
	await scan(page);
	const legalSources = page.locator('section', { has: page.getByRole('heading', { name: 'Sources of federated figures' }) });
	await expect(legalSources).toContainText('Kenya');
	await expect(legalSources).toContainText(MEMBER_NAME);

	// the member's public events for Kenya appear in the hub's events list, linking to the member
	await page.goto('/events?country=KE');
	await scan(page);
	const shared = page.locator('section', { has: page.getByRole('heading', { name: 'Events shared by national platforms' }) });
	await expect(shared).toContainText(MEMBER_NAME);
	const link = shared.getByRole('link', { name: 'Staying safe online: free session for pupils aged 10 to 14' });
	expect(await link.getAttribute('href')).toMatch(new RegExp(`^${MEMBER}/events/[0-9a-f-]{36}$`));
	await page.goto('/ar/events?country=KE');
	await scan(page);
	await expect(page.getByRole('heading', { name: 'فعاليات تشاركها المنصات الوطنية' })).toBeVisible();
	expect(await page.locator('section a[href^="' + MEMBER + '/ar/events/"]').count()).toBeGreaterThan(0);

	// the member goes down: the hub keeps the last good snapshot and shows the failure
	await stopMember();
	await page.goto('/admin/federation');
	await scan(page);
	await page.getByRole('button', { name: /Pull now/ }).click();
	await scan(page);
	await expect(page.getByRole('status')).toContainText('progress: failed (unreachable)');
	await expect(page.locator('main')).toContainText('failed pulls in a row');
	await expect(page.locator('main')).toContainText('Last good pull');
	await page.goto('/progress');
	await scan(page);
	const kept = page.locator('section', { has: page.getByRole('heading', { name: 'Sources of federated figures' }) });
	await expect(kept).toContainText('Kenya');
	// and says the figures may be out of date, with when the member was last heard from
	await expect(kept).toContainText('could not be reached at the last check');
	await expect(kept).toContainText('Last checked');

	// the back office in Arabic
	await page.goto('/ar/admin/federation');
	await scan(page);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('الاتحاد');
});
