// Shared journey fixtures. Every test page:
// - fails the test if it requests any other origin (no third-party requests, ever);
// - must be scanned with axe (`scan`) on every page it visits: the test fails if a visited page was not scanned.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export { expect };
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e admin password 2026' };
export const LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;

const scanned = new WeakMap<Page, Set<string>>();

function key(url: string): string {
	const u = new URL(url);
	return u.pathname + u.search;
}

/** Runs axe (WCAG 2.2 A/AA rules) on the current page and expects no violations. */
export async function scan(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
	scanned.get(page)?.add(key(page.url()));
}

export const test = base.extend<{ foreignRequests: string[] }>({
	foreignRequests: async ({}, use) => {
		await use([]);
	},
	page: async ({ browser, baseURL, foreignRequests }, use, testInfo) => {
		const context = await browser.newContext({ javaScriptEnabled: testInfo.project.use.javaScriptEnabled ?? true });
		const page = await context.newPage();
		const origin = new URL(baseURL!).origin;
		const visited = new Set<string>();
		scanned.set(page, new Set());
		page.on('request', (r) => {
			const u = new URL(r.url());
			if (u.protocol === 'data:' || u.protocol === 'blob:' || u.protocol === 'about:') return;
			if (u.origin !== origin) foreignRequests.push(r.url());
		});
		page.on('framenavigated', (frame) => {
			if (frame === page.mainFrame() && frame.url().startsWith(origin)) visited.add(key(frame.url()));
		});
		await use(page);
		expect(foreignRequests, 'requests to other origins').toEqual([]);
		if (!testInfo.annotations.some((a) => a.type === 'no-axe')) {
			const missing = [...visited].filter((v) => !scanned.get(page)!.has(v));
			expect(missing, 'pages visited without an axe scan').toEqual([]);
		}
		await context.close();
	}
});

/** Signs in through the form (and scans the pages on the way). */
export async function signIn(page: Page, email: string, password: string, prefix = ''): Promise<void> {
	await page.goto(`${prefix}/signin`);
	await scan(page);
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/account$/);
	await scan(page);
}
