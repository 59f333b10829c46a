// Shared journey fixtures. Every test page:
// - fails the test if it requests any other origin (no third-party requests, ever);
// - must check every page it visits with `scan` (axe with all its default rules, and no sideways
//   scrolling at 320 px): the test fails if a visited page was not scanned.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
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

/**
 * Second factors of the accounts this run has enrolled, kept in a file (keyed by the server's port and
 * the email) so that a worker restarted after a failing test still answers the code step. Playwright
 * empties its output folder at the start of every run, when the server starts on a fresh database.
 */
function secretsFile(): string {
	const info = test.info();
	const port = new URL(info.project.use.baseURL ?? 'http://127.0.0.1:4173').port;
	return path.join(info.project.outputDir, `.two-factor-${port}.json`);
}

type Remembered = Record<string, { secret: string; lastStep: number }>;

function remembered(): Remembered {
	const file = secretsFile();
	return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Remembered) : {};
}

function remember(email: string, entry: { secret: string; lastStep: number }): void {
	const file = secretsFile();
	mkdirSync(path.dirname(file), { recursive: true });
	writeFileSync(file, JSON.stringify({ ...remembered(), [email.toLowerCase()]: entry }));
}

/**
 * The code an authenticator app would show for `email`'s remembered secret. The server takes a code
 * once per 30-second step and accepts the next step's code too, so a second sign-in within the same
 * step answers with the next step's code (and only past that does it wait for the clock).
 */
export async function totpCode(email: string, secret?: string): Promise<string> {
	const entry = remembered()[email.toLowerCase()];
	const key = secret ?? entry?.secret;
	if (!key) throw new Error(`no second factor remembered for ${email}`);
	const lastStep = secret ? -1 : (entry?.lastStep ?? -1);
	for (;;) {
		const now = Math.floor(Date.now() / 30_000);
		const step = Math.max(now, lastStep + 1);
		if (step <= now + 1) {
			remember(email, { secret: key, lastStep: step });
			return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(key), timestamp: step * 30_000 });
		}
		await new Promise((r) => setTimeout(r, (now + 1) * 30_000 - Date.now() + 200));
	}
}

/**
 * On `/account/two-factor` (where staff are sent until they have a second factor): sets one up as a
 * person would with an app, reading the key shown as text, and remembers it for later sign-ins.
 * Ends on the account page. Scans every page unless `quiet`.
 */
export async function enrolTwoFactor(page: Page, email: string, options: { quiet?: boolean } = {}): Promise<string[]> {
	const check = options.quiet ? async () => {} : () => scan(page);
	await page.waitForURL(/\/account\/two-factor$/);
	await check();
	const start = page.locator('form[action="?/start"] button[type=submit]');
	if (await start.count()) {
		await start.click();
		await page.locator('#totp-secret').waitFor();
		await check();
	}
	const secret = (await page.locator('#totp-secret').innerText()).trim();
	await page.locator('form[action="?/confirm"] input[name=code]').fill(await totpCode(email, secret));
	await page.locator('form[action="?/confirm"] button[type=submit]').click();
	await page.locator('ul.recovery-codes').waitFor();
	await check();
	const codes = await page.locator('ul.recovery-codes code').allInnerTexts();
	await page.locator('main a[href$="/account"]').click();
	await page.waitForURL(/\/account$/);
	await check();
	return codes;
}

/**
 * Signs in through the form (and scans the pages on the way, unless `quiet`: a helper context that
 * only reads the outbox). Staff accounts answer the second factor: the code step with the remembered
 * secret, or, the first time, the set-up the server sends them to.
 */
export async function signIn(page: Page, email: string, password: string, prefix = '', options: { quiet?: boolean } = {}): Promise<void> {
	const check = options.quiet ? async () => {} : () => scan(page);
	await page.goto(`${prefix}/signin`);
	await check();
	await page.locator('input[name=email]').fill(email);
	await page.locator('input[name=password]').fill(password);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/(account|account\/two-factor|signin\/two-factor\?.*)$/);
	if (/\/signin\/two-factor/.test(page.url())) {
		await check();
		await page.locator('input[name=code]').fill(await totpCode(email));
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(/\/account(\/two-factor)?$/);
	}
	if (/\/account\/two-factor$/.test(page.url())) await enrolTwoFactor(page, email, options);
	else await check();
}

/**
 * The admin's view of the outbox (there is no SMTP server in the tests), signed in once per worker
 * in a context of its own, quietly: it is the test's plumbing, not a page of the journey.
 */
export interface Mailbox {
	/** the body of the newest mail to `to` whose body matches `pattern` */
	body(to: string, pattern?: RegExp): Promise<string>;
	/** the path (with its language prefix) of the first link in that mail matching `path`, e.g. /\/signup\/[\w-]+/ */
	link(to: string, path: RegExp): Promise<string>;
	context: BrowserContext;
}

const mailboxes = new WeakMap<Browser, Promise<Mailbox>>();

export function mailbox(browser: Browser): Promise<Mailbox> {
	let box = mailboxes.get(browser);
	if (!box) {
		box = (async () => {
			const context = await browser.newContext();
			const admin = await context.newPage();
			await signIn(admin, ADMIN.email, ADMIN.password, '', { quiet: true });
			const body = async (to: string, pattern?: RegExp) => {
				await admin.goto('/admin/outbox');
				// a journey that ended the admin's sessions: sign in again
				if (/\/signin/.test(admin.url())) {
					await signIn(admin, ADMIN.email, ADMIN.password, '', { quiet: true });
					await admin.goto('/admin/outbox');
				}
				const rows = admin.locator('tbody tr', { hasText: to });
				const count = await rows.count();
				for (let i = 0; i < count; i++) {
					await admin.goto('/admin/outbox');
					await admin.locator('tbody tr', { hasText: to }).nth(i).locator('a').click();
					const text = await admin.locator('pre.mail-body').innerText();
					if (!pattern || pattern.test(text)) return text;
				}
				throw new Error(`no mail to ${to}${pattern ? ` matching ${pattern}` : ''} in the outbox`);
			};
			return {
				body,
				async link(to: string, path: RegExp) {
					const text = await body(to, path);
					const found = new RegExp(`https?://[^/\\s]+((?:/(?:${LOCALES.join('|')}))?${path.source})`).exec(text);
					expect(found, `a link ${path} in the mail to ${to}`).not.toBeNull();
					return found![1];
				},
				context
			};
		})();
		mailboxes.set(browser, box);
	}
	return box;
}

/**
 * Signs up as a person would: the form, "check your email", the link from the mail (read in the
 * outbox), the button that creates the account. Ends signed in on the account page. Scans every
 * page unless `quiet` (a helper context that only needs the account).
 */
export async function signUp(page: Page, person: { name: string; email: string; password: string }, prefix = '', options: { quiet?: boolean } = {}): Promise<void> {
	const check = options.quiet ? async () => {} : () => scan(page);
	await page.goto(`${prefix}/signup`);
	await check();
	await page.locator('input[name=name]').fill(person.name);
	await page.locator('input[name=email]').fill(person.email);
	await page.locator('input[name=password]').fill(person.password);
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/signup\?sent$/);
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await check();
	const link = await (await mailbox(page.context().browser()!)).link(person.email, /\/signup\/[A-Za-z0-9_-]+/);
	await page.goto(link);
	await check();
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/account$/);
	await check();
}
