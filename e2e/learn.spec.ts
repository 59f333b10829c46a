// Learn journeys, in English and Arabic, every page scanned with axe: a parent reads the guidelines
// and ticks a checklist, signs up, completes a course (a failed final quiz first, then a pass),
// downloads the certificate and verifies it; a tampered copy fails.
import { readFileSync } from 'node:fs';
import { expect, scan, test } from './fixtures';

const COURSE_ID = 'parents-online-safety';
const SET_ID = 'parents-educators';

interface Option { id: string; correct: boolean }
interface Question { id: string; type: 'single' | 'multiple'; options: Option[] }
const course = JSON.parse(readFileSync(`content/learn/courses/${COURSE_ID}/course.json`, 'utf8')) as {
	modules: { id: string; lessons: { id: string }[]; quiz?: { questions: Question[] } }[];
	finalQuiz: { questions: Question[] };
};
const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));

for (const prefix of ['', '/ar']) {
	const lang = prefix ? 'Arabic' : 'English';

	test(`a parent reads the guidelines, ticks a checklist, completes a course and verifies the certificate (${lang})`, async ({ page }) => {
		test.setTimeout(240_000);

		// ---- guidelines: library, a set, a section with a checklist kept on the device ----
		await page.goto(`${prefix}/learn`);
		await scan(page);
		await page.locator(`main a[href="${prefix}/learn/guidelines"]`).first().click();
		await scan(page);
		await page.locator(`a[href="${prefix}/learn/guidelines/${SET_ID}"]`).click();
		await scan(page);
		const sectionLinks = await page.locator(`.section-list a[href^="${prefix}/learn/guidelines/${SET_ID}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(sectionLinks.length).toBeGreaterThanOrEqual(5);
		let withChecklist: string | undefined;
		for (const href of sectionLinks) {
			await page.goto(href);
			if (await page.locator('[data-checklist]').count()) {
				withChecklist = href;
				break;
			}
			await scan(page);
		}
		expect(withChecklist, 'a section with a checklist').toBeTruthy();
		await scan(page);
		// the topic graph: topics with "find help about this" links into the help finder
		await expect(page.locator(`.topic-list a[href^="${prefix}/help?"]`).first()).toBeVisible();
		const box = page.locator('[data-checklist] input[type=checkbox]').first();
		await box.check();
		await expect(page.locator('[data-print]')).toBeVisible();
		await page.reload();
		await expect(box, 'the tick is kept on the device').toBeChecked();
		await scan(page);

		// ---- sign up as a parent ----
		const email = `parent-${Date.now()}-${prefix ? 'ar' : 'en'}@example.org`;
		await page.goto(`${prefix}/signup`);
		await scan(page);
		await page.locator('input[name=name]').fill('Grace Parent');
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill('a long and private passphrase');
		await page.locator('main form button[type=submit]').click();
		await page.waitForURL(/\/account$/);
		await scan(page);

		// ---- the course: start (with an optional country), every lesson, a practice quiz ----
		await page.goto(`${prefix}/learn/courses`);
		await scan(page);
		await page.locator(`.course-list a[href="${prefix}/learn/courses/${COURSE_ID}"]`).click();
		await scan(page);
		await page.locator('select[name=country]').selectOption('KE');
		await page.locator('form.start-form button[type=submit]').click();
		await expect(page).toHaveURL(new RegExp(`/learn/courses/${COURSE_ID}/lessons/${lessonIds[0]}$`));
		await scan(page);
		for (const id of lessonIds.slice(1)) {
			await page.goto(`${prefix}/learn/courses/${COURSE_ID}/lessons/${id}`);
			await expect(page.locator('h1')).toBeVisible();
			await scan(page);
		}
		// resumable: the course page offers to continue
		await page.goto(`${prefix}/learn/courses/${COURSE_ID}`);
		await expect(page.locator('.seen-mark')).toHaveCount(lessonIds.length);
		await scan(page);

		const practice = course.modules.find((m) => m.quiz)!;
		await page.goto(`${prefix}/learn/courses/${COURSE_ID}/quiz/${practice.id}`);
		await scan(page);
		for (const q of practice.quiz!.questions) await page.locator(`input[name="q.${q.id}"][value="${q.options.find((o) => !o.correct)!.id}"]`).check();
		await page.locator('form.quiz button[type=submit]').click();
		await expect(page.locator('.feedback').first()).toBeVisible();
		await scan(page);

		// ---- final quiz: a failed attempt with feedback, then a retry that passes ----
		await page.goto(`${prefix}/learn/courses/${COURSE_ID}/quiz/final`);
		await scan(page);
		for (const q of course.finalQuiz.questions) await page.locator(`input[name="q.${q.id}"][value="${q.options.find((o) => !o.correct)!.id}"]`).check();
		await page.locator('form.quiz button[type=submit]').click();
		await expect(page.locator('.result-fail')).toBeVisible();
		await expect(page.locator('.feedback.wrong').first()).toBeVisible();
		await scan(page);
		await page.locator('a.try-again').click();
		await scan(page);
		for (const q of course.finalQuiz.questions) {
			for (const o of q.options.filter((x) => x.correct)) await page.locator(`input[name="q.${q.id}"][value="${o.id}"]`).check();
		}
		await page.locator('form.quiz button[type=submit]').click();
		await expect(page.locator('.result-pass')).toBeVisible();
		await scan(page);
		await page.locator(`.result-pass a[href*="/learn/certificates/"]`).click();
		await expect(page.locator('.certificate')).toBeVisible();
		await expect(page.locator('.certificate')).toContainText('Grace Parent');
		await scan(page);

		// ---- download the credential and verify it ----
		const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()]);
		const file = await download.path();
		const credential = JSON.parse(readFileSync(file!, 'utf8'));
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.proof.cryptosuite).toBe('eddsa-jcs-2022');
		expect(JSON.stringify(credential)).not.toContain(email);

		await page.goto(`${prefix}/learn/verify`);
		await scan(page);
		await page.locator('input[name=file]').setInputFiles(file!);
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.verify-result.ok')).toBeVisible();
		await scan(page);

		// a tampered copy (another course name) fails, in plain words
		credential.credentialSubject.achievement.name = 'Advanced diploma';
		await page.locator('textarea[name=credential]').fill(JSON.stringify(credential));
		await page.locator('main form button[type=submit]').click();
		await expect(page.locator('.verify-result.bad')).toBeVisible();
		await scan(page);
	});
}

test('guidelines and lessons work without JavaScript, and the statements export needs an admin', async ({ browser, baseURL, request }) => {
	const ctx = await browser.newContext({ javaScriptEnabled: false });
	const page = await ctx.newPage();
	await page.goto(`${baseURL}/learn/courses/${COURSE_ID}/lessons/${lessonIds[0]}`);
	await expect(page.locator('.prose')).toBeVisible();
	await page.goto(`${baseURL}/fr/learn/courses/${COURSE_ID}/quiz/final`);
	await page.locator(`input[name="q.${course.finalQuiz.questions[0].id}"]`).first().check();
	await page.locator('form.quiz button[type=submit]').click();
	await expect(page.locator('.result-fail, .result-pass')).toBeVisible();
	expect(await ctx.cookies()).toEqual([]);
	await ctx.close();
	const r = await request.get('/api/v1/learning/statements');
	expect(r.status()).toBe(401);
	expect((await r.json()).error.code).toBe('sign_in_required');
});
