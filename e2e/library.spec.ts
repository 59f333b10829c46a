// Library journey: an editor for France (granted by an admin) uploads a French PDF report made
// here with pdfkit; a refused upload (not really a PDF) keeps what was typed; once published, a
// visitor finds the report by a word that is only inside the PDF and downloads it with safe
// headers; the same search page works in Arabic (an Arabic query finds the Arabic demo document).
// Every page is checked with axe and at 320 px.
import type { Browser, Page } from '@playwright/test';
import PDFDocument from 'pdfkit';
import { ADMIN, expect, scan, signIn, signUp, test } from './fixtures';

const PASSWORD = 'a long and good password';
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
/** a word that appears only inside the uploaded PDF */
const WORD = 'cyberharcelement';

function frenchPdf(): Promise<Buffer> {
	return new Promise((resolve, reject) => {
		const doc = new PDFDocument({ info: { Title: 'Rapport' } });
		const chunks: Buffer[] = [];
		doc.on('data', (c: Buffer) => chunks.push(c));
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
		doc.fontSize(18).text('Rapport sur la sécurité des élèves en ligne').moveDown();
		doc.fontSize(11).text(`Les établissements scolaires signalent une hausse du ${WORD} entre élèves.`).moveDown();
		doc.text('Les recommandations concernent les enseignants, les familles et les plateformes.');
		doc.end();
	});
}

/** Someone signs up in a browser of their own (the journey's pages are elsewhere). */
async function signUpElsewhere(browser: Browser, name: string, email: string): Promise<void> {
	const ctx = await browser.newContext();
	await signUp(await ctx.newPage(), { name, email, password: PASSWORD }, '', { quiet: true });
	await ctx.close();
}

async function grantEditor(page: Page, name: string, email: string, country: string): Promise<void> {
	await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
	await scan(page);
	await page.getByRole('link', { name }).click();
	await page.waitForURL(/\/admin\/users\/[0-9a-f-]+$/);
	await scan(page);
	await page.locator('select[name=role]').selectOption('editor');
	await page.locator('input[name=scopeKind][value=country]').check();
	await page.locator('select[name=country]').selectOption(country);
	await page.locator('form[action="?/grant"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await scan(page);
}

test('an editor uploads a French PDF report; a visitor finds it by a word inside the PDF', async ({ page, browser }) => {
	test.setTimeout(600_000);
	const tag = unique();
	const editor = { name: `Editor ${tag}`, email: `editor.${tag}@example.org` };
	await signUpElsewhere(browser, editor.name, editor.email);
	await signIn(page, ADMIN.email, ADMIN.password);
	await grantEditor(page, editor.name, editor.email, 'FR');

	// the editor drafts a report about France, first with a file that only pretends to be a PDF
	await page.context().clearCookies();
	await signIn(page, editor.email, PASSWORD);
	await page.goto('/workspace/library');
	await scan(page);
	await page.locator('main a.button[href$="/workspace/library/new"]').click();
	await page.waitForURL(/\/workspace\/library\/new$/);
	await scan(page);
	const title = `Rapport sur la sécurité des élèves ${tag}`;
	await page.locator('input[name=title_fr]').fill(title);
	await page.locator('textarea[name=summary_fr]').fill('Un rapport sur la sécurité des élèves en ligne.');
	await page.locator('select[name=type]').selectOption('report');
	await page.locator('input[name=year]').fill('2025');
	await page.locator('input[name=countries]').fill('FR');
	await page.locator('input[name=topics][value=conduct]').check();
	await page.locator('select[name=fileLanguage]').selectOption('fr');
	await page.locator('input[name=file]').setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
	await page.locator('form.document-form button[type=submit]').click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await expect(page.locator('input[name=title_fr]')).toHaveValue(title);
	await scan(page);

	// the real PDF goes through; the draft is published
	await page.locator('select[name=fileLanguage]').selectOption('fr');
	await page.locator('input[name=file]').setInputFiles({ name: 'rapport-eleves.pdf', mimeType: 'application/pdf', buffer: await frenchPdf() });
	await page.locator('form.document-form button[type=submit]').click();
	await page.waitForURL(/\/workspace\/library\/[0-9a-f-]{36}$/);
	await scan(page);
	const id = /library\/([0-9a-f-]{36})$/.exec(page.url())![1];
	await expect(page.locator('main')).toContainText('rapport-eleves.pdf');
	await page.locator('form[action="?/publish"] button').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await expect(page.locator('[data-status=published]')).toBeVisible();
	await scan(page);

	// a visitor (no account) searches for a word that is only inside the PDF
	const visitor = await (await browser.newContext()).newPage();
	await visitor.goto('/library');
	await scan(visitor);
	await visitor.locator('input[name=q]').fill(WORD);
	await visitor.locator('form.search .row button[type=submit]').click();
	await visitor.waitForURL(/\/library\?/);
	await expect(visitor.locator('ul.results > li')).toHaveCount(1);
	await scan(visitor);
	await visitor.locator(`ul.results a[href$="/library/${id}"]`).click();
	await visitor.waitForURL(new RegExp(`/library/${id}$`));
	await expect(visitor.locator('h1')).toContainText(title);
	await scan(visitor);
	const href = await visitor.locator('ul.files a').first().getAttribute('href');
	const download = await visitor.request.get(href!);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toMatch(/^inline; filename="rapport-eleves.pdf"/);
	expect(download.headers()['x-content-type-options']).toBe('nosniff');
	expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// contributions by meeting, and the open data find it too
	await visitor.goto('/library/contributions');
	await scan(visitor);
	const api = await (await visitor.request.get(`/api/v1/library/documents?q=${encodeURIComponent(WORD)}`)).json();
	expect(api.data.map((d: { id: string }) => d.id)).toEqual([id]);
	await visitor.context().close();
});

test('the same search page in Arabic', async ({ page }) => {
	test.setTimeout(300_000);
	await page.goto('/ar/library');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	await scan(page);
	await page.locator('input[name=q]').fill('السلامة');
	await page.locator('form.search .row button[type=submit]').click();
	await page.waitForURL(/\/ar\/library\?/);
	await expect(page.locator('ul.results > li')).toHaveCount(1);
	await expect(page.locator('ul.results')).toContainText('تجريبي');
	await scan(page);
	// filters work without JavaScript: a GET with the facets
	await page.goto(`/ar/library?q=${encodeURIComponent(WORD)}&language=fr&type=report`);
	await expect(page.locator('ul.results > li')).toHaveCount(1);
	await scan(page);
	await page.locator('ul.results h3 a').click();
	await page.waitForURL(/\/ar\/library\/[0-9a-f-]{36}$/);
	await scan(page);
});
