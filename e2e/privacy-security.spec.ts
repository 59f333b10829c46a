// Privacy and security baseline, checked as a visitor would meet it.
import { expect, scan, signUp, test } from './fixtures';

const PUBLIC_PAGES = ['/', '/countries', '/privacy', '/signin', '/signup', '/password/forgot', '/no-such-page', '/help', '/help?country=KE&topic=sextortion', '/help/map', '/help/suggest', '/embed/help?country=GB', '/kids', '/learn', '/learn/guidelines', '/learn/courses', '/learn/verify', '/progress', '/progress/method', '/progress/legal'];
const LOCALE_PREFIXES = ['', '/fr', '/es', '/ru', '/zh', '/ar'];

test('no public page requests another origin or sets a cookie for an anonymous visitor', async ({ page, foreignRequests }) => {
	// every public section in six languages: a long walk on a busy two-core machine
	test.setTimeout(300_000);
	for (const prefix of LOCALE_PREFIXES) {
		for (const path of PUBLIC_PAGES) {
			await page.goto(prefix + (path === '/' && prefix ? '' : path));
			if (path.startsWith('/help') || path.startsWith('/embed')) await expect(page.locator('main')).toBeVisible();
			await page.waitForLoadState('load');
			if (prefix === '' || prefix === '/ar') await scan(page);
			else test.info().annotations.push({ type: 'no-axe', description: 'en and ar are scanned; other languages share the markup' });
		}
	}
	expect(foreignRequests).toEqual([]);
	expect(await page.context().cookies()).toEqual([]);
});

test('security headers on pages and API answers', async ({ request }) => {
	const page = await request.get('/');
	const h = page.headers();
	expect(h['content-security-policy']).toContain("default-src 'self'");
	expect(h['content-security-policy']).toMatch(/script-src 'self'(?! 'unsafe-inline')/);
	expect(h['content-security-policy']).not.toContain('unsafe-inline');
	expect(h['referrer-policy']).toBe('no-referrer');
	expect(h['permissions-policy']).toContain('geolocation=()');
	expect(h['permissions-policy']).toContain('camera=()');
	expect(h['permissions-policy']).toContain('microphone=()');
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['x-request-id']).toMatch(/.{8,}/);
	expect(h['set-cookie']).toBeUndefined();
	const api = await request.get('/api/v1/countries');
	expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('the session cookie is httpOnly and SameSite=Lax', async ({ page }) => {
	await signUp(page, { name: 'Cookie Check', email: `cookie.${Date.now()}@example.org`, password: 'a long and good password' });
	const [cookie] = await page.context().cookies();
	expect(cookie.name).toBe('cop_session');
	expect(cookie.httpOnly).toBe(true);
	expect(cookie.sameSite).toBe('Lax');
});

test('a form post from another origin is refused', async ({ request }) => {
	const r = await request.post('/signin', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=a%40b.org&password=xxxxxxxxxxxx'
	});
	expect(r.status()).toBe(403);
});

test('the auth forms never answer 500, whatever is posted', async ({ request, baseURL }) => {
	const bodies = [
		'',
		'email=',
		'email=%00%00&password=%00',
		'email=' + 'a'.repeat(5000) + '@x.org&password=' + 'b'.repeat(5000),
		'name=%E2%80%AE%E2%80%AE&email=x%40y&password=1',
		'email[]=1&email[]=2&password=__proto__',
		'%%%%=%%%',
		'name=' + encodeURIComponent('<script>alert(1)</script>') + '&email=ok%40example.org&password=short'
	];
	for (const path of ['/signin', '/signup', '/password/forgot', '/password/reset/abc']) {
		for (const data of bodies) {
			const r = await request.post(path, { headers: { origin: baseURL!, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' }, data });
			expect(r.status(), `${path} <- ${data.slice(0, 40)}`).toBeLessThan(500);
		}
	}
	const junk = await request.post('/signin', { headers: { origin: baseURL!, 'content-type': 'multipart/form-data; boundary=nope' }, data: '--x' });
	expect(junk.status()).toBeLessThan(500);
});

test('works with JavaScript off: sign in and read the countries', async ({ browser, baseURL }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(`${baseURL}/signin`);
	await page.locator('input[name=email]').fill('nobody@example.org');
	await page.locator('input[name=password]').fill('not the password');
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await page.goto(`${baseURL}/ar/countries`);
	await expect(page.locator('main h2')).toHaveCount(6);
	await ctx.close();
});

test('usable at 320 px wide without sideways scrolling', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of ['/', '/ar', '/signup', '/countries']) {
		await page.goto(path);
		await scan(page);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('the skip link is the first thing the keyboard reaches and moves to the main content', async ({ page }) => {
	await page.goto('/');
	await scan(page);
	await page.keyboard.press('Tab');
	const skip = page.locator('.skip-link');
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#main$/);
	await scan(page);
});
