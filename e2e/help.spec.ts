// Help finder journeys, in English and Arabic, every page scanned with axe.
import { ADMIN, expect, scan, signIn, test } from './fixtures';

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a 14-year-old in Kenya whose picture is being shared finds someone to talk to now and a way to get it removed (${lang})`, async ({ page, context }) => {
		await page.goto(`${prefix}/help`);
		await scan(page);
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('details summary').click();
		await page.locator('select[name=topic]').selectOption('images_shared_without_consent');
		await page.locator('input[name=age]').fill('14');
		await page.locator('input[name=open]').check();
		await page.locator('form.help-search button[type=submit]').click();
		await expect(page).toHaveURL(/country=KE/);
		await scan(page);
		const results = page.locator('article.result');
		await expect(results.first()).toBeVisible();
		// someone to talk to, open now, with a tap-to-call link
		await expect(page.locator('a.contact[href="tel:116"]').first()).toBeVisible();
		await expect(page.locator('article.result', { has: page.locator('a[href="tel:116"]') }).locator('.status.open')).toBeVisible();
		// and a way to get the image removed
		await expect(page.locator('a.contact[href^="https://takeitdown.ncmec.org"]')).toBeVisible();
		// the emergency number is at hand
		await expect(page.locator('.emergency a[href="tel:999"]')).toBeVisible();
		// demo entries say so
		await expect(page.locator('.demo-tag').first()).toBeVisible();
		// nothing was stored on the device by the server
		expect(await context.cookies()).toEqual([]);

		// narrow to "get an image removed"
		await page.locator('input[name=action][value=remove_image]').check();
		await page.locator('form.help-search button[type=submit]').click();
		await scan(page);
		await expect(page.locator('article.result')).toHaveCount(1);

		// open the service page
		await page.locator('article.result a[href*="/help/services/"]').first().click();
		await scan(page);
		await expect(page.locator('h1')).toContainText('Take It Down');
		await expect(page.locator('.demo-banner')).toBeVisible();
		await page.locator(`a[href$="/report"]`).click();
		await scan(page);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.error-summary')).toBeVisible();
		await scan(page);
		await page.locator('textarea[name=message]').fill('The link opens but the page is in English only.');
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('p.notice[role=status]')).toBeVisible();
		await scan(page);
	});
}

test('the help finder works with JavaScript off', async ({ browser, baseURL }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(`${baseURL}/help?country=GB&age=12`);
	await expect(page.locator('a.contact[href="tel:08001111"]')).toBeVisible();
	await expect(page.locator('text=Does not show on the phone bill').first()).toBeVisible();
	expect(await ctx.cookies()).toEqual([]);
	await ctx.close();
});

test('quick exit replaces the page so Back cannot return to it', async ({ page, foreignRequests }) => {
	await page.route('https://www.wikipedia.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Wikipedia</title><p>neutral</p>' }));
	await page.goto('/');
	await scan(page);
	await page.goto('/help?country=KE&topic=sextortion');
	await scan(page);
	await page.locator('a.quick-exit').click();
	await page.waitForURL('https://www.wikipedia.org/');
	await page.goBack();
	await expect(page).not.toHaveURL(/\/help/);
	// the neutral site is the only other origin ever asked for, and only because the person left
	foreignRequests.splice(0, foreignRequests.length, ...foreignRequests.filter((u) => !u.startsWith('https://www.wikipedia.org/')));
});

test('quick exit with Shift pressed three times', async ({ page, foreignRequests }) => {
	await page.route('https://www.wikipedia.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>Wikipedia</title><p>neutral</p>' }));
	await page.goto('/help');
	await scan(page);
	await page.keyboard.press('Shift');
	await page.keyboard.press('Shift');
	await page.keyboard.press('Shift');
	await page.waitForURL('https://www.wikipedia.org/');
	foreignRequests.splice(0, foreignRequests.length, ...foreignRequests.filter((u) => !u.startsWith('https://www.wikipedia.org/')));
});

test('the map colours countries by verified services and has the same data as a table', async ({ page }) => {
	for (const prefix of ['', '/ar']) {
		await page.goto(`${prefix}/help/map`);
		await scan(page);
		await expect(page.locator('svg.world-map')).toBeVisible();
		await expect(page.locator('svg.world-map a[href*="country=KE"]')).toHaveCount(1);
		await expect(page.locator('table tbody tr', { has: page.locator('a[href*="country=KE"]') })).toHaveCount(1);
	}
});

test('the embeddable help list sets no cookie and may be framed', async ({ page, request }) => {
	const r = await request.get('/embed/help?country=KE');
	expect(r.headers()['set-cookie']).toBeUndefined();
	expect(r.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(r.headers()['x-frame-options']).toBeUndefined();
	await page.goto('/embed/help?country=KE&topic=sextortion');
	await scan(page);
	await expect(page.locator('.site-header')).toHaveCount(0);
	await expect(page.locator('article.result').first()).toBeVisible();
	const size = (await r.body()).length;
	expect(size).toBeLessThan(50_000);
	// the same widget in another language may be framed too
	const fr = await request.get('/fr/embed/help?country=KE');
	expect(fr.headers()['content-security-policy']).toContain('frame-ancestors *');
	expect(fr.headers()['x-frame-options']).toBeUndefined();
	// and other pages may not
	expect((await request.get('/fr/help')).headers()['x-frame-options']).toBe('SAMEORIGIN');
});

test('a suggestion goes through moderation: diff, approve, verify', async ({ page, browser }) => {
	const visitor = await browser.newContext();
	const v = await visitor.newPage();
	await v.goto('/help/suggest');
	await v.locator('input[name=name]').fill('Demo Youth Line for Testing');
	await v.locator('input[name=organization]').fill('Testing Organisation');
	await v.locator('select[name=country]').selectOption('TZ');
	await v.locator('select[name=channelType]').selectOption('phone');
	await v.locator('input[name=channelValue]').fill('+255 000 000');
	await v.locator('input[name=always]').check();
	await v.locator('select[name=timezone]').selectOption('Africa/Dar_es_Salaam');
	await v.locator('input[name=actions][value=talk]').check();
	await v.locator('main form button[type=submit]').click();
	await expect(v.locator('p.notice')).toBeVisible();
	await visitor.close();

	await signIn(page, ADMIN.email, ADMIN.password);
	await page.goto('/admin/directory');
	await scan(page);
	await page.getByRole('link', { name: 'Demo Youth Line for Testing' }).click();
	await scan(page);
	await expect(page.locator('table.diff tr.changed', { hasText: 'countries' })).toContainText('TZ');
	await page.locator('button[value=approve]').click();
	await page.waitForURL(/\/admin\/directory$/);
	await scan(page);
	await page.goto('/help?country=TZ');
	await scan(page);
	await expect(page.locator('article.result', { hasText: 'Demo Youth Line for Testing' })).toContainText('Not yet checked');
	await page.locator('article.result a[href*="/help/services/"]').first().click();
	await scan(page);
	const id = page.url().split('/').pop();
	await page.goto(`/admin/directory/services/${id}`);
	await scan(page);
	await page.locator('select[name=method]').selectOption('phoned');
	await page.locator('form[action="?/verify"] button').click();
	await expect(page.locator('p.notice')).toBeVisible();
	await scan(page);
	// bad JSON in the editor is a clear error and nothing changes
	await page.locator('textarea[name=json]').fill('{ not json');
	await page.locator('form[action="?/save"] button').click();
	await expect(page.locator('.error-summary, .error-list').first()).toBeVisible();
	await scan(page);
	await page.goto(`/help/services/${id}`);
	await scan(page);
	// the public sees that the deployment verified it, never which account did
	await expect(page.locator('dl.facts')).toContainText('COP Platform');
	await expect(page.locator('dl.facts')).not.toContainText('Administrator');
});

test('a moderator writes a Spanish description; a Spanish reader sees it unmarked, a French reader the English marked as not yet translated', async ({ page, browser }) => {
	const service = {
		organization: { name: { en: 'Botswana Test Organisation' }, website: null },
		name: { en: 'Botswana Test Talk Line' },
		description: { en: 'Trained counsellors listen to children and young people.' },
		whatHappens: { en: 'A counsellor answers and you do not have to give your name.' },
		kind: 'helpline',
		countries: ['BW'],
		actions: ['talk'],
		topics: ['bullying_cyberbullying'],
		languages: ['en'],
		channels: [{ type: 'phone', value: '+267 000 000', hours: { timezone: 'Africa/Gaborone', always: true, weekly: [], exceptions: [] } }]
	};
	await signIn(page, ADMIN.email, ADMIN.password);
	await page.goto('/admin/directory/new');
	await scan(page);
	await page.locator('textarea[name=json]').fill(JSON.stringify(service, null, 2));
	await page.locator('main form button[type=submit]').click();
	await page.waitForURL(/\/admin\/directory\/services\/[0-9a-f-]{36}$/);
	await scan(page);
	const id = page.url().split('/').pop()!;

	// a reader opens the Spanish page first (it is now in the page cache): English, marked
	const reader = await browser.newContext();
	const r = await reader.newPage();
	await r.goto(`/es/help/services/${id}`);
	await scan(r);
	await expect(r.locator('main p', { hasText: 'Trained counsellors listen' }).locator('[lang="en"][dir="ltr"]')).toBeVisible();
	await expect(r.locator('.untranslated').first()).toBeVisible();

	// the moderator writes the Spanish texts, each box in its own language
	const es = page.locator('textarea[name="description.es"]');
	await expect(es).toHaveAttribute('lang', 'es');
	await expect(page.locator('textarea[name="description.ar"]')).toHaveAttribute('dir', 'rtl');
	await es.fill('Personas formadas escuchan a niñas, niños y jóvenes.');
	await page.locator('textarea[name="whatHappens.es"]').fill('Te responde una persona y no tienes que decir tu nombre.');
	await page.locator('form[action="?/texts"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await scan(page);
	await expect(page.locator('textarea[name="description.es"]')).toHaveValue('Personas formadas escuchan a niñas, niños y jóvenes.');
	await expect(page.locator('main li code', { hasText: 'service.texts' })).toHaveCount(1);

	// emptying the description in every language is refused beside the boxes, with what was typed kept
	await page.locator('textarea[name="description.en"]').fill('');
	await page.locator('textarea[name="description.es"]').fill('');
	await page.locator('textarea[name="whatHappens.fr"]').fill('Quelqu’un répond.');
	await page.locator('form[action="?/texts"] button[type=submit]').click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expect(page.locator('#f-description\\.es-error')).toBeVisible();
	await expect(page.locator('textarea[name="whatHappens.fr"]')).toHaveValue('Quelqu’un répond.');
	await scan(page);

	// the same reader, again: the save dropped the cached page
	await r.goto(`/es/help/services/${id}`);
	await scan(r);
	const description = r.locator('main p', { hasText: 'Personas formadas escuchan' });
	await expect(description).toBeVisible();
	await expect(description.locator('[lang]')).toHaveCount(0);
	await expect(r.locator('main p.what')).toContainText('Te responde una persona');
	await expect(r.locator('.untranslated')).toHaveCount(0);
	// a French reader gets the English, in its own language and direction, marked
	await r.goto(`/fr/help/services/${id}`);
	await scan(r);
	await expect(r.locator('main p', { hasText: 'Trained counsellors listen' }).locator('[lang="en"][dir="ltr"]')).toBeVisible();
	await expect(r.locator('.untranslated').first()).toBeVisible();
	expect(await reader.cookies()).toEqual([]);
	await reader.close();
});

test('a moderator imports services from CSV: a bad line is reported by number and nothing is written, then the good file imports', async ({ page }) => {
	const header = 'organization_name,name_en,kind,countries,actions,topics,timezone,phone,phone_hours';
	const bad = [header, 'Import Org,Imported Line One,helpline,MW,talk,grooming,Africa/Blantyre,+265 000,24/7', 'Import Org,Imported Line Two,helpline,XX,talk,,Africa/Blantyre,+265 001,Mo-Fr 08:00-17:00'].join('\n');
	const good = bad.replace(',XX,', ',MW,');
	await signIn(page, ADMIN.email, ADMIN.password);
	await page.goto('/admin/directory/import');
	await scan(page);
	await page.locator('input[name=dryRun]').uncheck();
	await page.locator('input[name=file]').setInputFiles({ name: 'services.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('section[role=status] table tbody tr').first()).toContainText('3');
	await expect(page.locator('section[role=status] table')).toContainText('countries');
	await expect(page.locator('.warning')).toBeVisible();
	await scan(page);
	await page.goto('/help?country=MW');
	await scan(page);
	await expect(page.locator('article.result', { hasText: 'Imported Line' })).toHaveCount(0);

	await page.goto('/admin/directory/import');
	await scan(page);
	await page.locator('input[name=dryRun]').uncheck();
	await page.locator('input[name=file]').setInputFiles({ name: 'services.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('section[role=status]')).toContainText('2 written');
	await scan(page);
	await page.goto('/help?country=MW');
	await scan(page);
	await expect(page.locator('article.result', { hasText: 'Imported Line' })).toHaveCount(2);
});

test('the HSDS export answers with valid paging and clear errors', async ({ request }) => {
	const page = await (await request.get('/api/v1/hsds/services?per_page=5')).json();
	expect(page.total_items).toBeGreaterThan(0);
	expect(page.contents.length).toBeLessThanOrEqual(5);
	expect(page.contents[0]).toHaveProperty('organization');
	const one = await request.get(`/api/v1/hsds/services/${page.contents[0].id}`);
	expect(one.status()).toBe(200);
	const bad = await request.get('/api/v1/hsds/services?page=0');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error.fields.page).toBe('page_invalid');
	expect((await request.get('/api/v1/hsds/services/00000000-0000-0000-0000-000000000000')).status()).toBe(404);
});
