// The children's courses (9-12 and 13-18): a full run of each, every request recorded. Lessons,
// practice, the scored quiz and the printable certificate all happen on the device; the only
// requests are the course's pages and static files, and the name typed on the certificate goes
// nowhere. A 10-year-old in Arabic does the whole course with JavaScript off and prints it.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, scan, test } from './fixtures';
import { isAllowed, notStatic, record, type Recorder } from './kids-requests';

interface Question {
	options: { correct: boolean }[];
}
interface Course {
	id: string;
	band: string;
	lessons: { id: string; pages: unknown[]; practice: Question[] }[];
	quiz: { pass: number; questions: Question[] };
	sticker: { id: string };
}
const FILES = { '9-12': 'online-explorers', '13-18': 'your-online-life' } as const;
const course = (band: keyof typeof FILES): Course => JSON.parse(readFileSync(`content/kids/courses/${FILES[band]}.json`, 'utf8'));
const right = (q: Question) => q.options.findIndex((o) => o.correct);

/** The one node the reader sees (CSS shows the fragment's target, or the start). */
const shown = (page: Page) => page.locator('.nodes > section.node:visible');

/** Plays one lesson page: Next through the pages, a wrong answer first (its feedback, "Try again"), then the right one. */
/** `scanAt`: axe on the page in the state shown (a fragment URL), at the first feedback and at the lesson's end. */
async function playLesson(page: Page, lesson: Course['lessons'][number], scanAt: (page: Page) => Promise<void>): Promise<void> {
	await expect(shown(page)).toHaveCount(1);
	await expect(shown(page)).toHaveId('page-1');
	for (let i = 1; i < lesson.pages.length; i++) await shown(page).locator('a.next').click();
	await shown(page).locator('a.next').click();
	for (const [k, q] of lesson.practice.entries()) {
		await expect(shown(page)).toHaveId(`practice-${k + 1}`);
		if (k === 0) {
			const wrong = q.options.findIndex((o) => !o.correct);
			await shown(page).locator('a.choice').nth(wrong).click();
			await expect(shown(page)).toHaveId(`practice-${k + 1}__${wrong}`);
			await scanAt(page);
			await shown(page).locator('a.next').click(); // "Try again"
			await expect(shown(page)).toHaveId(`practice-${k + 1}`);
		}
		await shown(page).locator('a.choice').nth(right(q)).click();
		await shown(page).locator('a.next').click();
	}
	await expect(shown(page)).toHaveId('done');
	await expect(shown(page).locator('ul.steps li').first()).toBeVisible();
	await scanAt(page);
}

/**
 * Answers the quiz, one page per question: right everywhere except question `miss` (0-based; -1 for
 * none). The score travels in the URL fragment, which is never part of a request.
 */
async function playQuiz(page: Page, c: Course, miss: number, scanAt: (page: Page) => Promise<void>): Promise<number> {
	let score = 0;
	for (const [i, q] of c.quiz.questions.entries()) {
		await expect(page).toHaveURL(new RegExp(`/course/${i === 0 ? 'quiz' : `quiz-${i + 1}`}(#s${score})?$`));
		await expect(shown(page)).toHaveId(`s${score}`);
		await scanAt(page);
		const pick = i === miss ? (right(q) + 1) % q.options.length : right(q);
		await shown(page).locator('a.choice').nth(pick).click();
		if (i !== miss) score++;
	}
	await expect(page).toHaveURL(new RegExp(`/course/result#s${score}$`));
	await expect(shown(page)).toHaveId(`s${score}`);
	return score;
}

/** The certificate alone is printed: the page around it is not. */
async function printsCertificateOnly(page: Page, name: string): Promise<void> {
	// in print the page around the sheet is `visibility: hidden`, so find the sheet by the fragment
	const sheet = page.locator('.node:target .certificate-sheet');
	await page.emulateMedia({ media: 'print' });
	await expect(sheet).toBeVisible();
	await expect(sheet.locator('input.certificate-name')).toHaveValue(name);
	await expect(page.locator('.kids-bar')).toBeHidden();
	await expect(page.locator('article.scenario > h1')).toBeHidden();
	await expect(page.locator('.node:target .talk-box')).toBeHidden();
	await expect(page.locator('.node:target [data-certificate] .hint').first()).toBeHidden();
	await page.emulateMedia({ media: null }); // back to the default (a 'screen' setting would also apply to page.pdf)
}

function allAllowed(rec: Recorder, origin: string): string[] {
	return rec.requests.filter((r) => !isAllowed(r, origin)).map((r) => `${r.method()} ${r.url()}`);
}

