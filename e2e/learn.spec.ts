// Learn journeys, in English and Arabic, every page scanned with axe: a parent reads the guidelines
// and ticks a checklist, signs up, completes a course (a failed final quiz first, then a pass),
// downloads the certificate and verifies it; a tampered copy fails. And a policy-maker does their
// course in Spanish, every page in Spanish with no "not yet translated" mark.
import { readdirSync, readFileSync } from 'node:fs';
import { ADMIN, expect, scan, signIn, signUp, test } from './fixtures';

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
		test.setTimeout(600_000);

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
		await signUp(page, { name: 'Grace Parent', email, password: 'a long and private passphrase' }, prefix);

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

// Runs after the journeys above (same server, same database): they issued the certificates revoked here.
test('an editor adapts a section for Kenya; an admin revokes a certificate and exports learning records', async ({ page }) => {
	test.setTimeout(120_000);
	const firstSection = /^id:\s*(\S+)/m.exec(readFileSync(`content/learn/guidelines/${SET_ID}/en/${readdirSync(`content/learn/guidelines/${SET_ID}/en`).sort()[0]}`, 'utf8'))![1];
	await signIn(page, ADMIN.email, ADMIN.password);

	await page.goto('/learn/adapt');
	await scan(page);
	await page.locator('select[name=country]').selectOption('KE');
	await page.locator('select[name=setId]').selectOption(SET_ID);
	await page.locator('input[name=kind][value=override]').check();
	await page.locator('input[name=sectionId]').fill(firstSection);
	await page.locator('input[name=title]').fill('Talking with children in Kenya');
	// raw HTML is refused with a message a person understands
	await page.locator('textarea[name=body]').fill('Hello <script>alert(1)</script>');
	await page.locator('main form[action="?/save"] button[type=submit]').click();
	await expect(page.locator('.error-summary')).toBeVisible();
	await scan(page);
	await page.locator('textarea[name=body]').fill('## In Kenya\n\nYour national child helpline is listed in the [help finder](/help?country=KE).');
	await page.locator('main form[action="?/save"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toBeVisible();
	await scan(page);

	// readers who choose Kenya see the adapted section with a mark, and the original is one link away
	await page.goto(`/learn/guidelines/${SET_ID}/${firstSection}?country=KE`);
	await expect(page.locator('.adapted-mark')).toBeVisible();
	await expect(page.locator('h1')).toHaveText('Talking with children in Kenya');
	await scan(page);
	await page.locator('a[href*="original=1"]').click();
	await expect(page.locator('.adapted-mark')).toHaveCount(0);
	await expect(page.locator('h1')).not.toHaveText('Talking with children in Kenya');
	await scan(page);
	await page.goto(`/learn/guidelines/${SET_ID}/${firstSection}`);
	await expect(page.locator('.adapted-mark')).toHaveCount(0);
	await scan(page);

	// the admin revokes a certificate; verification then says so
	await page.goto('/admin/learning');
	await scan(page);
	const revokeForm = page.locator('form[action="?/revoke"]').first();
	await expect(revokeForm).toBeVisible();
	const certificateId = await revokeForm.locator('input[name=id]').inputValue();
	await revokeForm.locator('input[name=reason]').fill('Issued in a test');
	await revokeForm.locator('button[type=submit]').click();
	await expect(page.locator('td', { hasText: 'Issued in a test' })).toBeVisible();
	await scan(page);
	const credential = await (await page.request.get(`/learn/certificates/${certificateId}.json`)).text();
	await page.goto('/learn/verify');
	await scan(page);
	await page.locator('textarea[name=credential]').fill(credential);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.verify-result.bad')).toBeVisible();
	await scan(page);

	// the admin rotates the signing key: a certificate issued before still verifies (its key stays published)
	await page.goto('/admin/learning#keys');
	const kept = await page.locator('form[action="?/revoke"] input[name=id]').first().inputValue();
	await page.locator('form[action="?/rotateKey#keys"] button[type=submit]').click();
	await expect(page.locator('input[name=confirm]')).toBeVisible(); // the browser asks for the box first
	await page.locator('input[name=confirm]').check();
	await page.locator('form[action="?/rotateKey#keys"] button[type=submit]').click();
	await expect(page.locator('p.notice[role=status]')).toContainText('key-2');
	await expect(page.locator('td', { hasText: 'Signs new certificates' })).toHaveCount(1);
	await scan(page);
	const issuer = await (await page.request.get('/learn/issuer')).json();
	expect(issuer.assertionMethod).toHaveLength(2);
	await page.goto('/learn/verify');
	await page.locator('textarea[name=credential]').fill(await (await page.request.get(`/learn/certificates/${kept}.json`)).text());
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.verify-result.ok')).toBeVisible();
	await scan(page);

	// xAPI export with the admin's session, in the StatementResult shape
	const r = await page.request.get('/api/v1/learning/statements?limit=5');
	expect(r.status()).toBe(200);
	const result = await r.json();
	expect(result.statements).toHaveLength(5);
	expect(result.more).toMatch(/^\/api\/v1\/learning\/statements\?/);
	const next = await (await page.request.get(result.more)).json();
	expect(next.statements[0].id).not.toBe(result.statements[0].id);
	expect(JSON.stringify(result)).not.toMatch(/@example\.org/);
	expect((await page.request.get('/api/v1/learning/statements?since=yesterday')).status()).toBe(400);
});

test('a policy-maker takes their course in Spanish, passes, and verifies the certificate', async ({ page }) => {
	test.setTimeout(600_000);
	const id = 'policy-makers-national-cop';
	const pm = JSON.parse(readFileSync(`content/learn/courses/${id}/course.json`, 'utf8')) as {
		title: Record<string, string>;
		modules: { lessons: { id: string; title: Record<string, string> }[] }[];
		finalQuiz: { questions: Question[] };
	};
	const email = `policy-${Date.now()}@example.org`;
	await signUp(page, { name: 'Lucía Ministerio', email, password: 'a long and private passphrase' }, '/es');
	await expect(page).toHaveURL(/\/es\/account$/);

	await page.goto('/es/learn/courses');
	await scan(page);
	await page.locator(`.course-list a[href="/es/learn/courses/${id}"]`).click();
	await expect(page.locator('h1')).toHaveText(pm.title.es);
	await scan(page);
	await page.locator('form.start-form button[type=submit]').click();
	// every lesson reads in Spanish: its own title, and no "not yet translated" mark anywhere
	for (const lesson of pm.modules.flatMap((m) => m.lessons)) {
		await page.goto(`/es/learn/courses/${id}/lessons/${lesson.id}`);
		await expect(page.locator('html')).toHaveAttribute('lang', 'es');
		await expect(page.locator('h1')).toContainText(lesson.title.es);
		await expect(page.locator('.untranslated')).toHaveCount(0);
		await scan(page);
	}
	await page.goto(`/es/learn/courses/${id}/quiz/final`);
	await expect(page.locator('.untranslated')).toHaveCount(0);
	await scan(page);
	for (const q of pm.finalQuiz.questions) {
		for (const o of q.options.filter((x) => x.correct)) await page.locator(`input[name="q.${q.id}"][value="${o.id}"]`).check();
	}
	await page.locator('form.quiz button[type=submit]').click();
	await expect(page.locator('.result-pass')).toBeVisible();
	await expect(page.locator('.untranslated')).toHaveCount(0);
	await scan(page);
	await page.locator('.result-pass a[href*="/learn/certificates/"]').click();
	await expect(page.locator('.certificate')).toContainText('Lucía Ministerio');
	await expect(page.locator('.certificate')).toContainText(pm.title.es);
	await scan(page);

	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a[download]').click()]);
	const file = await download.path();
	await page.goto('/es/learn/verify');
	await scan(page);
	await page.locator('input[name=file]').setInputFiles(file!);
	await page.locator('main form button[type=submit]').click();
	await expect(page.locator('.verify-result.ok')).toBeVisible();
	await scan(page);
});
