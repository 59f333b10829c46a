// Translation coverage and the translation file check: an admin opens /admin/translations in
// English and Arabic (axe on each page), downloads a set as XLIFF 2.0, checks the unchanged file
// (nothing would change) and a broken one (refused, with a report per segment). Nothing is written
// by the server: applying a translation is a command in the repository.
import { ADMIN, expect, scan, signIn, test } from './fixtures';

test('an admin reads translation coverage, downloads XLIFF and checks translation files', async ({ page }) => {
	test.setTimeout(600_000); // eight axe scans of long tables; 2 minutes ran out on a busy 2-core machine
	await signIn(page, ADMIN.email, ADMIN.password);

	await page.goto('/admin');
	await scan(page);
	await page.locator('main a[href$="/admin/translations"]').click();
	await expect(page.locator('h1')).toHaveText('Translations');
	await expect(page.locator('th[scope=rowgroup]', { hasText: 'guidelines.industry' })).toBeVisible();
	await scan(page);

	// items needing review, by language, with a GET form (works without JavaScript)
	await page.locator('#review-lang').selectOption('ar');
	await page.locator('form[method=GET] button[type=submit]').click();
	await expect(page).toHaveURL(/lang=ar/);
	await scan(page);

	// download one course in French as XLIFF 2.0
	const link = page.locator('a[href*="set=course.parents-online-safety&lang=fr"]').first();
	const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
	expect(download.suggestedFilename()).toBe('course.parents-online-safety.fr.xlf');
	const xliff = await (await page.request.get((await link.getAttribute('href'))!)).text();
	expect(xliff).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="fr">');
	expect(xliff).toContain('<unit id="parents-online-safety.title">');

	// the unchanged file passes and changes nothing
	await page.locator('input[name=file]').setInputFiles({ name: 'course.fr.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(xliff) });
	await page.locator('form[action="?/check"] button[type=submit]').click();
	await expect(page.locator('#report')).toBeVisible();
	await expect(page.locator('section[role=status] .notice')).toHaveText('The file passes every check and changes nothing.');
	await scan(page);

	// a file with an unknown id and raw HTML is refused, segment by segment
	const broken = xliff
		.replace('<unit id="parents-online-safety.summary">', '<unit id="parents-online-safety.no-such-thing">')
		.replace(/(<unit id="parents-online-safety\.title">[\s\S]*?<target xml:space="preserve">)[^<]*/, '$1Titre &lt;script&gt;alert(1)&lt;/script&gt;');
	await page.locator('input[name=file]').setInputFiles({ name: 'broken.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(broken) });
	await page.locator('form[action="?/check"] button[type=submit]').click();
	await expect(page.locator('section[role=status] .warning')).toContainText('write nothing');
	await expect(page.locator('td code', { hasText: 'parents-online-safety.no-such-thing' })).toBeVisible();
	await expect(page.locator('td code', { hasText: 'parents-online-safety.title' })).toBeVisible();
	await scan(page);

	// not XML at all
	await page.locator('input[name=file]').setInputFiles({ name: 'bad.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from('<xliff><file></xliff>') });
	await page.locator('form[action="?/check"] button[type=submit]').click();
	await expect(page.locator('td', { hasText: 'not well-formed XML' })).toBeVisible();
	await scan(page);

	// Arabic: right to left, the same report
	await page.goto('/ar/admin/translations');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await expect(page.locator('h1')).toHaveText('الترجمات');
	await scan(page);
	await page.locator('input[name=file]').setInputFiles({ name: 'broken.xlf', mimeType: 'application/xliff+xml', buffer: Buffer.from(broken) });
	await page.locator('form[action="?/check"] button[type=submit]').click();
	await expect(page.locator('section[role=status] .warning')).toBeVisible();
	await expect(page.locator('td[lang=en]').first()).toBeVisible();
	await scan(page);
});

test('translation pages and downloads are for admins only', async ({ request }) => {
	expect((await request.get('/admin/translations/export?set=kids&lang=fr', { maxRedirects: 0 })).status()).toBe(401);
	const page = await request.get('/admin/translations', { maxRedirects: 0 });
	expect([302, 303, 401]).toContain(page.status());
});

test('an admin chooses per language whether readers see unreviewed translations with a note or the English original', async ({ page, browser }) => {
	test.setTimeout(420_000);
	const section = '/learn/guidelines/parents-educators/parents-talk-early-and-often';
	const reader = await (await browser.newContext()).newPage(); // anonymous: served from the page cache when it can be
	const setSpanish = async (mode: 'note' | 'fallback') => {
		await page.goto('/admin/translations#display');
		await scan(page);
		await page.locator(`input[name=es][value=${mode}]`).check();
		await page.locator('form[action="?/display#display"] button[type=submit]').click();
		await expect(page.locator('section[aria-labelledby=display] .notice')).toBeVisible();
		await expect(page.locator(`input[name=es][value=${mode}]`)).toBeChecked();
	};
	try {
		await signIn(page, ADMIN.email, ADMIN.password);
		// by default, every language shows its machine-assisted text with a discreet note
		await reader.goto(`/es${section}`);
		await expect(reader.locator('h1')).not.toHaveAttribute('lang', 'en');
		await expect(reader.locator('.translation-note')).toContainText('revisado');
		await expect(reader.locator('.untranslated')).toHaveCount(0);
		await scan(reader);

		await setSpanish('fallback');
		await scan(page);
		// Spanish readers now get the English original, marked, at once (the cached page is dropped)
		await reader.goto(`/es${section}`);
		await expect(reader.locator('h1 [lang=en]')).toBeVisible();
		await expect(reader.locator('h1 .untranslated')).toHaveText(/sin traducir/i);
		await expect(reader.locator('.translation-note')).toHaveCount(0);
		await scan(reader);
		// French is untouched: its text with the note, which links to the English original
		await reader.goto(`/fr${section}`);
		await expect(reader.locator('h1')).not.toHaveAttribute('lang', 'en');
		await reader.locator('.translation-note a[hreflang=en]').click();
		await expect(reader).toHaveURL(new RegExp(`${section}$`));
		await expect(reader.locator('html')).toHaveAttribute('lang', 'en');
		await scan(reader);
		// a toolkit follows the same setting
		await reader.goto('/es/toolkits');
		await expect(reader.locator('main .untranslated').first()).toBeVisible();
		await scan(reader);
		// and so does the kids zone: the scenario says once that it is not yet in the child's language
		await reader.goto('/es/kids/9-12/game-chat-stranger');
		await expect(reader.locator('.untranslated-note')).toBeVisible();
		await expect(reader.locator('main h1 [lang=en], main h1[lang=en]').first()).toBeVisible();
		await scan(reader);
	} finally {
		await setSpanish('note');
	}
	await reader.goto(`/es${section}`);
	await expect(reader.locator('.untranslated')).toHaveCount(0);
	await expect(reader.locator('.translation-note')).toBeVisible();
	await scan(reader);
	await reader.goto('/es/kids/9-12/game-chat-stranger');
	await expect(reader.locator('.untranslated-note')).toHaveCount(0);
	await scan(reader);
});
