// Events journey, in English and Arabic: an organiser creates and publishes a training open to
// pupils aged 10-14; a teacher registers a class of 8 children by ages only; a parent joins the
// waiting list and gets the seat when someone cancels; the organiser checks people in and issues
// certificates of attendance that verify at /learn/verify. Mails are read from the admin outbox.
import type { Browser, Page } from '@playwright/test';
import { ADMIN, expect, scan, signIn, test } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 8);

/** The admin's view of the outbox, signed in once per journey. */
async function outboxReader(browser: Browser) {
	const ctx = await browser.newContext();
	const admin = await ctx.newPage();
	await signIn(admin, ADMIN.email, ADMIN.password, '', { quiet: true });
	return {
		/** the body of the newest mail to `to` */
		async body(to: string): Promise<string> {
			await admin.goto('/admin/outbox');
			await admin.locator('tr', { hasText: to }).first().locator('a').click();
			return admin.locator('pre.mail-body').innerText();
		},
		async link(to: string): Promise<string> {
			const body = await this.body(to);
			const link = /https?:\/\/[^/\s]+((?:\/ar)?\/events\/registrations\/[A-Za-z0-9_-]+)/.exec(body);
			expect(link, `a private link in the mail to ${to}`).not.toBeNull();
			return link![1];
		},
		get: (path: string) => ctx.request.get(path),
		close: () => ctx.close()
	};
}
type Outbox = Awaited<ReturnType<typeof outboxReader>>;

async function register(page: Page, prefix: string, eventPath: string, person: { name: string; email: string; adults?: string; ages?: string }) {
	await page.goto(`${prefix}${eventPath}`);
	await scan(page);
	await page.locator('input[name=name]').fill(person.name);
	await page.locator('input[name=email]').fill(person.email);
	await page.locator('input[name=adults]').fill(person.adults ?? '1');
	if (person.ages) {
		await page.locator('input[name=childAges]').fill(person.ages);
		await page.locator('input[name=childConsent]').check();
	}
	await page.locator('section.register form button[type=submit]').click();
	await expect(page.locator('.notice[role=status]')).toBeVisible();
	await scan(page);
}

