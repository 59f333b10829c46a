// A country with more services than a count reads (1,100 synthetic services, all in Costa Rica, on
// an instance of its own): the help page says "more than 1,000", and its pager walks the list by
// key (Next carries the last service's key, Previous the first's), in English and in Arabic.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, scan, test } from './fixtures';
import { dropPgDatabase, freshPgDatabase, startInstance, type Instance } from './instances';

const PORT = 4286;
const DB = 'cop_e2e_busy_country';
test.use({ baseURL: `http://127.0.0.1:${PORT}` });
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let instance: Instance | undefined;
let dir = '';

test.beforeAll(async () => {
	test.setTimeout(180_000);
	dir = mkdtempSync(path.join(os.tmpdir(), 'cop-busy-'));
	const database = process.env.DATABASE_URL ? { DATABASE_URL: await freshPgDatabase(DB) } : { DATA_DIR: dir, DATABASE_URL: '' };
	// the bench's generator: synthetic services ("Synthetic …", +999 numbers), every one in CR
	const where = 'DATABASE_URL' in database && database.DATABASE_URL ? ['--database-url', database.DATABASE_URL] : ['--data-dir', dir];
	execFileSync(process.execPath, ['--import', 'tsx', 'bench/generate-directory.ts', '--count', '1100', '--country', 'CR', '--seed', '7', ...where], { stdio: 'pipe', timeout: 150_000 });
	instance = await startInstance(PORT, { ...database, SEED_DEMO: 'off', ADMIN_PASSWORD: 'busy country password' });
});

test.afterAll(async () => {
	instance?.proc.kill('SIGTERM');
	rmSync(dir, { recursive: true, force: true });
	if (process.env.DATABASE_URL) await dropPgDatabase(DB);
});

const names = (page: Page) => page.locator('.results article h3').allTextContents();

test('a busy country: more than 1,000 services, and Next and Previous walk them by key', async ({ page }) => {
	await page.goto('/help?country=CR');
	await expect(page.getByRole('heading', { level: 2, name: 'More than 1,000 services for Costa Rica' })).toBeVisible();
	const pager = page.getByRole('navigation', { name: 'Page 1 of more than 50' });
	await expect(pager).toBeVisible();
	await expect(pager.getByRole('link', { name: 'Previous' })).toHaveCount(0);
	const first = await names(page);
	expect(first).toHaveLength(20);
	await scan(page);

	await pager.getByRole('link', { name: 'Next' }).click();
	await expect(page).toHaveURL(/page=2&after=[A-Za-z0-9_-]+/);
	await expect(page.getByRole('navigation', { name: 'Page 2 of more than 50' })).toBeVisible();
	const second = await names(page);
	expect(second).toHaveLength(20);
	expect(second.filter((n) => first.includes(n))).toEqual([]);
	await scan(page);

	await page.getByRole('link', { name: 'Next' }).click();
	await expect(page).toHaveURL(/page=3&after=/);
	const third = await names(page);
	expect(third.filter((n) => [...first, ...second].includes(n))).toEqual([]);
	await scan(page);

	// back: page 2 by the key of page 3's first service, then page 1 as a plain search
	await page.getByRole('link', { name: 'Previous' }).click();
	await expect(page).toHaveURL(/page=2&before=/);
	expect(await names(page)).toEqual(second);
	await scan(page);
	await page.getByRole('link', { name: 'Previous' }).click();
	await expect(page).toHaveURL(/\/help\?country=CR$/);
	expect(await names(page)).toEqual(first);

	// past the counted pages: "Page 50", then on by key to the last page, which has no Next
	await page.goto('/help?country=CR&page=50');
	await expect(page.getByRole('navigation', { name: 'Page 50', exact: true })).toBeVisible();
	await scan(page);
	let last = 50;
	while ((await page.locator('nav.pager a[rel="next"]').count()) > 0) {
		await page.locator('nav.pager a[rel="next"]').click();
		last++;
		await expect(page.getByRole('navigation', { name: `Page ${last}`, exact: true })).toBeVisible();
		await scan(page);
	}
	// 1,100 services less the few defunct ones (no listing), 20 a page
	expect(last).toBeGreaterThan(50);
	expect(last).toBeLessThanOrEqual(55);
	expect((await names(page)).length).toBeGreaterThan(0);

	// a key that is not ours is ignored: page 2 is then read by offset, the same services
	await page.goto('/help?country=CR&page=2&after=not-a-key');
	await expect(page.getByRole('navigation', { name: 'Page 2 of more than 50' })).toBeVisible();
	expect(await names(page)).toEqual(second);
	await scan(page);
});

test('the same in Arabic, right to left', async ({ page }) => {
	await page.goto('/ar/help?country=CR');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('#results-title')).toContainText('1,000');
	await scan(page);
	await page.locator('nav.pager a[rel="next"]').click();
	await expect(page).toHaveURL(/\/ar\/help\?country=CR&page=2&after=/);
	await scan(page);
});
