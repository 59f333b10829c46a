// Have your say, in the browser: the privacy promises of docs/participation.md (every request of a
// child's consultation recorded, in English and Arabic), and the whole loop (an organiser drafts, a
// safeguarding reviewer approves, a 12-year-old answers with JavaScript off, personal data is
// scrubbed, a worrying sentence shows help, the consultation closes, results are suppressed, the
// organiser publishes "you said, we did"). Every page the fixture's browser visits is scanned with axe.
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import type { Browser, BrowserContext, Page, Request, Response } from '@playwright/test';
import { ADMIN, expect, scan, signIn, signUp, test } from './fixtures';

const PASSWORD = 'a long and good password';
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Only these names may travel in a child's post: the answers, the band, the country, an optional region from the organiser's list, an optional class code. */
const ALLOWED_FIELD = /^(ageBand|country|region|code|q_[a-z0-9_-]+)$/;

function record(context: BrowserContext) {
	const requests: Request[] = [];
	const responses: Response[] = [];
	context.on('request', (r) => requests.push(r));
	context.on('response', (r) => responses.push(r));
	return { requests, responses };
}

async function noCookies(context: BrowserContext, responses: Response[]): Promise<void> {
	expect(await context.cookies()).toEqual([]);
	for (const r of responses) {
		const names = (await r.headersArray()).map((h) => h.name.toLowerCase());
		expect(names, `Set-Cookie on ${r.url()}`).not.toContain('set-cookie');
	}
}

/** The e2e server's database, when it runs on PostgreSQL (scripts/e2e-server.js names it after the port). */
async function e2eDatabase(): Promise<pg.Client | null> {
	if (!process.env.DATABASE_URL) return null;
	const url = new URL(process.env.DATABASE_URL);
	url.pathname = `/cop_e2e_${process.env.E2E_PORT ?? 4173}`;
	const client = new pg.Client({ connectionString: url.toString() });
	await client.connect();
	return client;
}

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a child's whole consultation sets no cookie, asks no other origin, posts only answers, band and country, and stores nothing else (${lang})`, async ({ page, baseURL }) => {
		test.setTimeout(300_000);
		const context = page.context();
		const rec = record(context);
		const origin = new URL(baseURL!).origin;

		await page.goto(`${prefix}/have-your-say`);
		await expect(page.locator('html')).toHaveAttribute('dir', prefix ? 'rtl' : 'ltr');
		await scan(page);
		await page.locator('input[name=band][value="9-12"]').check();
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('main form[method=GET] button[type=submit]').click();
		await page.waitForURL(/band=9-12&country=KE/);
		await scan(page);
		const link = page.locator('a[data-consultation]').first();
		const id = await link.getAttribute('data-consultation');
		await link.click();
		await page.waitForURL(new RegExp(`/have-your-say/${id}`));
		await scan(page);
		// the band and country chosen on the list are already selected; the quick exit is at hand
		await expect(page.locator('input[name=ageBand][value="9-12"]')).toBeChecked();
		await expect(page.locator('input[name=country][value=KE]')).toBeChecked();
		await expect(page.locator('.kids-bar a[data-quick-exit]')).toBeVisible();

		await page.locator('input[name=q_first][value=friend]').check();
		await page.locator('input[name=q_know][value=block]').check();
		await page.locator('input[name=q_easy][value="4"]').check();
		await page.locator('select[name=q_matters_private]').selectOption('1');
		await page.locator('select[name=q_matters_fast]').selectOption('3');
		await page.locator('select[name=q_matters_kind]').selectOption('2');
		await page.locator('textarea[name=q_idea]').fill('A help button inside every game');
		await page.locator('main form[method=POST] button[type=submit]').click();
		await expect(page.locator('.thanks')).toBeVisible();
		await scan(page);

		// every request: our origin only; exactly one POST, carrying only answers, band and country, and no cookie
		expect(rec.requests.filter((r) => new URL(r.url()).origin !== origin).map((r) => r.url())).toEqual([]);
		const posts = rec.requests.filter((r) => r.method() === 'POST');
		expect(posts).toHaveLength(1);
		const post = posts[0];
		expect(new URL(post.url()).pathname).toBe(`${prefix}/have-your-say/${id}`);
		const fields = [...new URLSearchParams(post.postData() ?? '').keys()];
		expect(fields.filter((f) => !ALLOWED_FIELD.test(f))).toEqual([]);
		expect(new URLSearchParams(post.postData() ?? '').get('ageBand')).toBe('9-12');
		expect(new URLSearchParams(post.postData() ?? '').get('country')).toBe('KE');
		expect(Object.keys(await post.allHeaders()).map((h) => h.toLowerCase())).not.toContain('cookie');
		await noCookies(context, rec.responses);

		// the row in the database holds the answers, band, country and the day: nothing else
		const client = await e2eDatabase();
		if (client) {
			try {
				const cols = await client.query(`select column_name from information_schema.columns where table_name = 'participation_responses' order by column_name`);
				expect(cols.rows.map((r) => r.column_name)).toEqual(['age_band', 'answers', 'consultation_id', 'country', 'id', 'region', 'submitted_on']);
				const rows = await client.query(`select age_band, country, region, answers, to_char(submitted_on, 'YYYY-MM-DD') as day from participation_responses where consultation_id = $1`, [id]);
				const mine = rows.rows.find((r) => r.answers.first === 'friend' && r.answers.easy === '4');
				expect(mine).toMatchObject({ age_band: '9-12', country: 'KE', region: null, day: new Date().toISOString().slice(0, 10), answers: { first: 'friend', know: ['block'], easy: '4', matters: ['private', 'kind', 'fast'] } });
				const dump = JSON.stringify(rows.rows);
				expect(dump).not.toMatch(/127\.0\.0\.1|Mozilla|Chrome|HeadlessChrome/);
				const texts = await client.query(`select * from participation_texts where consultation_id = $1`, [id]);
				expect(Object.keys(texts.rows[0]).sort()).toEqual(['age_band', 'consultation_id', 'country', 'id', 'moderated_by', 'question_id', 'quote', 'status', 'submitted_on', 'text']);
			} finally {
				await client.end();
			}
		}
	});
}

