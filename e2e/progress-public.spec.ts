// Public progress pages in English and Arabic, every page scanned with axe: the world dashboard
// (demo data, labelled), a region, a country, the legal-measures tracker, the method page, the
// status report, and its PDF in the reader's language. Pages ship no JavaScript (csr = false), so this is also the no-JavaScript journey.
import { expect, scan, test } from './fixtures';


for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a ministry analyst reads the world, a region and a country, compares laws and downloads the status report (${lang})`, async ({ page }) => {
		await page.goto(`${prefix}/progress`);
		await scan(page);
		await expect(page.locator('html')).toHaveAttribute('dir', prefix ? 'rtl' : 'ltr');
		// demo data is labelled; the map, the charts and their tables are on the page
		await expect(page.locator('.demo-banner')).toBeVisible();
		await expect(page.locator('svg.world-map')).toBeVisible();
		const charts = page.locator('svg.chart[role=img]');
		expect(await charts.count()).toBeGreaterThanOrEqual(4);
		for (const chart of await charts.all()) {
			await expect(chart.locator('title')).not.toBeEmpty();
			await expect(chart.locator('desc')).not.toBeEmpty();
		}
		// regional roll-ups: suppressed regions say so in words
		await expect(page.locator('#s-regions ~ .table-wrap, #s-regions + .table-wrap').first()).toBeVisible();
		const suppressed = prefix ? 'أقل من 3 بلدان' : 'Fewer than 3 countries';
		await expect(page.locator('section[aria-labelledby=s-regions] td', { hasText: suppressed }).first()).toBeVisible();

		// the period selector is a plain GET form
		const period = await page.locator('select#period option').first().getAttribute('value');
		await page.locator('form.period-form button[type=submit]').click();
		await expect(page).toHaveURL(new RegExp(`period=${period}`));
		await scan(page);

		// a region with a roll-up
		await page.locator('section[aria-labelledby=s-regions] a[href*="/progress/regions/africa"]').click();
		await expect(page).toHaveURL(/\/progress\/regions\/africa/);
		await scan(page);
		await expect(page.locator('h1')).toContainText(prefix ? 'أفريقيا' : 'Africa');

		// a country from the region's table
		await page.locator('section[aria-labelledby=s-countries] table a[href*="/progress/countries/KE"]').click();
		await expect(page).toHaveURL(/\/progress\/countries\/KE/);
		await scan(page);
		await expect(page.locator('h1')).toContainText(prefix ? 'كينيا' : 'Kenya');
		await expect(page.locator('section[aria-labelledby=s-indicators] table tbody tr').first()).toBeVisible();
		await expect(page.locator('section[aria-labelledby=s-trends] table')).toBeVisible();

		// legal-measures tracker: choose two countries and a protection
		await page.goto(`${prefix}/progress/legal`);
		await scan(page);
		const boxes = page.locator('form.legal-form input[name=country]');
		for (const box of await boxes.all()) await box.uncheck();
		await boxes.nth(0).check();
		await boxes.nth(1).check();
		await page.locator('form.legal-form button[type=submit]').click();
		await expect(page).toHaveURL(/country=/);
		await scan(page);
		await expect(page.locator('table.legal-compare thead th')).toHaveCount(3);
		await expect(page.locator('svg.world-map')).toBeVisible();

		// the method page
		await page.goto(`${prefix}/progress/method`);
		await scan(page);
		await expect(page.locator('table.data-table tbody tr')).toHaveCount(5);

		// the status report for Kenya, then its PDF in the same language
		await page.goto(`${prefix}/progress/report?scope=KE`);
		await scan(page);
		await expect(page.locator('#report-title')).toContainText(prefix ? 'كينيا' : 'Kenya');
		await expect(page.locator('section[aria-labelledby=s-method]')).toBeVisible();
		const pdfHref = await page.locator('.report-doc a[type="application/pdf"]').getAttribute('href');
		expect(pdfHref).toContain(`${prefix}/progress/report.pdf?scope=KE`);
		const res = await page.request.get(pdfHref!);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toBe('application/pdf');
		const body = await res.body();
		expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
		expect(body.length).toBeGreaterThan(10_000);
		expect(body.toString('latin1')).toContain(`/Lang (${prefix ? 'ar' : 'en'})`);
		if (prefix) expect(body.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansArabic/);

		// a bad parameter gets a 4xx page in the reader's language
		const bad = await page.goto(`${prefix}/progress/report?scope=atlantis`);
		expect(bad?.status()).toBe(400);
		await scan(page);
		await expect(page.locator('main p').first()).toContainText(prefix ? 'نطاق غير معروف' : 'Unknown scope');
	});
}

test('progress pages fit a 320 px screen without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 700 });
	for (const path of ['/progress', '/progress/countries/KE', '/progress/legal', '/progress/report?scope=world', '/ar/progress/regions/africa']) {
		await page.goto(path);
		await scan(page);
		const width = await page.evaluate(() => document.documentElement.scrollWidth);
		expect(width, path).toBeLessThanOrEqual(320);
	}
});
