// Kids zone journeys: every request of a full play-through is recorded, and the privacy promises of
// docs/kids-privacy.md are asserted one by one. English and Arabic, every page scanned with axe.
import type { BrowserContext, Page } from '@playwright/test';
import { expect, scan, test } from './fixtures';
import { isAllowed, KIDS_MANIFEST, KIDS_PAGE, notStatic, record, STATIC, type Recorder } from './kids-requests';

/** Quick exit and "Talk to someone" are on every kids page, one tap away. */
async function helpAtHand(page: Page): Promise<void> {
	await expect(page.locator('.kids-bar a.quick-exit[data-quick-exit]')).toBeVisible();
	await expect(page.locator('.kids-bar a[data-kids-help]')).toBeVisible();
}

async function noFreeText(page: Page): Promise<void> {
	await helpAtHand(page);
	await expect(page.locator('input:not([type]), input[type=text], input[type=search], input[type=email], input[type=tel], input[type=url], input[type=number], textarea, [contenteditable]:not([contenteditable=false])')).toHaveCount(0);
	await expect(page.locator('form[method=post i]')).toHaveCount(0);
}

/** Waits until the kids service worker controls the page (so later loads can come from it). */
async function serviceWorkerReady(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
}

async function stored(page: Page): Promise<Record<string, unknown>> {
	return page.evaluate(() => JSON.parse(localStorage.getItem('cop-kids') ?? '{}'));
}