/** Someone signs up in a browser of their own (the journey's pages are elsewhere). */
async function signUpElsewhere(browser: Browser, name: string, email: string, prefix: string): Promise<void> {
	const ctx = await browser.newContext();
	await signUp(await ctx.newPage(), { name, email, password: PASSWORD }, prefix, { quiet: true });
	await ctx.close();
}

async function grantRole(page: Page, prefix: string, name: string, email: string, role: string, country: string): Promise<void> {
	await page.goto(`${prefix}/admin/users?q=${encodeURIComponent(email)}`);
	await scan(page);
	await page.getByRole('link', { name }).click();
	await page.waitForURL(/\/admin\/users\/[0-9a-f-]+$/);
	await scan(page);
	await page.locator('select[name=role]').selectOption(role);
	await page.locator('input[name=scopeKind][value=country]').check();
	await page.locator('select[name=country]').selectOption(country);
	await page.locator('form[action="?/grant"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await scan(page);
}

async function switchUser(page: Page, email: string, prefix: string): Promise<void> {
	await page.context().clearCookies();
	await signIn(page, email, PASSWORD, prefix);
}

/** Clicks a workspace button that posts and comes back to the same page. */
async function post(page: Page, selector: string): Promise<void> {
	await Promise.all([page.waitForNavigation(), page.locator(selector).click()]);
	await expect(page.locator('.error-summary')).toHaveCount(0);
	await scan(page);
}

// The builder names questions and answers by their place: where = q1 (friend = o1, adult = o2), idea = q2.
const QUESTIONS = [
	{ id: 'where', kind: 'single', optional: false, prompt: { en: 'Where do you look first for help online?', ar: 'أين تبحث أولًا عن المساعدة على الإنترنت؟' }, options: [{ id: 'friend', label: { en: 'A friend', ar: 'صديق' } }, { id: 'adult', label: { en: 'An adult I trust', ar: 'شخص بالغ أثق به' } }] },
	{ id: 'idea', kind: 'text', optional: true, prompt: { en: 'Anything else?', ar: 'هل من شيء آخر؟' }, options: [] }
];

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`organiser drafts, safeguarding approves, a 12-year-old answers without JavaScript, results are suppressed, and "you said, we did" is published (${lang})`, async ({ page, browser, baseURL, request }) => {
		test.setTimeout(900_000);
		const origin = new URL(baseURL!).origin;
		const tag = unique();
		const org = { name: `Organiser ${tag}`, email: `org.${tag}@example.org` };
		const sg = { name: `Safeguarding ${tag}`, email: `sg.${tag}@example.org` };
		await signUpElsewhere(browser, org.name, org.email, prefix);
		await signUpElsewhere(browser, sg.name, sg.email, prefix);
		await signIn(page, ADMIN.email, ADMIN.password, prefix);
		await grantRole(page, prefix, org.name, org.email, 'organiser', 'KE');
		await grantRole(page, prefix, sg.name, sg.email, 'safeguarding', 'KE');

		// the organiser drafts
		await switchUser(page, org.email, prefix);
		await page.goto(`${prefix}/workspace/participation`);
		await scan(page);
		await page.locator('main a.button[href$="/workspace/participation/new"]').click();
		await page.waitForURL(/\/new$/);
		await scan(page);
		const title = `Finding help ${tag}`;
		await page.locator('input[name=title_en]').fill(title);
		await page.locator('textarea[name=purpose_en]').fill('We ask to make help easier to find. The national team reads the answers together. We will publish what changes.');
		if (prefix) await page.locator('input[name=title_ar]').fill(`العثور على المساعدة ${tag}`);
		for (const b of ['under-9', '9-12', '13-18']) await page.locator(`input[name=ageBands][value="${b}"]`).check();
		await page.locator('input[name=countries]').fill('KE');
		// children may say which part of Kenya, from this list only
		await page.locator('textarea[name=regions]').fill('KE: Nairobi\nKE: Mombasa\nKE: Kisumu');
		await page.locator('input[name=opensOn]').fill(day(-1));
		await page.locator('input[name=closesOn]').fill(day(30));
		// the question builder: a first question with two answers; "add a question" keeps what was typed
		const [where, idea] = QUESTIONS;
		await page.locator('select[name=q1_kind]').selectOption(where.kind);
		for (const l of ['en', 'ar'] as const) {
			const box = page.locator(`details:has(#q1_prompt_${l})`);
			if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator('summary').click();
			await page.locator(`input[name=q1_prompt_${l}]`).fill(where.prompt[l]);
			await page.locator(`textarea[name=q1_options_${l}]`).fill(where.options.map((o) => o.label[l]).join('\n'));
		}
		await page.locator('main form button[name=more]').click();
		await expect(page.locator('select[name=q3_kind]')).toBeVisible();
		await scan(page);
		await expect(page.locator('input[name=title_en]')).toHaveValue(title);
		await expect(page.locator('input[name=ageBands][value="under-9"]')).toBeChecked();
		await page.locator('select[name=q2_kind]').selectOption(idea.kind);
		await page.locator('input[name=q2_optional]').check();
		for (const l of ['en', 'ar'] as const) {
			const box = page.locator(`details:has(#q2_prompt_${l})`);
			if (!(await box.evaluate((d) => (d as HTMLDetailsElement).open))) await box.locator('summary').click();
			await page.locator(`input[name=q2_prompt_${l}]`).fill(idea.prompt[l]);
		}
		await page.locator('input[name=freeText]').check();
		await page.locator('input[name=threshold]').fill('5');
		await page.locator('main form button[type=submit]:not([name=more])').click();
		await page.waitForURL(/\/workspace\/participation\/[0-9a-f-]{36}$/);
		await scan(page);
		const cid = page.url().split('/').pop()!;
		await post(page, 'form[action="?/submit"] button');
		await expect(page.locator('[data-status=in_review]')).toBeVisible();

		// a second person, with the safeguarding role, approves
		await switchUser(page, sg.email, prefix);
		await page.goto(`${prefix}/workspace/participation/${cid}`);
		await scan(page);
		await page.locator('textarea[name=note]').fill('Clear and kind. Approved.');
		await post(page, 'form[action="?/review"] button[value=approve]');
		await expect(page.locator('[data-status=approved]')).toBeVisible();

		// the organiser publishes
		await switchUser(page, org.email, prefix);
		await page.goto(`${prefix}/workspace/participation/${cid}`);
		await scan(page);
		await post(page, 'form[action="?/publish"] button');
		await expect(page.locator('[data-status=open]')).toBeVisible();

		// a 12-year-old answers with JavaScript off; the phone number and name are scrubbed, and they are told
		const childContext = await browser.newContext({ javaScriptEnabled: false });
		const child = await childContext.newPage();
		await child.goto(`${prefix}/have-your-say/${cid}`);
		await child.locator('input[name=ageBand][value="9-12"]').check();
		await child.locator('input[name=country][value=KE]').check();
		await child.locator('input[name=region][value=Mombasa]').check();
		await child.locator('input[name=q_q1][value=o2]').check();
		await child.locator('textarea[name=q_q2]').fill('My name is Amina, call me on 0712 345 678. I want a help button in games.');
		await child.locator('main form[method=POST] button[type=submit]').click();
		await expect(child.locator('.thanks')).toBeVisible();
		await expect(child.locator('[data-scrubbed]')).toBeVisible();
		await expect(child.locator('[data-concern]')).toHaveCount(0);
		expect(await childContext.cookies()).toEqual([]);
		await childContext.close();

		// another child writes something worrying: the help panel shows at once, with Kenya's services
		await page.context().clearCookies();
		await page.goto(`${prefix}/have-your-say/${cid}`);
		await scan(page);
		await page.locator('input[name=ageBand][value="13-18"]').check();
		await page.locator('input[name=country][value=KE]').check();
		await page.locator('input[name=q_q1][value=o1]').check();
		await page.locator('textarea[name=q_q2]').fill('Someone online threatens to share my photos');
		await page.locator('main form[method=POST] button[type=submit]').click();
		await expect(page.locator('[data-concern]')).toBeVisible();
		await expect(page.locator('[data-concern] a[href^="tel:"]').first()).toBeVisible();
		await scan(page);
		// a missing required answer is a clear message, nothing stored
		await page.goto(`${prefix}/have-your-say/${cid}`);
		await page.locator('input[name=ageBand][value="13-18"]').check();
		await page.locator('input[name=country][value=KE]').check();
		await page.locator('main form[method=POST] button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await scan(page);

		// more children answer (plain form posts): 9-12 reaches 6, 13-18 6, under-9 only 2
		const send = (ageBand: string) => request.post(`${origin}${prefix}/have-your-say/${cid}`, { form: { ageBand, country: 'KE', q_q1: 'o1' }, headers: { origin } });
		for (const [band, n] of [['9-12', 5], ['13-18', 5], ['under-9', 2]] as const) for (let i = 0; i < n; i++) expect((await send(band)).status()).toBe(200);

		// the moderator approves the scrubbed text as a quote; the organiser closes
		await switchUser(page, sg.email, prefix);
		await page.goto(`${prefix}/workspace/participation/${cid}`);
		await scan(page);
		const item = page.locator('li[data-text=pending]', { hasText: 'help button' });
		await expect(item).not.toContainText('Amina');
		await expect(item).not.toContainText('0712');
		await item.locator('input[name=quote]').check();
		await post(page, 'li[data-text=pending]:has-text("help button") button[value=approve]');
		await switchUser(page, org.email, prefix);
		await page.goto(`${prefix}/workspace/participation/${cid}`);
		await scan(page);
		await post(page, 'form[action="?/close"] button');

		// results: under-9 (2) is hidden, 13-18 is hidden too (else 14 - 6 - 6 would give it away), 9-12 shows
		await page.goto(`${prefix}/have-your-say/${cid}/results`);
		await scan(page);
		await expect(page.locator('main')).toContainText(/\b14\b|١٤/);
		const bands = page.locator('table[data-dimension=band]').first();
		await expect(bands.locator('tr[data-group=under-9] td[data-hidden]')).toHaveCount(1);
		await expect(bands.locator('tr[data-group="13-18"] td[data-hidden]')).toHaveCount(1);
		await expect(bands.locator('tr[data-group="9-12"] td[data-hidden]')).toHaveCount(0);
		await expect(page.locator('blockquote')).toContainText('help button');
		await expect(page.locator('main')).not.toContainText('Amina');
		await expect(page.locator('main svg[role=img]').first()).toBeVisible();
		const csv = await request.get(`${origin}/api/v1/participation/consultations/${cid}/results?format=csv`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toMatch(/q?q1,age_band,under-9,,,,/);

		// "you said, we did"
		await page.goto(`${prefix}/workspace/participation/${cid}`);
		await scan(page);
		await page.locator('textarea[name=response_en]').fill('You said help is hard to find. We are adding a help button to the kids zone.');
		await post(page, 'form[action="?/respond"] button');
		await page.goto(`${prefix}/have-your-say/${cid}/results`);
		await scan(page);
		await expect(page.locator('#response')).toContainText('help button to the kids zone');
		await page.goto(`${prefix}/have-your-say`);
		await scan(page);
		await expect(page.locator('.card', { hasText: tag }).locator('.status-responded')).toBeVisible();
	});
}

test('the demo: an open campaign consultation, embeddable, and a closed one with synthetic, suppressed results and downloads', async ({ page, request, baseURL }) => {
	test.setTimeout(300_000);
	const origin = new URL(baseURL!).origin;
	await page.goto('/have-your-say/campaign/find-help-online');
	await scan(page);
	await expect(page.locator('.demo-tag').first()).toBeVisible();
	const list = await (await request.get(`${origin}/api/v1/participation/consultations`)).json();
	const open = list.data.find((c: { isDemo: boolean; status: string }) => c.isDemo && c.status === 'open');
	const closed = list.data.find((c: { isDemo: boolean; status: string }) => c.isDemo && c.status === 'responded');
	expect(open && closed).toBeTruthy();

	// the embed may be framed by any site and carries no cookie
	const embed = await request.get(`${origin}/embed/have-your-say/${open.id}`);
	expect(embed.headers()['x-frame-options']).toBeUndefined();
	expect(embed.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(embed.headers()['set-cookie']).toBeUndefined();
	await page.goto(`/embed/have-your-say/${open.id}`);
	await scan(page);
	await expect(page.locator('.site-header')).toHaveCount(0);

	await page.goto(`/ar/have-your-say/${closed.id}/results`);
	await scan(page);
	await expect(page.locator('main')).toContainText(/234|٢٣٤/);
	const json = await (await request.get(`${origin}/api/v1/participation/consultations/${closed.id}/results`)).json();
	expect(json.total).toBe(234);
	const rw = json.records.filter((r: { group: string }) => r.group === 'RW');
	expect(rw.length).toBeGreaterThan(0);
	expect(rw.every((r: { count: number | null }) => r.count === null)).toBe(true);
	for (const r of json.records) if (r.group_size !== null) expect(r.group_size).toBeGreaterThanOrEqual(json.threshold);

	// consultation pages stay under 50 KB compressed (HTML, CSS and scripts together)
	for (const path of [`/have-your-say/${open.id}`, `/ar/have-your-say/${open.id}`, `/have-your-say/${closed.id}/results`, '/have-your-say']) {
		const html = await (await request.get(`${origin}${path}`)).body();
		const assets = ['/app.css', '/kids/kids.css', '/participation/say.css', '/participation/say.js', '/quick-exit.js'];
		let total = gzipSync(html).length;
		for (const a of assets) total += gzipSync(await (await request.get(`${origin}${a}`)).body()).length;
		expect(total, path).toBeLessThan(50_000);
	}
});
