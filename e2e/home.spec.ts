// The home page in every UN language: right lang and direction, translated, accessible.
import { LOCALES, expect, scan, test } from './fixtures';

for (const locale of LOCALES) {
	test(`home page in ${locale}`, async ({ page }) => {
		const path = locale === 'en' ? '/' : `/${locale}`;
		const response = await page.goto(path);
		expect(response?.status()).toBe(200);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
		await expect(page.locator('h1')).toHaveCount(1);
		// the five COP areas are explained
		await expect(page.locator('ol.areas > li')).toHaveCount(5);
		await scan(page);
	});
}

test('the language switcher keeps the current page', async ({ page }) => {
	await page.goto('/countries');
	await scan(page);
	await page.locator('nav.languages a[hreflang=ar]').click();
	await expect(page).toHaveURL(/\/ar\/countries$/);
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await scan(page);
	await page.locator('nav.languages a[hreflang=zh]').click();
	await expect(page).toHaveURL(/\/zh\/countries$/);
	await scan(page);
	await page.locator('nav.languages a[hreflang=en]').click();
	await expect(page).toHaveURL(/\/countries$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await scan(page);
});

test('the language switcher links to the final address of each home page (no redirect)', async ({ page, request }) => {
	await page.goto('/');
	await scan(page);
	for (const link of await page.locator('nav.languages a').all()) {
		const target = (await link.getAttribute('href'))!;
		expect(target, 'a language home page without a trailing slash').toMatch(/^\/([a-z]{2})?$/);
		expect((await request.get(target, { maxRedirects: 0 })).status(), target).toBe(200);
	}
});

test('Arabic really mirrors: the brand sits on the right', async ({ page }) => {
	await page.setViewportSize({ width: 1200, height: 800 });
	await page.goto('/ar');
	await scan(page);
	const brand = await page.locator('.brand').boundingBox();
	expect(brand!.x).toBeGreaterThan(600);
	await page.goto('/');
	await scan(page);
	const brandEn = await page.locator('.brand').boundingBox();
	expect(brandEn!.x).toBeLessThan(200);
});

test('friendly 404 in the reader\'s language', async ({ page }) => {
	const r = await page.goto('/fr/no-such-page');
	expect(r?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await expect(page.locator('h1')).not.toHaveText('Page not found');
	await scan(page);
});