async function noCookies(context: BrowserContext, rec: Recorder): Promise<void> {
	expect(await context.cookies()).toEqual([]);
	for (const r of rec.responses) {
		const names = (await r.headersArray()).map((h) => h.name.toLowerCase());
		expect(names, `Set-Cookie on ${r.url()}`).not.toContain('set-cookie');
	}
}

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a 10-year-old plays a scenario to the end and taps "Talk to someone" for the country they picked (${lang})`, async ({ page, baseURL }) => {
		const context = page.context();
		const rec = record(context);
		const origin = new URL(baseURL!).origin;

		await page.goto(`${prefix}/kids`);
		await expect(page.locator('html')).toHaveAttribute('dir', prefix ? 'rtl' : 'ltr');
		await scan(page);
		await noFreeText(page);
		await page.locator('[data-kids-country]').selectOption('KE');
		// the top "Talk to someone" link follows the choice at once, on the device
		await expect(page.locator('.kids-bar a[data-kids-help]')).toHaveAttribute('href', `${prefix}/help?country=KE`);

		await page.locator('a[data-band-choice="9-12"]').click();
		await expect(page).toHaveURL(new RegExp(`${prefix}/kids/9-12$`));
		await scan(page);
		await noFreeText(page);
		await page.locator('a[data-scenario-link="game-chat-stranger"]').click();
		await expect(page.locator('#start')).toBeVisible();
		await scan(page);
		await noFreeText(page);
		await serviceWorkerReady(page);
		await page.waitForLoadState('networkidle');
		rec.mark();

		// play: say no, then block and report
		await page.locator('#start a.choice').nth(1).click();
		await expect(page.locator('#start__1')).toBeVisible();
		await expect(page.locator('#start')).toBeHidden();
		await scan(page);
		await page.locator('#start__1 a.next').click();
		await expect(page.locator('#said-no')).toBeVisible();
		await page.locator('#said-no a.choice').first().click();
		await page.locator('#said-no__0 a.next').click();
		await expect(page.locator('#told')).toBeVisible();
		await expect(page.locator('#told .earned')).toBeVisible();
		await scan(page);

		// playing told the server nothing at all
		expect(notStatic(rec.since())).toEqual([]);
		const s = await stored(page);
		expect(s).toMatchObject({ band: '9-12', country: 'KE', done: ['game-chat-stranger'], stickers: ['trust-detector'] });

		// every request so far was a kids page or a static file, by GET, on our origin
		const outside = rec.requests.filter((r) => !isAllowed(r, origin)).map((r) => `${r.method()} ${r.url()}`);
		expect(outside).toEqual([]);
		await noCookies(context, rec);

		// "Talk to someone" opens the help finder for Kenya, narrowed to the scenario's topic
		await page.locator('#told .talk-box a[data-kids-help]').click();
		await expect(page).toHaveURL(new RegExp(`${prefix}/help\\?country=KE&topic=grooming$`));
		await expect(page.locator('select[name=country]')).toHaveValue('KE');
		await expect(page.locator('article.result').first()).toBeVisible();
		await scan(page);
		expect(await context.cookies()).toEqual([]);
	});
}

test('each age band plays through with no request, keeps progress on the device, and forgets it on request', async ({ page, baseURL }) => {
	// every page gets axe with all rules and a 320 px check: a walk through three bands in two languages needs more than a minute
	test.setTimeout(180_000);
	const context = page.context();
	const rec = record(context);
	const origin = new URL(baseURL!).origin;

	for (const prefix of ['', '/ar']) {
		// under 9: a picture story, page by page, with one picture choice and no typing
		await page.goto(`${prefix}/kids/under-9/nova-and-the-wobbly-secret`);
		await scan(page);
		await noFreeText(page);
		await serviceWorkerReady(page);
		await page.waitForLoadState('networkidle');
		rec.mark();
		await expect(page.locator('#meet-nova svg.scene')).toBeVisible();
		await expect(page.locator('#meet-nova .guide img')).toHaveAttribute('src', '/kids/guide/nova.svg#wave');
		for (const id of ['meet-nova', 'sami-plays', 'new-message', 'keep-it-secret']) await page.locator(`#${id} a.next`).click();
		await page.locator('#what-now a.choice').nth(1).click(); // keep the secret: a gentle page, then on
		await expect(page.locator('#heavy-secret')).toBeVisible();
		for (const id of ['heavy-secret', 'show-grown-up', 'thank-you', 'block-and-tell']) await page.locator(`#${id} a.next`).click();
		await expect(page.locator('#bright-again .earned')).toBeVisible();
		await expect(page.locator('#bright-again .talk-box a[data-kids-help]')).toBeVisible();
		await scan(page);
		expect(notStatic(rec.since())).toEqual([]);

		// 13-18: a dilemma with the reasons behind every option
		await page.goto(`${prefix}/kids/13-18/image-shared-without-consent`);
		await scan(page);
		await noFreeText(page);
		await page.waitForLoadState('networkidle');
		rec.mark();
		await page.locator('#start a.choice').first().click();
		await expect(page.locator('#start__0')).toBeVisible();
		await page.locator('#start__0 details.others summary').click();
		await expect(page.locator('#start__0 details.others dd')).toHaveCount(2);
		await scan(page);
		await page.locator('#start__0 a.next').click();
		await expect(page.locator('#forwarded')).toBeVisible();
		// leave half-way and come back: the page offers to carry on from the device's memory
		await page.goto(`${prefix}/kids/13-18`);
		await scan(page);
		await page.locator('a[data-scenario-link="image-shared-without-consent"]').click();
		await expect(page.locator('[data-resume]')).toHaveAttribute('href', '#forwarded');
		await page.locator('[data-resume]').click();
		await expect(page.locator('#forwarded')).toBeVisible();
		rec.mark();
		await page.locator('#forwarded a.choice').first().click();
		await page.locator('#forwarded__0 a.next').click();
		await expect(page.locator('#reported .earned')).toBeVisible();
		await scan(page);
		expect(notStatic(rec.since())).toEqual([]);

		// the home page shows the stickers earned, from this device only
		await page.goto(`${prefix}/kids`);
		await scan(page);
		await expect(page.locator('[data-sticker-shelf="brave-teller"]')).toBeVisible();
		await expect(page.locator('[data-sticker-shelf="upstander"]')).toBeVisible();
		await expect(page.locator('[data-sticker-shelf="kindness-star"]')).toBeHidden();
		const s = await stored(page);
		expect(s.stickers).toEqual(expect.arrayContaining(['brave-teller', 'upstander']));

		// forget my progress: the zone's storage on this device is empty again
		await page.locator('[data-forget]').click();
		await expect(page.locator('[data-forget-status]')).not.toBeEmpty();
		expect(await page.evaluate(() => localStorage.length)).toBe(0);
		expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
		// and the offline copies of the pages opened are gone too (only static files remain)
		await expect
			.poll(() => page.evaluate(async () => {
				const out: string[] = [];
				for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname);
				return out.filter((p) => !/\.[a-z]+$/.test(p));
			}))
			.toEqual([]);
		await expect(page.locator('[data-sticker-shelf="brave-teller"]')).toBeHidden();
	}

	expect(rec.requests.filter((r) => !isAllowed(r, origin)).map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
	await noCookies(context, rec);
});

