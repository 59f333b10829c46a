// Two-factor sign-in for staff, in English and Arabic, every page scanned (axe, 320 px): an admin
// invites a validator for Ireland; the invite link sets a password; the validator cannot reach the
// workspace before setting up an authenticator (the key is read from the page as a person would type
// it, the code computed here with the same TOTP library); signs out, signs in with the password and a
// code (a wrong code first); and validates one answer of Ireland's submitted demo assessment.
import { ADMIN, enrolTwoFactor, expect, scan, signIn, test, totpCode } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 8);

for (const prefix of ['', '/ar']) {
	test(`an invited validator sets a password and TOTP, signs in with a code and validates an answer ${prefix || '/en'}`, async ({ page, browser }) => {
		// a dozen pages scanned, an enrolment and a long assessment page: slow on a busy 2-core machine
		test.setTimeout(420_000);
		const email = `validator.totp.${unique()}@example.org`;
		const password = 'a long validator password';

		// the admin (who answers a second factor too) invites the validator for Ireland
		const adminCtx = await browser.newContext();
		const admin = await adminCtx.newPage();
		await signIn(admin, ADMIN.email, ADMIN.password, prefix);
		await admin.goto(`${prefix}/admin/invites`);
		await scan(admin);
		await admin.locator('input[name=email]').fill(email);
		await admin.locator('input[name=name]').fill('Siobhán Validator');
		await admin.locator('select[name=role]').selectOption('validator');
		await admin.locator('input[name=scopeKind][value=country]').check();
		await admin.locator('select[name=country]').selectOption('IE');
		await admin.locator('form[action="?/invite"] button[type=submit]').click();
		await expect(admin.locator('p.notice')).toContainText(email);
		await scan(admin);
		await admin.goto(`${prefix}/admin/outbox`);
		await scan(admin);
		await admin.locator('tr', { hasText: email }).first().locator('a').click();
		await scan(admin);
		const body = await admin.locator('pre.mail-body').innerText();
		const link = /http:\/\/127\.0\.0\.1:\d+((?:\/ar)?\/invite\/[A-Za-z0-9_-]+)/.exec(body);
		expect(link).not.toBeNull();
		await adminCtx.close();

		// the invitation sets a password; the workspace stays closed until a second factor is set up
		await page.goto(link![1]);
		await scan(page);
		await page.locator('input[name=password]').fill(password);
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(/\/account\/two-factor$/);
		await expect(page.locator('p.warning')).toBeVisible();
		await scan(page);
		await page.goto(`${prefix}/workspace/queue`);
		await page.waitForURL(/\/account\/two-factor$/);
		await enrolTwoFactor(page, email);
		await page.goto(`${prefix}/account/two-factor`);
		await expect(page.locator('main')).toContainText('10');
		await scan(page);

		// signed out, the password alone is not enough: the code page asks for the app's code
		await page.context().clearCookies();
		await page.goto(`${prefix}/signin`);
		await scan(page);
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill(password);
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(/\/signin\/two-factor\?/);
		await scan(page);
		const code = await totpCode(email);
		await page.locator('input[name=code]').fill(code === '000000' ? '111111' : '000000');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await expect(page.locator('input[name=code]')).toHaveAttribute('aria-invalid', 'true');
		await scan(page);
		await page.locator('input[name=code]').fill(code);
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(/\/account$/);
		await scan(page);

		// the validator rules on one answer of Ireland's submitted assessment
		await page.goto(`${prefix}/workspace/queue`);
		await scan(page);
		await page.locator('main table a').first().click();
		await page.waitForURL(/\/workspace\/assessments\/[0-9a-f-]+\/[a-z_]+/);
		await scan(page);
		const decisions = page.locator('fieldset.decision');
		const before = await decisions.count();
		expect(before).toBeGreaterThan(0);
		await decisions.first().locator('input[value=accept]').check();
		const nav = page.waitForNavigation();
		await decisions.first().locator('button[type=submit]').click();
		await nav;
		await expect(page.locator('fieldset.decision')).toHaveCount(before - 1);
		await scan(page);
	});
}