for (const band of ['9-12', '13-18'] as const) {
	test(`the ${band} course runs to a printed certificate on the device: no request but its pages and static files`, async ({ page, baseURL }) => {
		test.setTimeout(180_000);
		const c = course(band);
		const rec = record(page.context());
		const origin = new URL(baseURL!).origin;

		await page.goto(`/kids/${band}`);
		await scan(page);
		await page.locator(`a[data-course-link="${c.id}"]`).click();
		await expect(page).toHaveURL(new RegExp(`/kids/${band}/course$`));
		await scan(page);
		await expect(page.locator(`[data-earned="${c.sticker.id}"]`).first()).toBeHidden();

		for (const [n, lesson] of c.lessons.entries()) {
			if (n === 0) await page.locator(`a[data-lesson-link="${lesson.id}"]`).click();
			await expect(page).toHaveURL(new RegExp(`/kids/${band}/course/${lesson.id}(#.*)?$`));
			await page.waitForLoadState('networkidle');
			rec.mark();
			await playLesson(page, lesson, scan);
			// answering and moving through the lesson asked the server for nothing
			expect(notStatic(rec.since())).toEqual([]);
			await shown(page).locator('.course-next a.button').click(); // next lesson, or the quiz
		}

		await expect(page).toHaveURL(new RegExp(`/kids/${band}/course/quiz$`));
		await scan(page);
		rec.mark();
		const score = await playQuiz(page, c, 2, scan);
		expect(score).toBeGreaterThanOrEqual(c.quiz.pass);
		await expect(shown(page).locator('.earned')).toBeVisible();
		await scan(page);
		// moving through the quiz asked only for its pages, and never carried the score
		for (const r of rec.since()) expect(new URL(r.url()).search + new URL(r.url()).hash, r.url()).toBe('');
		await shown(page).locator(`a[href$="/course/certificate#s${score}"]`).click();
		await expect(shown(page)).toHaveId(`s${score}`);
		await shown(page).locator('input.certificate-name').fill('Zanele');
		await expect(shown(page).locator('input.certificate-date')).not.toHaveValue('');
		await expect(shown(page).locator('[data-print]')).toBeVisible();
		await scan(page);
		await printsCertificateOnly(page, 'Zanele');
		// the right answers and why, one page away
		await shown(page).locator('a[href$="/course/answers"]').click();
		await expect(page.locator('ol.answers > li')).toHaveCount(c.quiz.questions.length);
		await scan(page);
		// the certificate page opened without a passing score has no sheet: it says how to earn one
		await page.goto(`/kids/${band}/course/certificate`);
		await expect(shown(page)).toHaveId('none');
		await expect(page.locator('.certificate-sheet:visible')).toHaveCount(0);
		await scan(page);

		// the device remembers: lessons done, sticker earned; the course page shows "Passed"
		const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('cop-kids') ?? '{}'));
		expect(stored.done).toEqual(expect.arrayContaining(c.lessons.map((l) => `${c.id}.${l.id}`)));
		expect(stored.stickers).toContain(c.sticker.id);
		expect(JSON.stringify(stored)).not.toContain('Zanele');
		await page.goto(`/kids/${band}/course`);
		await expect(page.locator(`p[data-earned="${c.sticker.id}"]`)).toBeVisible();
		for (const l of c.lessons) await expect(page.locator(`[data-done="${c.id}.${l.id}"]`)).toBeVisible();

		// every request of the run: GET, our origin, kids pages and static files only; the name was never sent
		expect(allAllowed(rec, origin)).toEqual([]);
		for (const r of rec.requests) expect(`${r.url()} ${r.postData() ?? ''}`).not.toContain('Zanele');
		expect(await page.context().cookies()).toEqual([]);
	});
}

test('a 10-year-old finishes the 9-12 course in Arabic with JavaScript off and prints the certificate', async ({ browser, page: checker, baseURL }) => {
	test.setTimeout(240_000);
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const rec = record(context);
	const c = course('9-12');
	// axe runs in the page, which JavaScript off forbids: each state the child sees (its URL with the
	// fragment) is scanned in a second, JavaScript-on page; the markup and the CSS showing it are the same
	const seen: string[] = [];
	const scanLater = async (p: Page) => void seen.push(p.url());

	await page.goto('/ar/kids/9-12');
	await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
	seen.push(page.url());
	await page.locator(`a[data-course-link="${c.id}"]`).click();
	await expect(page).toHaveURL(/\/ar\/kids\/9-12\/course$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
	seen.push(page.url());
	await page.locator(`a[data-lesson-link="${c.lessons[0].id}"]`).click();

	for (const lesson of c.lessons) {
		await expect(page).toHaveURL(new RegExp(`/ar/kids/9-12/course/${lesson.id}$`));
		// the enhancement's controls (read-aloud, print button) stay hidden without JavaScript
		await expect(page.locator('[data-read-aloud]')).toBeHidden();
		rec.mark();
		await playLesson(page, lesson, scanLater);
		expect(notStatic(rec.since())).toEqual([]);
		await shown(page).locator('.course-next a.button').click();
	}

	await expect(page).toHaveURL(/\/ar\/kids\/9-12\/course\/quiz$/);
	rec.mark();
	const score = await playQuiz(page, c, -1, scanLater);
	expect(score).toBe(c.quiz.questions.length);
	seen.push(page.url());
	for (const r of rec.since()) expect(new URL(r.url()).search, r.url()).toBe('');
	await shown(page).locator(`a[href$="/ar/kids/9-12/course/certificate#s${score}"]`).click();
	const certificate = shown(page).locator('.certificate');
	await expect(certificate).toBeVisible();
	await expect(certificate.locator('[data-print]')).toBeHidden();
	await expect(certificate.locator('.hint').last()).toBeVisible(); // how to print with the browser
	await certificate.locator('input.certificate-name').fill('أمل');
	await certificate.locator('input.certificate-date').fill('٢٠٢٦/١٢/٠٢');
	seen.push(page.url());
	await printsCertificateOnly(page, 'أمل');
	const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
	expect(pdf.startsWith('%PDF-')).toBe(true);
	// the certificate fits one sheet of paper
	expect(pdf.match(/\/Type\s*\/Page\b(?!s)/g)).toHaveLength(1);

	expect(allAllowed(rec, new URL(baseURL!).origin)).toEqual([]);
	for (const r of rec.requests) expect(decodeURIComponent(r.url())).not.toContain('أمل');
	expect(await context.cookies()).toEqual([]);
	await context.close();

	for (const url of seen) {
		await checker.goto(url);
		if (url.includes('#')) await expect(checker.locator('.nodes > section.node:visible')).toHaveId(url.split('#')[1]);
		await scan(checker);
	}
});