test('works offline once visited, served by a service worker that never touches other pages', async ({ page }) => {
	const context = page.context();
	await page.goto('/kids');
	await scan(page);
	await serviceWorkerReady(page);
	await page.reload(); // now under the worker's control
	await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
	// Chromium's own verdict: the page can be installed as an app (manifest, icons, worker). Test
	// contexts are incognito, where Chromium never installs anything; every other criterion must pass.
	const cdp = await context.newCDPSession(page);
	await expect
		.poll(async () => (await cdp.send('Page.getInstallabilityErrors')).installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'))
		.toEqual([]);
	const { url: manifestUrl, errors: manifestErrors } = await cdp.send('Page.getAppManifest');
	expect(new URL(manifestUrl).pathname).toBe('/kids/manifest.webmanifest');
	expect(manifestErrors.filter((e) => e.critical)).toEqual([]);
	await page.goto('/kids/9-12');
	await scan(page);
	await page.goto('/kids/9-12/prize-scam');
	await scan(page);
	await page.goto('/help');
	await scan(page);

	await context.setOffline(true);
	await page.goto('/kids/9-12/prize-scam');
	await expect(page.locator('#start')).toBeVisible();
	await page.locator('#start a.choice').nth(1).click();
	await expect(page.locator('#start__1')).toBeVisible();
	await page.goto('/kids');
	await expect(page.locator('a[data-band-choice="13-18"]')).toBeVisible();
	await expect(page.locator('link[rel=manifest]')).toHaveAttribute('href', '/kids/manifest.webmanifest');
	// a page outside the kids zone is not kept: offline it fails like any uncached page
	await expect(page.goto('/help')).rejects.toThrow();
	await context.setOffline(false);
	await page.goto('/kids');

	// what the worker stored: kids pages and their static files, nothing else
	const keys = await page.evaluate(async () => {
		const out: string[] = [];
		for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) out.push(new URL(req.url).pathname + new URL(req.url).search);
		return out;
	});
	expect(keys.length).toBeGreaterThan(3);
	for (const k of keys) expect(KIDS_PAGE.test(k) || KIDS_MANIFEST.test(k) || STATIC.test(k), k).toBe(true);
	expect(keys).toContain('/kids/9-12/prize-scam');
	expect(keys).not.toContain('/help');
});

