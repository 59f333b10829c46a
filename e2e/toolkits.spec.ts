// Toolkits journey. A sports club takes the self-assessment with JavaScript OFF: answers the
// practices, sees its score per theme, goes back to change an answer (nothing lost), fills in its
// action plan and opens the printable plan, whose print stylesheet is checked. No cookie, nothing
// kept. Then the toolkit in Arabic (right to left), the device-only storage with JavaScript on, and a
// signed-in person who saves and reopens an assessment.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, scan, signUp, test } from './fixtures';

interface Theme { id: string; title: Record<string, string>; practices: { id: string }[] }
const sports = JSON.parse(readFileSync('content/toolkits/sports/toolkit.json', 'utf8')) as { title: Record<string, string>; themes: Theme[]; actionPlan: { title: Record<string, string> } };
const theme = (id: string) => sports.themes.find((t) => t.id === id)!;
const unique = () => Math.random().toString(36).slice(2, 8);

async function answer(page: Page, themeId: string, value: 'yes' | 'partly' | 'no' | 'not_applicable') {
	for (const p of theme(themeId).practices) await page.locator(`#f-a_${p.id}-${value}`).check();
}
const scoreRow = (page: Page, themeId: string) => page.locator('table.scores tr', { hasText: theme(themeId).title.en });

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a sports club takes the self-assessment, changes an answer and prints its action plan', async ({ page }) => {
		test.setTimeout(360_000);
		await page.goto('/toolkits');
		await scan(page);
		await page.getByRole('link', { name: sports.title.en, exact: true }).click();
		await expect(page.locator('h1')).toHaveText(sports.title.en);
		// linked to the topic graph (find help about a topic) and to the help finder
		await expect(page.locator('.learn-aside a[href^="/help?topic="]').first()).toBeVisible();
		await expect(page.locator('main a[href^="/help"]').first()).toBeVisible();
		await scan(page);

		await page.locator('main p.cta a.button').first().click();
		await expect(page).toHaveURL(/\/toolkits\/sports\/assess$/);
		// JavaScript is off: the "keep on this device" option is not offered
		await expect(page.locator('[data-device]')).toBeHidden();
		await scan(page);
		await page.locator('input[name=organisation]').fill('Riverside Youth Football Club');
		await answer(page, 'policy', 'yes');
		await answer(page, 'messaging', 'no');
		await answer(page, 'images', 'partly');
		await answer(page, 'livestreams', 'not_applicable');
		await page.locator('form.assess-form button[type=submit]').click();

		// the result, rendered from the posted answers
		await expect(page.locator('h1')).toHaveText('Your results');
		await expect(scoreRow(page, 'policy')).toContainText('100');
		await expect(scoreRow(page, 'messaging')).toContainText(/(^|\D)0\s%/);
		await expect(scoreRow(page, 'images')).toContainText('50');
		await expect(scoreRow(page, 'livestreams')).toContainText('Not yet answered');
		const firstAction = page.locator('li.action').first();
		await expect(firstAction).toBeVisible();
		const owner = firstAction.locator('input[name^=owner_]');
		const ownerField = await owner.getAttribute('name');
		await owner.fill('Club safeguarding lead');
		await firstAction.locator('input[name^=due_]').fill('2027-03-31');
		await scan(page);

		// back to the questions: every answer is still ticked; change one
		await page.getByRole('button', { name: 'Change my answers' }).click();
		await expect(page.locator(`#f-a_${theme('messaging').practices[0].id}-no`)).toBeChecked();
		await expect(page.locator(`#f-a_${theme('policy').practices[0].id}-yes`)).toBeChecked();
		await expect(page.locator('input[name=organisation]')).toHaveValue('Riverside Youth Football Club');
		await scan(page);
		await page.locator(`#f-a_${theme('images').practices[0].id}-yes`).check();
		await page.locator('form.assess-form button[type=submit]').click();
		await expect(page.locator('h1')).toHaveText('Your results');
		await expect(scoreRow(page, 'images')).not.toContainText('50');
		// what was typed on the plan came along
		await expect(page.locator(`input[name="${ownerField}"]`)).toHaveValue('Club safeguarding lead');
		await scan(page);

		// the printable action plan
		await page.getByRole('button', { name: 'Printable action plan' }).click();
		await expect(page.locator('h1')).toHaveText(sports.actionPlan.title.en);
		const plan = page.locator('article.action-plan');
		await expect(plan).toContainText('Riverside Youth Football Club');
		await expect(plan).toContainText('Club safeguarding lead');
		await expect(plan).toContainText('2027-03-31');
		await expect(page.locator('.plan-line').first()).toBeVisible();
		await scan(page);

		await page.emulateMedia({ media: 'print' });
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.plan-controls')).toBeHidden();
		await expect(page.locator('.plan-line').first()).toBeVisible();
		await expect(page.locator('.print-address').first()).toBeVisible();
		expect(await page.locator('.plan-line').first().evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(0, 0, 0)');
		await page.emulateMedia({ media: 'screen' });
		await expect(page.locator('.plan-controls')).toBeVisible();

		// anonymous: no cookie was ever set
		expect(await page.context().cookies()).toEqual([]);
	});
});

