// Steps of the national assessment cycle shared by journeys (progress.spec.ts on one instance,
// federation.spec.ts on a national instance): answering a page of the workspace, ruling on a page
// of answers, and scanning each page once.
import type { Page } from '@playwright/test';
import { expect, scan } from './fixtures';

/** Pages already scanned in this test (the same page revisited after a form post is scanned once). */
const seen = new WeakMap<Page, Set<string>>();
export async function scanOnce(page: Page): Promise<void> {
	const u = new URL(page.url());
	const k = u.pathname + u.search;
	let set = seen.get(page);
	if (!set) seen.set(page, (set = new Set()));
	if (set.has(k)) return;
	await scan(page);
	set.add(k);
}

/** Clicks something that navigates and waits for the new page (a form post that redirects back counts). */
export async function go(page: Page, click: () => Promise<void>): Promise<void> {
	const nav = page.waitForNavigation();
	await click();
	await nav;
	await scanOnce(page);
}

/** Forget the pages scanned on `page`: another person sees them differently. */
export function forgetScans(page: Page): void {
	seen.delete(page);
}

/** Answers every question of the pillar page on screen; evidence: a PDF for the first that needs it, links for the rest. */
export async function answerPage(page: Page, withFile: { done: boolean }): Promise<void> {
	const qs = page.locator('fieldset.question');
	const n = await qs.count();
	for (let i = 0; i < n; i++) {
		const q = qs.nth(i);
		const radio = q.locator('input[type=radio][name^="v:"]');
		if (await radio.count()) await radio.first().check();
		const box = q.locator('input[type=checkbox][name^="v:"]');
		if (await box.count()) await box.first().check();
		const num = q.locator('input[inputmode=decimal][name^="v:"]');
		if (await num.count()) {
			await num.fill('60');
			// "Answer, as a percentage (0%–100%)", never "Answer(%)"
			await expect(q.locator('label[for^="v-"]').first()).not.toHaveText(/\S\(/);
		}
		const date = q.locator('input[type=date][name^="v:"]');
		if (await date.count()) await date.fill('2021-03-15');
		const text = q.locator('textarea[name^="v:"]');
		if (await text.count()) await text.fill('Set out in the national strategy.');
		if ((await q.getAttribute('data-evidence')) === 'required') {
			if (!withFile.done) {
				await q.locator('input[type=file]').setInputFiles({ name: 'evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n% evidence for the e2e journey\n') });
				withFile.done = true;
			} else {
				await q.locator('input[name^="url:"]').fill(`https://example.org/evidence/${i}`);
			}
		}
	}
	await go(page, () => page.locator('form.assessment-form .form-actions button[type=submit]').click());
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
}

/** The validator accepts every answer waiting on this page (queries the first one if asked), in one go. */
export async function rulePage(page: Page, queryFirst: boolean): Promise<void> {
	const decisions = page.locator('fieldset.decision');
	const n = await decisions.count();
	if (!n) return;
	for (let i = 0; i < n; i++) {
		const d = decisions.nth(i);
		if (i === 0 && queryFirst) {
			await d.locator('input[value=query]').check();
			await d.locator('textarea').fill('Which body runs this, and since when?');
		} else {
			await d.locator('input[value=accept]').check();
		}
	}
	await go(page, () => decisions.first().locator('button[type=submit]').click());
	await expect(page.locator('fieldset.decision')).toHaveCount(0);
}
