// Shared journey fixtures. Every test page:
// - fails the test if it requests any other origin (no third-party requests, ever);
// - must check every page it visits with `scan` (axe with all its default rules, and no sideways
//   scrolling at 320 px): the test fails if a visited page was not scanned.
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { locales } from '../src/lib/paraglide/runtime.js';

export { expect };
export const ADMIN = { email: 'admin@e2e.test', password: 'e2e admin password 2026' };
/** The six languages: Paraglide's list (compiled by the build). */
export const LOCALES = locales;

const scanned = new WeakMap<Page, Set<string>>();

function key(url: string): string {
	const u = new URL(url);
	return u.pathname + u.search;
}

/** The narrowest screen every page must fit without sideways scrolling (WCAG 1.4.10 reflow). */
export const NARROW = 320;

/** The elements wider than the viewport on the current page, for a readable failure message. */
async function overflowAt(page: Page, width: number): Promise<{ overflow: number; culprits: string[] }> {
	const before = page.viewportSize() ?? { width: 1280, height: 720 };
	if (before.width !== width) await page.setViewportSize({ width, height: before.height });
	const result = await page.evaluate(() => {
		const root = document.documentElement;
		const overflow = root.scrollWidth - root.clientWidth;
		const culprits: string[] = [];
		if (overflow > 0) {
			for (const el of Array.from(document.body.querySelectorAll('*'))) {
				const r = el.getBoundingClientRect();
				if (r.right > root.clientWidth + 1 || r.left < -1) {
					const tag = el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : '');
					culprits.push(`${tag} [${Math.round(r.left)}..${Math.round(r.right)}]`);
					if (culprits.length >= 8) break;
				}
			}
		}
		return { overflow, culprits };
	});
	if (before.width !== width) await page.setViewportSize(before);
	return result;
}

/**
 * The one check every journey runs on every page it visits: axe with its default rule set
 * (WCAG 2.x A/AA and best practices, nothing filtered out) finds no violation, and the page fits a
 * 320 px wide screen without scrolling sideways.
 */
export async function scan(page: Page): Promise<void> {
	if (scriptless.has(page)) return scanScriptless(page);
	// The same HTML at the same address and width was already checked in this run (the sign-in page,
	// public pages that several journeys pass through): axe and the 320 px check would find the same.
	const seen = `${key(page.url())} ${page.viewportSize()?.width} ${createHash('sha256').update(await page.content()).digest('hex')}`;
	if (clean.has(seen)) {
		scanned.get(page)?.add(key(page.url()));
		return;
	}
	const results = await new AxeBuilder({ page }).analyze();
	const violations = results.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
	expect(violations, `axe violations on ${page.url()}`).toEqual([]);
	await fits(page);
	clean.add(seen);
}

/**
 * The 320 px check alone, without axe: for the crawl's other languages (fr, es, ru, zh), whose pages
 * share their markup with the English ones axe already checked, while text length (what makes a
 * page overflow) differs by language. Counts as scanned for the "visited without a scan" guard.
 */
export async function fits(page: Page): Promise<void> {
	const { overflow, culprits } = await overflowAt(page, NARROW);
	expect({ overflow, culprits }, `horizontal scroll at ${NARROW} px on ${page.url()}`).toEqual({ overflow: 0, culprits: [] });
	scanned.get(page)?.add(key(page.url()));
}

/** Pages (address, width, exact HTML) that passed the check in this worker. */
const clean = new Set<string>();

/** Pages opened with JavaScript off (`test.use({ javaScriptEnabled: false })`): axe cannot run inside them. */
const scriptless = new WeakSet<Page>();

/**
 * A page seen with JavaScript off is checked by serving the very HTML it received (a POST's answer
 * included) at the same address to a JavaScript-enabled page, with the same stylesheets from the
 * server, and scanning that.
 */
async function scanScriptless(page: Page): Promise<void> {
	const url = page.url();
	const html = await page.content();
	// explicit: inside a test, new contexts inherit the spec's options (javaScriptEnabled: false included)
	const context = await page.context().browser()!.newContext({ viewport: page.viewportSize(), javaScriptEnabled: true });
	try {
		const mirror = await context.newPage();
		await mirror.route(url, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
		await mirror.goto(url);
		scanned.set(mirror, new Set());
		await scan(mirror);
	} finally {
		await context.close();
	}
	scanned.get(page)?.add(key(url));
}

export const test = base.extend<{ foreignRequests: string[] }>({
	foreignRequests: async ({}, use) => {
		await use([]);
	},
	// `javaScriptEnabled` is Playwright's option fixture, so `test.use({ javaScriptEnabled: false })` in a spec applies here
	page: async ({ browser, baseURL, foreignRequests, javaScriptEnabled }, use, testInfo) => {
		const context = await browser.newContext({ javaScriptEnabled });
		const page = await context.newPage();
		if (!javaScriptEnabled) scriptless.add(page);
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
