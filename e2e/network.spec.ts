// Network journey: an expert applies in English (no account), confirms the email by the link read
// from the admin outbox, a reviewer (the admin holds every role) asks a question, the applicant
// answers through the private link, the reviewer accepts and the expert appears in the directory;
// then a visitor reads the directory and a profile in Arabic. Every page is scanned (axe, 320 px).
import type { Browser, Page } from '@playwright/test';
import { ADMIN, expect, scan, signIn, test } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 8);

/** The admin's view of the outbox, signed in once per journey (its pages are not part of the journey). */
async function outboxReader(browser: Browser) {
	const ctx = await browser.newContext();
	const admin = await ctx.newPage();
	await signIn(admin, ADMIN.email, ADMIN.password, '', { quiet: true });
	return {
		/** the private link in the newest mail to `to` */
		async link(to: string): Promise<string> {
			await admin.goto('/admin/outbox');
			await admin.locator('tr', { hasText: to }).first().locator('a').click();
			const body = await admin.locator('pre.mail-body').innerText();
			const link = /https?:\/\/[^/\s]+((?:\/[a-z]{2})?\/network\/manage\/[A-Za-z0-9_-]+)/.exec(body);
			expect(link, `a private link in the newest mail to ${to}`).not.toBeNull();
			return link![1];
		},
		close: () => ctx.close()
	};
}

async function visit(page: Page, path: string) {
	await page.goto(path);
	await scan(page);
}

test('an expert applies, is asked a question, answers, is accepted and is listed; the directory in Arabic', async ({ page, browser }) => {
	test.setTimeout(1_200_000);
	const outbox = await outboxReader(browser);
	const tag = unique();
	const name = `Dr. Journey Expert ${tag} (fictional)`;
	const email = `expert.${tag}@example.org`;
	const applicant = await (await browser.newContext()).newPage();

	// the expert applies without an account; a missing field is refused, what was typed is kept
	console.log('[network] the expert applies');
	await visit(applicant, '/network');
	await applicant.locator('a[href="/network/apply/expert"]').click();
	await applicant.waitForURL(/\/network\/apply\/expert$/);
	await scan(applicant);
	await applicant.locator('input[name=name]').fill(name);
	await applicant.locator('input[name=fields][value=law_policy]').check();
	await applicant.locator('input[name=fields][value=child_rights]').check();
	await applicant.locator('select[name=countries]').selectOption(['KE', 'FR']);
	await applicant.locator('textarea[name=about]').fill('A lawyer working on children and online services (journey test).');
	await applicant.locator('input[name=public][value=bio]').check();
	await applicant.locator('input[name=public][value=countries]').check();
	await applicant.locator('input[name=email]').fill(email);
	await applicant.locator('form.network-form button[type=submit]').click();
	await expect(applicant.locator('.error-summary')).toBeVisible();
	await expect(applicant.locator('input[name=email]')).toHaveValue(email);
	await expect(applicant.locator('select[name=countries] option[value=KE]')).toHaveJSProperty('selected', true);
	await scan(applicant);
	await applicant.locator('input[name=languages][value=en]').check();
	await applicant.locator('input[name=languages][value=fr]').check();
	await applicant.locator('form.network-form button[type=submit]').click();
	await expect(applicant.locator('.notice[role=status]')).toContainText(email);
	await scan(applicant);

	// the applicant confirms the address with the emailed link: the application enters the queue
	console.log('[network] the applicant confirms the email');
	await visit(applicant, await outbox.link(email));
	await applicant.locator('form[action="?/confirm"] button').click();
	await expect(applicant.locator('.notice[role=status]')).toBeVisible();
	await scan(applicant);

	// the reviewer finds it in the queue and asks a question
	console.log('[network] the reviewer asks a question');
	await signIn(page, ADMIN.email, ADMIN.password);
	await visit(page, '/workspace/network');
	await page.locator('a', { hasText: name }).click();
	await page.waitForURL(/\/workspace\/network\/[0-9a-f-]{36}$/);
	await scan(page);
	const id = /network\/([0-9a-f-]{36})$/.exec(page.url())![1];
	await page.locator('form[action="?/ask"] textarea[name=body]').fill('Which courts or ministries have you advised?');
	await page.locator('form[action="?/ask"] button').click();
	await expect(page.locator('.notice[role=status]')).toBeVisible();
	await scan(page);

	// the applicant answers through the private link from the question mail (no account)
	console.log('[network] the applicant answers');
	await visit(applicant, await outbox.link(email));
	await expect(applicant.locator('.thread')).toContainText('Which courts or ministries have you advised?');
	await applicant.locator('form[action="?/answer"] textarea[name=body]').fill('The juvenile courts and the ministry of justice.');
	await applicant.locator('form[action="?/answer"] button').click();
	await expect(applicant.locator('.notice[role=status]')).toBeVisible();
	await scan(applicant);

	// the reviewer reads the answer and accepts
	console.log('[network] the reviewer accepts');
	await visit(page, `/workspace/network/${id}`);
	await expect(page.locator('.thread')).toContainText('The juvenile courts and the ministry of justice.');
	await page.locator('form[action="?/accept"] button').click();
	await expect(page.locator('.notice[role=status]')).toBeVisible();
	await scan(page);

	// the expert is in the directory (filtered by field, without JavaScript needed) with a profile and no address
	console.log('[network] the expert is listed');
	await visit(applicant, '/network?field=law_policy');
	await applicant.locator('a', { hasText: name }).click();
	await applicant.waitForURL(new RegExp(`/network/experts/${id}$`));
	await scan(applicant);
	await expect(applicant.locator('main')).toContainText('A lawyer working on children');
	await expect(applicant.locator('main')).not.toContainText(email);

	// a signed-in person sees the applications confirmed from their address (none for the admin)
	await visit(page, '/network/mine');
	await expect(page.locator('main')).toContainText('No application');

	// a visitor reads the directory and the profile in Arabic, and writes to the expert
	console.log('[network] Arabic directory and profile');
	await visit(page, '/ar/network');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('.demo-tag').first()).toBeVisible();
	await visit(page, `/ar/network?country=KE&field=law_policy`);
	await page.locator(`a[href="/ar/network/experts/${id}"]`).click();
	await page.waitForURL(new RegExp(`/ar/network/experts/${id}$`));
	await scan(page);
	await page.locator('input[name=name]').fill('زائر');
	await page.locator('input[name=email]').fill(`visitor.${tag}@example.org`);
	await page.locator('textarea[name=message]').fill('هل يمكنك التحدث في مدرستنا؟');
	await page.locator('form[action="?/contact"] button').click();
	await expect(page.locator('.notice[role=status]')).toBeVisible();
	await scan(page);
	await outbox.close();
});
