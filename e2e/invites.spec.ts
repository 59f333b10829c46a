// Onboarding by invitation, in English and Arabic: an admin invites a validator for one country,
// the invite link (read from the outbox) sets a name and password and signs the person in with the
// role already granted (and, the role requiring it, sets up two-factor sign-in); the link then no
// longer works, and the admin sees the invitation accepted.
import { ADMIN, enrolTwoFactor, expect, scan, signIn, test } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 8);

for (const prefix of ['', '/ar']) {
	test(`an admin invites a validator who sets a password and arrives with the role ${prefix || '/en'}`, async ({ page, browser }) => {
		test.setTimeout(180_000);
		const email = `invited.${unique()}@example.org`;
		await signIn(page, ADMIN.email, ADMIN.password, prefix);
		await page.goto(`${prefix}/admin/invites`);
		await scan(page);
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=name]').fill('Nadia Validator');
		await page.locator('select[name=role]').selectOption('validator');
		await page.locator('input[name=scopeKind][value=country]').check();
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('form[action="?/invite"] button[type=submit]').click();
		await expect(page.locator('p.notice')).toContainText(email);
		await expect(page.locator('tr', { hasText: email })).toBeVisible();
		await scan(page);

		await page.goto(`${prefix}/admin/outbox`);
		await scan(page);
		await page.locator('tr', { hasText: email }).first().locator('a').click();
		await scan(page);
		const body = await page.locator('pre.mail-body').innerText();
		const link = /http:\/\/127\.0\.0\.1:\d+((?:\/ar)?\/invite\/[A-Za-z0-9_-]+)/.exec(body);
		expect(link).not.toBeNull();

		const ctx = await browser.newContext();
		const invited = await ctx.newPage();
		await invited.goto(`${prefix}/invite/${link![1].split('/').pop()}`);
		await scan(invited);
		await expect(invited.locator('main')).toContainText(email);
		// a too-short password is explained and nothing is created
		await invited.locator('input[name=password]').fill('short');
		await invited.locator('main form button[type=submit]').click();
		await expect(invited.locator('.error-summary')).toBeVisible();
		await scan(invited);
		await invited.locator('input[name=password]').fill('a long validator password');
		await invited.locator('main form button[type=submit]').click();
		// a validator must set up two-factor sign-in before anything else
		await enrolTwoFactor(invited, email);
		await expect(invited.locator('main')).toContainText(prefix ? 'كينيا' : 'Kenya');
		await scan(invited);
		await invited.goto(`${prefix}/invite/${link![1].split('/').pop()}`);
		await expect(invited.locator('p.warning')).toBeVisible();
		await scan(invited);
		await ctx.close();

		await page.goto(`${prefix}/admin/invites`);
		await expect(page.locator('tr', { hasText: email })).toBeVisible();
		await scan(page);
	});
}