async function confirmByMail(page: Page, outbox: Outbox, email: string) {
	const link = await outbox.link(email);
	await page.goto(link);
	await scan(page);
	await page.locator('main form[action="?/confirm"] button').click();
	await page.waitForLoadState();
	await scan(page);
	return link;
}

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`organiser, teacher, waiting parent, check-in and certificates (${lang})`, async ({ page, browser }) => {
		test.setTimeout(1_500_000);
		const outbox = await outboxReader(browser);
		const tag = unique();
		const day = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

		// the organiser (an admin holds every role) creates and publishes a training
		console.log(`[events ${lang}] the organiser (an admin holds every role) creates and publishes a training`);
		await signIn(page, ADMIN.email, ADMIN.password, prefix);
		await page.goto(`${prefix}/workspace/events/new`);
		await scan(page);
		await page.locator('input[name=title_en]').fill(`Online safety training ${tag}`);
		await page.locator('input[name=title_ar]').fill(`تدريب السلامة على الإنترنت ${tag}`);
		await page.locator('select[name=kind]').selectOption('training');
		await page.locator('input[name=audiences][value=educators]').check();
		await page.locator('input[name=audiences][value=children]').check();
		await page.locator('input[name=languages][value=en]').check();
		await page.locator('input[name=start]').fill(`${day}T09:00`);
		await page.locator('input[name=end]').fill(`${day}T12:00`);
		await page.locator('input[name=timeZone]').fill('Africa/Nairobi');
		await page.locator('input[name=venue]').fill('School hall');
		await page.locator('input[name=city]').fill('Nairobi');
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('input[name=seats]').fill('10');
		await page.locator('input[name=childMinAge]').fill('10');
		await page.locator('input[name=childMaxAge]').fill('14');
		await page.locator('input[name=safeguardingContact]').fill('safeguarding@example.org');
		await page.locator('form.event-form button[type=submit]').click();
		await page.waitForURL(/\/workspace\/events\/[0-9a-f-]{36}$/);
		await scan(page);
		const eventId = /events\/([0-9a-f-]{36})$/.exec(page.url())![1];
		await page.locator('form[action="?/publish"] button').click();
		await expect(page.locator('p.notice[role=status]')).toBeVisible();
		await scan(page);

		// the public page shows the event in its zone, named
		console.log(`[events ${lang}] the public page shows the event in its zone, named`);
		const visitor = await (await browser.newContext()).newPage();
		await visitor.goto(`${prefix}/events?country=KE`);
		await scan(visitor);
		await visitor.locator(`a[href$="/events/${eventId}"]`).click();
		await expect(visitor.locator('main')).toContainText('Africa/Nairobi');
		await scan(visitor);

		// ages outside the range are refused with a clear message, and what was typed is kept
		console.log(`[events ${lang}] ages outside the range are refused with a clear message, and what was typed is kept`);
		const teacher = { name: 'Grace Teacher', email: `teacher.${tag}@example.org` };
		await visitor.locator('input[name=name]').fill(teacher.name);
		await visitor.locator('input[name=email]').fill(teacher.email);
		await visitor.locator('input[name=childAges]').fill('10, 15');
		await visitor.locator('input[name=childConsent]').check();
		await visitor.locator('section.register form button[type=submit]').click();
		await expect(visitor.locator('.error-summary')).toBeVisible();
		await expect(visitor.locator('input[name=email]')).toHaveValue(teacher.email);
		await scan(visitor);

		// the teacher registers a class of 8 children aged 10-14 (9 places of 10) and confirms
		console.log(`[events ${lang}] the teacher registers a class of 8 children aged 10-14 (9 places of 10) and confirms`);
		await register(visitor, prefix, `/events/${eventId}`, { ...teacher, adults: '1', ages: '10, 11, 11, 12, 12, 13, 14, 14' });
		await confirmByMail(visitor, outbox, teacher.email);
		await expect(visitor.locator('p.status')).toBeVisible();

		// someone takes the last seat; a parent joins the waiting list
		console.log(`[events ${lang}] someone takes the last seat; a parent joins the waiting list`);
		const early = { name: 'Early Bird', email: `early.${tag}@example.org` };
		await register(visitor, prefix, `/events/${eventId}`, early);
		const earlyLink = await confirmByMail(visitor, outbox, early.email);
		const parent = { name: 'Pat Parent', email: `parent.${tag}@example.org` };
		await register(visitor, prefix, `/events/${eventId}`, parent);
		const parentLink = await confirmByMail(visitor, outbox, parent.email);
		await expect(visitor.locator('form[action="?/cancel"]')).toBeVisible();

		// the early registrant cancels: the parent is offered the seat at once and takes it
		console.log(`[events ${lang}] the early registrant cancels: the parent is offered the seat at once and takes it`);
		await visitor.goto(earlyLink);
		await scan(visitor);
		await visitor.locator('form[action="?/cancel"] button').click();
		await visitor.waitForLoadState();
		await scan(visitor);
		await visitor.goto(parentLink);
		await expect(visitor.locator('form[action="?/confirm"] button')).toBeVisible();
		await scan(visitor);
		await visitor.locator('form[action="?/confirm"] button').click();
		await visitor.waitForLoadState();
		await scan(visitor);
		await expect(visitor.locator('form[action="?/confirm"]')).toHaveCount(0);
		await visitor.context().close();

		// the organiser sees counts (not children), checks people in and issues certificates
		console.log(`[events ${lang}] the organiser sees counts (not children), checks people in and issues certificates`);
		await page.goto(`${prefix}/workspace/events/${eventId}`);
		await scan(page);
		await expect(page.locator('main')).toContainText(teacher.email);
		await expect(page.locator('main')).not.toContainText('10, 11, 11');
		await page.goto(`${prefix}/workspace/events/${eventId}/checkin`);
		await scan(page);
		for (const who of [teacher.name, parent.name]) {
			await page.locator('li', { hasText: who }).locator('button[name=present][value="1"]').click();
			await page.waitForLoadState();
			await expect(page.locator('li', { hasText: who })).toContainText('✓');
		}
		await scan(page);
		await page.goto(`${prefix}/workspace/events/${eventId}`);
		await page.locator('form[action="?/certificates"] button').click();
		await expect(page.locator('p.notice[role=status]')).toBeVisible();
		await scan(page);

		// the parent's certificate verifies at /learn/verify
		console.log(`[events ${lang}] the parent's certificate verifies at /learn/verify`);
		const csv = await page.context().request.get(`/workspace/events/${eventId}/registrations.csv`);
		expect(await csv.text()).toContain(parent.email);
		const body = await outbox.body(parent.email);
		const certId = /\/events\/certificates\/([0-9a-f-]{36})/.exec(body)?.[1];
		expect(certId).toBeTruthy();
		const credential = await (await outbox.get(`/events/certificates/${certId}/credential.json`)).text();
		await outbox.close();
		await page.goto(`${prefix}/learn/verify`);
		await scan(page);
		await page.locator('textarea[name=credential]').fill(credential);
		await page.locator('main form button[type=submit]').click();
		await page.waitForLoadState();
		await expect(page.locator('main')).toContainText(`Online safety training ${tag}`);
		await expect(page.locator('.verify-result.ok')).toBeVisible();
		await scan(page);
	});
}

test('unknown and cancelled events answer 404 and 410 pages that link to /events', async ({ page }) => {
	const r = await page.goto('/events/00000000-0000-4000-8000-000000000000');
	expect(r?.status()).toBe(404);
	await expect(page.locator(`main a[href="/events"]`)).toBeVisible();
	await scan(page);
	const feed = await page.request.get('/events.ics');
	expect(feed.headers()['content-type']).toContain('text/calendar');
	expect(await feed.text()).toContain('BEGIN:VCALENDAR');
	const api = await page.request.get('/api/v1/events?kind=children_session');
	expect(api.ok()).toBe(true);
	const data = (await api.json()) as { data: { demo: boolean }[] };
	expect(data.data.length).toBeGreaterThan(0);
	const bad = await page.request.get('/api/v1/events?kind=nonsense');
	expect(bad.status()).toBe(400);
});
