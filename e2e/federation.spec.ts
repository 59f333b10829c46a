// Federation journey with two real instances on 127.0.0.1: the hub is the journeys' server; a
// national instance speaking for Kenya is started here on its own database (E2E_PORT + 1, a fresh
// PGlite folder or its own PostgreSQL database). There, its administrator answers Kenya's 2023
// assessment as focal point and a validator invited for Kenya accepts every answer. The hub's admin
// registers the member by the key fingerprint read from its /.well-known/cop-instance and pulls it;
// the world dashboard, the open data (SDMX with SOURCE_INSTANCE), the legal tracker and the events
// list show Kenya's validated data and public events with their source. Then the member goes down,
// and the hub keeps the data and shows the failure. /admin/federation in English and Arabic.
import { spawn, type ChildProcess } from 'node:child_process';
import { ADMIN, enrolTwoFactor, expect, scan, signIn, test } from './fixtures';
import { answerPage, go, rulePage, scanOnce } from './workspace';

const HUB_PORT = Number(process.env.E2E_PORT ?? 4173);
const MEMBER_PORT = HUB_PORT + 1;
const MEMBER = `http://127.0.0.1:${MEMBER_PORT}`;
const MEMBER_NAME = 'Kenya national COP instance (e2e)';
/** the national instance's own administrator (the same password as the hub's) */
const MEMBER_ADMIN = 'admin.kenya@e2e.test';

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
		env: { ...process.env, E2E_PORT: String(MEMBER_PORT), E2E_ADMIN_EMAIL: MEMBER_ADMIN, FEDERATION_COUNTRIES: 'KE', FEDERATION_NAME: MEMBER_NAME, FEDERATION_ROLE: 'publish' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	await waitUp(`${MEMBER}/healthz`, 200_000);
});

test.afterAll(async () => {
	await stopMember();
});

