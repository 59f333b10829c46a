// The national assessment cycle in the browser, in English and Arabic, every page scanned with axe:
// an admin grants a focal point and a validator for a country; the focal point answers every area,
// attaches evidence (a file and links) and submits; the validator queries one answer and accepts
// the others; the focal point replies and resubmits; the validator accepts; the published score
// appears in the open API.
import type { Browser, Page } from '@playwright/test';
import { ADMIN, expect, scan, signIn, signUp, test } from './fixtures';
import { answerPage, forgetScans, go, rulePage, scanOnce } from './workspace';

const PASSWORD = 'a long and good password';

const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Someone signs up in a browser of their own (the journey's pages are elsewhere). */
async function signUpElsewhere(browser: Browser, name: string, email: string, prefix: string): Promise<void> {
	const ctx = await browser.newContext();
	await signUp(await ctx.newPage(), { name, email, password: PASSWORD }, prefix, { quiet: true });
	await ctx.close();
}

async function grantRole(page: Page, prefix: string, name: string, email: string, role: string, country: string): Promise<void> {
	await page.goto(`${prefix}/admin/users?q=${encodeURIComponent(email)}`);
	await scan(page);
	await go(page, () => page.getByRole('link', { name }).click());
	await page.locator('select[name=role]').selectOption(role);
	await page.locator('input[name=scopeKind][value=country]').check();
	await page.locator('select[name=country]').selectOption(country);
	await page.locator('form[action="?/grant"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await scan(page);
}

async function switchUser(page: Page, email: string, prefix: string): Promise<void> {
	await page.context().clearCookies();
	forgetScans(page); // another person sees the same pages differently: scan them again
	await signIn(page, email, PASSWORD, prefix);
}

for (const [prefix, country] of [['', 'UG'], ['/ar', 'JO']] as const) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a focal point submits with evidence, a validator queries and accepts, and the published score reaches the open data (${lang})`, async ({ page, browser, request }) => {
		test.setTimeout(900_000); // a long journey: on a loaded 2-core machine it has taken over 5 minutes
		const id = unique();
		const fp = { name: `Focal ${id}`, email: `focal.${id}@example.org` };
		const val = { name: `Validator ${id}`, email: `validator.${id}@example.org` };
		await signUpElsewhere(browser, fp.name, fp.email, prefix);
		await signUpElsewhere(browser, val.name, val.email, prefix);

		// the admin grants the roles
		await signIn(page, ADMIN.email, ADMIN.password, prefix);
		// the starter framework shipped in content/ is published
		await page.goto(`${prefix}/admin/progress`);
		await scanOnce(page);
		await expect(page.locator('main table tbody tr').first()).toContainText('cop-starter 1');
		await grantRole(page, prefix, fp.name, fp.email, 'focal_point', country);
		await grantRole(page, prefix, val.name, val.email, 'validator', country);

		// the focal point opens the assessment and answers area by area
		await switchUser(page, fp.email, prefix);
		await go(page, () => page.locator('.main-nav a[href$="/workspace"]').click());
		await page.locator('select[name=country]').selectOption(country);
		await page.locator('input[name=period]').fill('2026');
		await go(page, () => page.locator('form[action="?/open"] button[type=submit]').click());
		await page.waitForURL(/\/workspace\/assessments\/[0-9a-f-]+$/);
		const overview = page.url();

		// submitting too early names what is missing: every question, area by area, with a link to it
		await go(page, () => page.locator('form[action="?/submit"] button').click());
		await expect(page.locator('.error-summary')).toBeVisible();
		const areas = await page.locator('section[aria-labelledby=pillars-h] tbody tr').count();
		await expect(page.locator('.submission-gaps h3')).toHaveCount(areas);
		await expect(page.locator('.submission-gaps a[href*="#q-"]').first()).toBeVisible();

		await go(page, () => page.locator('main table a').first().click());
		const withFile = { done: false };
		for (let i = 0; i < 5; i++) {
			await answerPage(page, withFile);
			const next = page.locator('nav.pager a[rel=next]');
			if (!(await next.count())) break;
			await go(page, () => next.click());
		}
		// the uploaded file is there to download
		await page.goto(overview);
		await scanOnce(page);
		// every answer is saved (not yet submitted): answered, nothing left to do
		for (const cell of await page.locator('section[aria-labelledby=pillars-h] tbody td:nth-child(3)').all()) await expect(cell).toHaveText('0');
		await go(page, () => page.locator('main table a').first().click());
		await expect(page.locator('.evidence a[href*="/workspace/evidence/"]').first()).toBeVisible();
		// it downloads as an attachment, never rendered as a page; strangers get nothing
		const evidenceHref = (await page.locator('.evidence a[href*="/workspace/evidence/"]').first().getAttribute('href'))!;
		const file = await page.request.get(evidenceHref);
		expect(file.status()).toBe(200);
		expect(file.headers()['content-disposition']).toMatch(/^attachment; filename="evidence\.pdf"/);
		expect(file.headers()['x-content-type-options']).toBe('nosniff');
		expect(file.headers()['cache-control']).toContain('no-store');
		expect((await file.body()).subarray(0, 5).toString()).toBe('%PDF-');
		const stranger = await request.get(evidenceHref, { maxRedirects: 0 });
		expect(stranger.status()).toBe(401);
		await page.goto(overview);
		await go(page, () => page.locator('form[action="?/submit"] button').click());
		await expect(page.locator('p.notice[role=status]')).toBeVisible();

		// nothing is public before validation
		const before = await (await request.get(`/api/v1/progress/observations.json?ref_area=${country}&period=2026`)).json();
		expect(before.data).toEqual([]);

		// the validator queries one answer and accepts the others
		await switchUser(page, val.email, prefix);
		await page.goto(`${prefix}/workspace/queue`);
		await scan(page);
		let queried = false;
		for (let guard = 0; guard < 10; guard++) {
			const item = page.locator('main table a').first();
			if (!(await item.count())) break;
			await go(page, () => item.click());
			await rulePage(page, !queried);
			queried = true;
			await page.goto(`${prefix}/workspace/queue`);
			await scanOnce(page);
		}
		await expect(page.locator('main table')).toHaveCount(0);

		// the focal point replies to the query and resubmits
		await switchUser(page, fp.email, prefix);
		await page.goto(overview);
		await scanOnce(page);
		const pillarLinks = await page.locator('main table a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
		let replied = false;
		for (const link of pillarLinks) {
			await page.goto(link);
			await scanOnce(page);
			const reply = page.locator('textarea[name=body]');
			if (!(await reply.count())) continue;
			await expect(page.locator('.thread')).toContainText('Which body runs this');
			await reply.first().fill('The national child helpline runs it, since 2019.');
			await go(page, () => page.locator('button[form^="reply-"]').first().click());
			await expect(page.locator('.thread').first()).toContainText('since 2019');
			replied = true;
			break;
		}
		expect(replied).toBe(true);
		await page.goto(overview);
		await go(page, () => page.locator('form[action="?/submit"] button').click());
		await expect(page.locator('p.notice[role=status]')).toBeVisible();

		// the validator accepts the answer
		await switchUser(page, val.email, prefix);
		await page.goto(`${prefix}/workspace/queue`);
		await scan(page);
		await go(page, () => page.locator('main table a').first().click());
		await rulePage(page, false);
		await page.goto(`${prefix}/workspace/queue`);
		await scanOnce(page);
		await expect(page.locator('main table')).toHaveCount(0);

		// the published score is in the open data, and is not demo data
		const after = await (await request.get(`/api/v1/progress/observations.json?ref_area=${country}&period=2026`)).json();
		const overall = after.data.find((o: { indicator: string }) => o.indicator === 'OVERALL');
		expect(overall).toMatchObject({ refArea: country, timePeriod: 2026, demo: false, validationStatus: 'validated' });
		expect(overall.value).toBeGreaterThanOrEqual(0);
		expect(overall.value).toBeLessThanOrEqual(100);
		const csv = await (await request.get(`/api/v1/progress/sdmx.csv?ref_area=${country}`)).text();
		expect(csv.split('\r\n')[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS,VALIDATION_STATUS,SOURCE_INSTANCE');
		expect(csv).toContain(`dataflow,COP:DF_COP_PROGRESS(1.0),I,A,${country},OVERALL,2026,`);

		// the public country dashboard and its status report PDF show the new score
		await page.goto(`${prefix}/progress/countries/${country}?period=2026`);
		await scan(page);
		const shown = new Intl.NumberFormat(prefix ? 'ar' : 'en', { maximumFractionDigits: 1 }).format(overall.value);
		await expect(page.locator('section[aria-labelledby=s-summary] dl.facts')).toContainText(shown);
		const pdf = await request.get(`${prefix}/progress/report.pdf?scope=${country}&period=2026`);
		expect(pdf.headers()['content-type']).toBe('application/pdf');
		expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
	});
}

test('evidence files are private to the people who may see the assessment', async ({ request }) => {
	const r = await request.get('/workspace/evidence/00000000-0000-0000-0000-000000000000', { maxRedirects: 0 });
	expect([401, 403, 404]).toContain(r.status());
});