test('the kids zone is installable: a manifest per language and the worker allowed by the CSP', async ({ request }) => {
	for (const prefix of ['', '/fr', '/ar']) {
		const r = await request.get(`${prefix}/kids/manifest.webmanifest`);
		expect(r.status()).toBe(200);
		expect(r.headers()['set-cookie']).toBeUndefined();
		const m = await r.json();
		expect(m.start_url).toBe(`${prefix}/kids`);
		expect(m.scope).toBe(`${prefix}/kids`);
		expect(m.display).toBe('standalone');
		expect(m.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
		if (prefix === '/ar') expect(m.dir).toBe('rtl');
	}
	const page = await request.get('/kids');
	const csp = page.headers()['content-security-policy'];
	expect(csp).toContain("default-src 'self'");
	expect(csp).not.toContain('unsafe-inline');
	expect(csp).not.toMatch(/worker-src|manifest-src/); // both fall back to default-src 'self'
	const sw = await request.get('/kids-sw.js');
	expect(sw.status()).toBe(200);
	expect(sw.headers()['content-type']).toContain('javascript');
});

test('with JavaScript off, every age band plays through by fragment links, with no request', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const rec = record(context);
	const runs: { path: string; steps: string[]; end: string }[] = [
		{ path: '/kids/9-12/prize-scam', steps: ['#start a.choice >> nth=1', '#start__1 a.next'], end: '#closed' },
		{ path: '/ar/kids/9-12/mean-group-chat', steps: ['#start a.choice >> nth=1', '#start__1 a.next', '#message-lina a.choice', '#message-lina__0 a.next'], end: '#make-it-right' },
		{ path: '/kids/13-18/sextortion-threat', steps: ['#start a.choice >> nth=1', '#start__1 a.next'], end: '#told' },
		{
			path: '/kids/under-9/nova-and-the-wobbly-secret',
			steps: ['#meet-nova a.next', '#sami-plays a.next', '#new-message a.next', '#keep-it-secret a.next', '#what-now a.choice >> nth=0', '#show-grown-up a.next', '#thank-you a.next', '#block-and-tell a.next'],
			end: '#bright-again'
		}
	];
	for (const run of runs) {
		await page.goto(run.path);
		await expect(page.locator('#start, #meet-nova').first()).toBeVisible();
		await noFreeText(page);
		// the enhancement's controls are not shown without JavaScript
		await expect(page.locator('[data-read-aloud]')).toBeHidden();
		await expect(page.locator('[data-forget]')).toBeHidden();
		rec.mark();
		for (const step of run.steps) {
			await page.locator(step).click();
		}
		await expect(page.locator(run.end)).toBeVisible();
		await expect(page.locator('section.node:visible')).toHaveCount(1);
		await expect(page).toHaveURL(new RegExp(`${run.end}$`));
		// without the device-only script, "Talk to someone" goes to the help finder, which asks for the country
		expect(await page.locator(`${run.end} .talk-box a[data-kids-help]`).getAttribute('href')).toMatch(/^(\/ar)?\/help\?topic=[a-z_]+$/);
		expect(notStatic(rec.since())).toEqual([]);
	}
	// Back returns through the story one node at a time (fragments are history entries)
	await page.goBack();
	await expect(page.locator('#block-and-tell')).toBeVisible();
	expect(await context.cookies()).toEqual([]);
	await context.close();
});

test('every kids page weighs under 50 KB, counting every byte of every request', async ({ browser }) => {
	test.setTimeout(420_000);
	// A fresh browser per page with no cache and no service worker: all bytes come over the network.
	// Sizes are the decoded bodies (uncompressed), so the budget holds even without gzip.
	const paths = ['/kids', '/kids/under-9', '/kids/9-12', '/kids/13-18', '/kids/under-9/nova-and-the-wobbly-secret', '/kids/9-12/game-chat-stranger', '/kids/9-12/mean-group-chat', '/kids/9-12/prize-scam', '/kids/13-18/image-shared-without-consent', '/kids/13-18/sextortion-threat', '/kids/13-18/friend-posts-rumour'];
	// the children's courses: the heaviest page of each kind (a lesson with two practice questions, the last
	// question page with a node per score, the result, the certificate, the answers)
	paths.push('/kids/9-12/course/your-treasure-chest', '/kids/9-12/course/quiz-5', '/kids/9-12/course/result', '/kids/9-12/course/certificate', '/kids/13-18/course', '/kids/13-18/course/pressure-and-manipulation', '/kids/13-18/course/quiz-5', '/kids/13-18/course/result', '/kids/13-18/course/certificate', '/kids/13-18/course/answers');
	const report: string[] = [];
	for (const prefix of ['', '/fr', '/ar']) {
		for (const path of paths) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const sizes: Promise<number>[] = [];
			page.on('response', (r) => sizes.push(r.body().then((b) => b.length, () => 0)));
			await page.goto(prefix + path, { waitUntil: 'networkidle' });
			if (prefix !== '/fr') await scan(page); // en and ar; fr shares the markup
			const total = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
			report.push(`${prefix}${path}: ${total} B in ${sizes.length} requests`);
			expect(total, `${prefix}${path} weighs ${total} bytes`).toBeLessThan(50_000);
			await context.close();
		}
	}
	test.info().annotations.push({ type: 'page weight', description: report.join('\n') });
	console.log(report.join('\n'));
});