test('a hub pulls a national instance, shows its country with the source, and keeps it when the member is down', async ({ page, request, browser }) => {
	test.setTimeout(900_000); // the national assessment cycle alone has taken minutes on a loaded 2-core machine

	// on the national instance: its administrator invites a focal point and a validator for Kenya;
	// the focal point answers Kenya's 2023 assessment (a year before the demo data, so the hub's
	// latest period stays as the other journeys expect) and submits it, the validator accepts every answer
	const national = await browser.newContext({ baseURL: MEMBER });
	const admin = await national.newPage();
	await signIn(admin, MEMBER_ADMIN, ADMIN.password);
	const stamp = Date.now().toString(36);
	const invites: Record<string, string> = {};
	for (const [role, email] of [['focal_point', `focal.kenya.${stamp}@example.org`], ['validator', `validator.kenya.${stamp}@example.org`]]) {
		await admin.goto('/admin/invites');
		await scanOnce(admin);
		await admin.locator('input[name=email]').fill(email);
		await admin.locator('input[name=name]').fill(role === 'validator' ? 'Kenya Validator' : 'Kenya Focal Point');
		await admin.locator('select[name=role]').selectOption(role);
		await admin.locator('input[name=scopeKind][value=country]').check();
		await admin.locator('select[name=country]').selectOption('KE');
		await admin.locator('form[action="?/invite"] button[type=submit]').click();
		await expect(admin.locator('p.notice')).toContainText(email);
		await scan(admin);
		await admin.goto('/admin/outbox');
		await scan(admin);
		await go(admin, () => admin.locator('tr', { hasText: email }).first().locator('a').click());
		invites[email] = /\/invite\/[A-Za-z0-9_-]+/.exec(await admin.locator('pre.mail-body').innerText())![0];
	}
	await national.close();
	/** Accepts an invitation in a browser of its own on the national instance (and sets up a second factor if the role needs one). */
	const accept = async (email: string) => {
		const p = await (await browser.newContext({ baseURL: MEMBER })).newPage();
		await p.goto(invites[email]);
		await scan(p);
		await p.locator('input[name=password]').fill('a long and good password');
		await p.locator('main form button[type=submit]').click();
		await p.waitForURL(/\/account(\/two-factor)?$/);
		if (p.url().endsWith('/two-factor')) await enrolTwoFactor(p, email);
		else await scan(p);
		return p;
	};
	const [focalEmail, validatorEmail] = Object.keys(invites);

	const fp = await accept(focalEmail);
	await fp.goto('/workspace');
	await scanOnce(fp);
	await fp.locator('select[name=country]').selectOption('KE');
	await fp.locator('input[name=period]').fill('2023');
	await go(fp, () => fp.locator('form[action="?/open"] button[type=submit]').click());
	await fp.waitForURL(/\/workspace\/assessments\/[0-9a-f-]+$/);
	const overview = fp.url();
	await go(fp, () => fp.locator('main table a').first().click());
	const withFile = { done: false };
	for (let i = 0; i < 5; i++) {
		await answerPage(fp, withFile);
		const next = fp.locator('nav.pager a[rel=next]');
		if (!(await next.count())) break;
		await go(fp, () => next.click());
	}
	await fp.goto(overview);
	await scanOnce(fp);
	await go(fp, () => fp.locator('form[action="?/submit"] button').click());
	await expect(fp.locator('p.notice[role=status]')).toBeVisible();
	await fp.context().close();

	const val = await accept(validatorEmail);
	await val.goto('/workspace/queue');
	await scan(val);
	for (let guard = 0; guard < 10; guard++) {
		const item = val.locator('main table a').first();
		if (!(await item.count())) break;
		await go(val, () => item.click());
		await rulePage(val, false);
		await val.goto('/workspace/queue');
		await scanOnce(val);
	}
	await expect(val.locator('main table')).toHaveCount(0);
	await val.context().close();
	// validated on the national instance: public there, and not demo data
	const home = await (await request.get(`${MEMBER}/api/v1/progress/observations.json?ref_area=KE&period=2023`)).json();
	const validated = home.data.find((o: { indicator: string }) => o.indicator === 'OVERALL');
	expect(validated).toMatchObject({ refArea: 'KE', timePeriod: 2023, demo: false, validationStatus: 'validated' });

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

	// and the open data carries it: the assessment validated at home, with the member as its source
	const csv = await (await request.get('/api/v1/progress/observations.csv?ref_area=KE')).text();
	expect(csv).toContain('KE,country,OVERALL');
	const onHub = await (await request.get('/api/v1/progress/observations.json?ref_area=KE&period=2023')).json();
	expect(onHub.data.find((o: { indicator: string }) => o.indicator === 'OVERALL')).toMatchObject({ value: validated.value, demo: false, validationStatus: 'validated', source: MEMBER });
	// SDMX-CSV: the member's address in the SOURCE_INSTANCE attribute column
	const sdmx = await (await request.get('/api/v1/progress/sdmx.csv?ref_area=KE')).text();
	expect(sdmx.split('\r\n')[0]).toMatch(/,VALIDATION_STATUS,SOURCE_INSTANCE$/);
	expect(sdmx).toContain(`,VALIDATED,${MEMBER}\r\n`);
	expect(sdmx).toMatch(new RegExp(`,KE,OVERALL,2023,[0-9.]+,SCORE,A,VALIDATED,${MEMBER.replace(/[.]/g, '\\.')}\r\n`));

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
	const memberEventHref = (await link.getAttribute('href'))!;
	expect(memberEventHref).toMatch(new RegExp(`^${MEMBER}/events/[0-9a-f-]{36}$`));
	await page.goto('/ar/events?country=KE');
	await scan(page);
	await expect(page.getByRole('heading', { name: 'فعاليات تشاركها المنصات الوطنية' })).toBeVisible();
	expect(await page.locator('section a[href^="' + MEMBER + '/ar/events/"]').count()).toBeGreaterThan(0);
	// and in the hub's open data and calendar feed, under the member's own link and UID
	const memberEventId = /\/events\/([0-9a-f-]{36})$/.exec(memberEventHref)![1];
	const api = await (await request.get('/api/v1/events?country=KE')).json();
	expect(api.shared.find((e: { id: string }) => e.id === memberEventId)).toMatchObject({ url: `${MEMBER}/events/${memberEventId}`, source: { name: MEMBER_NAME } });
	const ics = await (await request.get('/events.ics')).text();
	expect(ics.replace(/\r\n /g, '')).toContain(`UID:${memberEventId}@${new URL(MEMBER).host}`);

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

	// the member leaves: the hub's administrator removes it, and its data goes with it (this also
	// gives the journeys after this one the hub they expect)
	await page.goto('/admin/federation');
	await page.getByRole('button', { name: new RegExp(`Remove ${MEMBER.replace(/[.]/g, '\\.')}`) }).click();
	await expect(page.getByRole('status')).toContainText('removed');
	await scan(page);
	const gone = await (await request.get('/api/v1/progress/observations.json?ref_area=KE&period=2023')).json();
	expect(gone.data).toEqual([]);
	await page.goto('/events?country=KE');
	await scan(page);
	await expect(page.getByRole('heading', { name: 'Events shared by national platforms' })).toHaveCount(0);
});
