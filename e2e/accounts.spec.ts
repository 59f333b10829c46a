// Journeys for people who work on COP: sign up (confirmed by the link mailed to the address), sign
// in, an admin grants a focal-point role for one country and the audit log shows it; password reset
// through the outbox.
import { ADMIN, expect, mailbox, scan, signIn, signUp, test } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 8);

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`sign up, sign out and sign in again (${lang})`, async ({ page, browser }) => {
		const email = `amina.${unique()}@example.org`;
		await page.goto(`${prefix}/signup`);
		await scan(page);
		// first with mistakes: every field explains itself and nothing is lost
		await page.locator('input[name=name]').fill('Amina Odhiambo');
		await page.locator('input[name=email]').fill('not-an-email');
		await page.locator('input[name=password]').fill('short');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expect(page.locator('input[name=name]')).toHaveValue('Amina Odhiambo');
		await expect(page.locator('input[name=email]')).toHaveAttribute('aria-invalid', 'true');
		await expect(page.locator('input[name=password]')).toHaveAttribute('aria-invalid', 'true');
		await scan(page);
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill('a long and good password');
		await page.locator('main form button[type=submit]').click();
		// no account yet: "check your email", and the link in the mail creates it
		await page.waitForURL(new RegExp(`${prefix}/signup\\?sent$`));
		await expect(page.locator('p.notice[role=status]')).toBeVisible();
		await scan(page);
		const box = await mailbox(browser);
		await page.goto(await box.link(email, /\/signup\/[A-Za-z0-9_-]+/));
		await scan(page);
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(new RegExp(`${prefix}/account$`));
		await expect(page.locator('main')).toContainText(email);
		await scan(page);
		await page.locator('.main-nav form button').click();
		await page.waitForURL(new RegExp(`${prefix}/signout$`));
		await scan(page);
		await page.goto(`${prefix}/account`);
		await page.waitForURL(/\/signin\?next=/);
		await scan(page);
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill('wrong password here');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await scan(page);
		await page.locator('input[name=password]').fill('a long and good password');
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(new RegExp(`${prefix}/account$`));
		await scan(page);

		// someone else signs up with the same address: the same "check your email", no hint the
		// address is taken; its owner is mailed how to sign in instead
		const stranger = await browser.newContext();
		const s2 = await stranger.newPage();
		await s2.goto(`${prefix}/signup`);
		await s2.locator('input[name=name]').fill('Not Amina');
		await s2.locator('input[name=email]').fill(email);
		await s2.locator('input[name=password]').fill('somebody else entirely');
		await s2.locator('main form button[type=submit]').click();
		await s2.waitForURL(new RegExp(`${prefix}/signup\\?sent$`));
		await expect(s2.locator('p.notice[role=status]')).toBeVisible();
		await expect(s2.locator('.error-summary')).toHaveCount(0);
		await stranger.close();
		expect(await box.body(email, /\/password\/forgot/)).not.toContain('somebody else entirely');
	});

	test(`an admin grants a focal-point role for Kenya and the audit log shows it (${lang})`, async ({ page, browser }) => {
		// someone signs up in their own browser
		const email = `focal.${unique()}@example.org`;
		const other = await browser.newContext();
		const p2 = await other.newPage();
		await signUp(p2, { name: 'Wanjiru Focal', email, password: 'a long and good password' }, prefix, { quiet: true });

		await signIn(page, ADMIN.email, ADMIN.password, prefix);
		await page.locator('.main-nav a[href$="/admin"]').click();
		await scan(page);
		await page.locator(`main a[href$="/admin/users"]`).click();
		await scan(page);
		await page.locator('input[name=q]').fill(email);
		await page.locator('main form[role=search] button').click();
		await scan(page);
		await page.getByRole('link', { name: 'Wanjiru Focal' }).click();
		await scan(page);
		await page.locator('select[name=role]').selectOption('focal_point');
		await page.locator('input[name=scopeKind][value=country]').check();
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('form[action="?/grant"] button[type=submit]').click();
		await expect(page.locator('p.notice[role=status]')).toBeVisible();
		await expect(page.locator('ul.grants')).toContainText(prefix ? 'كينيا' : 'Kenya');
		await scan(page);

		// granting again is refused with a clear message, not a duplicate
		await page.locator('select[name=role]').selectOption('focal_point');
		await page.locator('input[name=scopeKind][value=country]').check();
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('form[action="?/grant"] button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expect(page.locator('ul.grants > li')).toHaveCount(1);
		await scan(page);

		await page.goto(`${prefix}/admin/audit?q=role.grant`);
		await scan(page);
		const row = page.locator('table.audit tbody tr').first();
		await expect(row).toContainText(ADMIN.email);
		await expect(row).toContainText('role.grant');
		await expect(row).toContainText('"KE"');
		await expect(row).toContainText('focal_point');

		// the person sees their new role
		await p2.reload();
		await expect(p2.locator('main')).toContainText(prefix ? 'كينيا' : 'Kenya');
		await other.close();
	});
}

test('password reset through the outbox', async ({ page, browser }) => {
	const email = `reset.${unique()}@example.org`;
	const ctx = await browser.newContext();
	const p = await ctx.newPage();
	await signUp(p, { name: 'Reset Me', email, password: 'the first password' }, '', { quiet: true });
	await ctx.clearCookies();

	await page.goto('/password/forgot');
	await scan(page);
	await page.locator('input[name=email]').fill(email);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('p.notice')).toBeVisible();
	await scan(page);

	// no SMTP here: the admin reads the stored message in the outbox
	await ctx.close();
	await page.goto(await (await mailbox(browser)).link(email, /\/password\/reset\/[A-Za-z0-9_-]+/));
	await scan(page);
	await page.locator('input[name=password]').fill('the second password');
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/signin\?reset/);
	await expect(page.locator('p.notice')).toBeVisible();
	await scan(page);
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill('the second password');
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/account$/);
	await scan(page);
});

test('the back office is closed to people without the admin role', async ({ page }) => {
	const r = await page.goto('/admin');
	expect(r?.status()).toBe(401);
	await scan(page);
	await signUp(page, { name: 'Plain Person', email: `plain.${unique()}@example.org`, password: 'a long and good password' });
	const r2 = await page.goto('/admin/users');
	expect(r2?.status()).toBe(403);
	await scan(page);
});

for (const prefix of ['', '/ar']) {
	test(`my account: change my name and password, then sign out everywhere (${prefix ? 'Arabic' : 'English'})`, async ({ page }) => {
		const email = `self.${unique()}@example.org`;
		await signUp(page, { name: 'Self Service', email, password: 'a long and good password' }, prefix);
		await page.locator('form[action="?/profile"] input[name=name]').fill('Renamed Person');
		await page.locator('form[action="?/profile"] button').click();
		await expect(page.locator('p.notice')).toBeVisible();
		await expect(page.locator('main')).toContainText('Renamed Person');
		await scan(page);
		await page.locator('input[name=current]').fill('wrong current password');
		await page.locator('form[action="?/password"] input[name=password]').fill('another good password');
		await page.locator('form[action="?/password"] button').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await scan(page);
		await page.locator('input[name=current]').fill('a long and good password');
		await page.locator('form[action="?/password"] input[name=password]').fill('another good password');
		await page.locator('form[action="?/password"] button').click();
		await expect(page.locator('p.notice')).toBeVisible();
		await scan(page);
		await page.locator('form[action="?/everywhere"] button').click();
		await page.waitForURL(/\/signout$/);
		await scan(page);
		expect((await page.context().cookies()).filter((c) => c.name === 'cop_session')).toEqual([]);
	});
}