test('unknown bands and scenarios are plain 404s, and no kids page sets a cookie even for a stale session', async ({ request }) => {
	expect((await request.get('/kids/7-8')).status()).toBe(404);
	expect((await request.get('/kids/9-12/no-such-story')).status()).toBe(404);
	expect((await request.get('/kids/13-18/prize-scam')).status()).toBe(404);
	const r = await request.get('/kids', { headers: { cookie: 'cop_session=stale-token-that-does-not-exist' } });
	expect(r.status()).toBe(200);
	// the session hook clears a stale session cookie; that is its only cookie, and kids pages never set one otherwise
	for (const h of r.headersArray().filter((x) => x.name.toLowerCase() === 'set-cookie')) expect(h.value).toMatch(/^cop_session=;/);
	const clean = await request.get('/kids/9-12/prize-scam');
	expect(clean.headers()['set-cookie']).toBeUndefined();
});

test('read aloud uses a voice on the device in the page language, never an online voice', async ({ page }) => {
	// A stand-in for the browser's speech synthesis: one online voice (default) and two on-device voices.
	await page.addInitScript(() => {
		const w = window as unknown as Record<string, unknown>;
		const spoken: { text: string; lang: string; voice: string | null }[] = [];
		w.__spoken = spoken;
		const voices = [
			{ name: 'Online English', lang: 'en-US', localService: false, default: true },
			{ name: 'Device French', lang: 'fr-FR', localService: true, default: false },
			{ name: 'Device English', lang: 'en-GB', localService: true, default: false }
		];
		Object.defineProperty(window, 'speechSynthesis', {
			configurable: true,
			value: { getVoices: () => voices, cancel: () => {}, speak: (u: { text: string; lang: string; voice: { name: string } | null }) => spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null }) }
		});
		w.SpeechSynthesisUtterance = function (this: { text: string }, text: string) {
			this.text = text;
		};
	});
	await page.goto('/fr/kids/under-9/nova-and-the-wobbly-secret#sami-plays');
	await scan(page);
	await page.locator('[data-read-aloud]').click();
	const fr = await page.evaluate(() => (window as unknown as { __spoken: { text: string; lang: string; voice: string }[] }).__spoken);
	expect(fr.length).toBeGreaterThan(0);
	expect(fr[0]).toMatchObject({ lang: 'fr', voice: 'Device French' });
	expect(fr[0].text).toContain('Sami adore');
	await expect(page.locator('[data-read-aloud]')).toHaveText('Arrête de lire');

	// Spanish text, but no Spanish voice on this device: nothing is read (never an online voice, never
	// the wrong language) and the button says why
	await page.goto('/es/kids/under-9/nova-and-the-wobbly-secret');
	await expect(page.locator('.untranslated-note')).toHaveCount(0);
	const button = page.locator('[data-read-aloud]');
	const noVoice = await button.getAttribute('data-no-voice');
	expect(noVoice).toBeTruthy();
	await button.click();
	const es = await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken);
	expect(es).toEqual([]);
	await expect(button).toHaveText(noVoice!);
	test.info().annotations.push({ type: 'no-axe', description: 'es shares the markup of the en and ar pages scanned elsewhere' });
});

test('quick exit on a kids page leaves at once and Back cannot return to it', async ({ page, foreignRequests }) => {
	await page.route('https://www.wikipedia.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Wikipedia</title><p>neutral</p>' }));
	await page.goto('/');
	await scan(page);
	await page.goto('/kids/13-18/sextortion-threat');
	await scan(page);
	await page.locator('.kids-bar a.quick-exit').click();
	await page.waitForURL('https://www.wikipedia.org/');
	await page.goBack();
	await expect(page).not.toHaveURL(/\/kids/);
	// the neutral site is the only other origin ever asked for, and only because the child left
	foreignRequests.splice(0, foreignRequests.length, ...foreignRequests.filter((u) => !u.startsWith('https://www.wikipedia.org/')));
});