test('the toolkit in Arabic, and answers kept on the device only when asked (JavaScript on)', async ({ page }) => {
	test.setTimeout(240_000);
	await page.goto('/ar/toolkits/sports');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('h1')).toHaveText(sports.title.ar);
	await expect(page.locator('main a[href^="/ar/help"]').first()).toBeVisible();
	await scan(page);

	await page.goto('/ar/toolkits/sports/assess');
	const keep = page.locator('[data-device-keep]');
	await expect(keep).toBeVisible();
	await expect(keep).not.toBeChecked();
	await scan(page);
	await keep.check();
	const first = page.locator(`#f-a_${theme('policy').practices[0].id}-partly`);
	await first.check();
	await page.reload();
	await expect(page.locator('[data-device-restored]')).toBeVisible();
	await expect(first).toBeChecked();
	// unticking forgets them
	await page.locator('[data-device-keep]').uncheck();
	expect(await page.evaluate(() => localStorage.getItem('cop-toolkit:sports'))).toBeNull();
});

test('a signed-in person saves the self-assessment, reopens it and deletes it', async ({ page }) => {
	test.setTimeout(300_000);
	const email = `club.${unique()}@example.org`;
	await signUp(page, { name: 'Club Secretary', email, password: 'a long club password' });

	await page.goto('/toolkits/sports/assess');
	await scan(page);
	await page.locator('input[name=organisation]').fill(`Hillside Athletics ${email}`);
	await answer(page, 'reporting', 'no');
	await page.locator('form.assess-form button[type=submit]').click();
	await expect(page.locator('h1')).toHaveText('Your results');
	await scan(page);
	await page.getByRole('button', { name: 'Save with my account' }).click();
	await expect(page).toHaveURL(/\/toolkits\/sports\/saved\/[0-9a-f-]{36}\?saved$/);
	await expect(page.locator('p.notice')).toBeVisible();
	await expect(scoreRow(page, 'reporting')).toContainText(/(^|\D)0\s%/);
	await scan(page);
	const savedUrl = new URL(page.url()).pathname;

	await page.goto('/toolkits/sports/saved');
	await scan(page);
	await page.getByRole('link', { name: `Hillside Athletics ${email}` }).click();
	await expect(page).toHaveURL(new RegExp(`${savedUrl}$`));
	await scan(page);
	await page.getByRole('button', { name: 'Delete this saved self-assessment' }).click();
	await expect(page).toHaveURL(/\/toolkits\/sports\/saved\?deleted$/);
	await expect(page.getByRole('link', { name: `Hillside Athletics ${email}` })).toHaveCount(0);
	await scan(page);
});
