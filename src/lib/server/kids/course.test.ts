import { describe, expect, it } from 'vitest';
import { locales } from '$lib/paraglide/runtime';
import { ContentError } from '../content';
import { allCourses, courseFor, findCourseStep, kidsPaths, loadCourses, loadScenarios } from './content';
import { compileCourse, compileQuiz, parseCourse, stepPath, type Course } from './course';
import { presentScenario } from './present';

const all = (t: string) => Object.fromEntries(locales.map((l) => [l, `${t} (${l})`]));
const question = (right = 0) => ({ prompt: all('Which?'), options: [0, 1, 2].map((i) => ({ text: all(`option ${i}`), correct: i === right, feedback: all(`because ${i}`) })) });
function sample(over: Record<string, unknown> = {}) {
	return {
		id: 'sample',
		band: '9-12',
		topics: ['contact'],
		title: all('Sample'),
		summary: all('A sample course'),
		sticker: { id: 'sample-star', label: all('Star'), color: '#336699' },
		outcomes: [all('Learn')],
		lessons: [
			{ id: 'one', title: all('One'), pages: [{ text: all('Page 1') }, { text: all('Page 2'), guide: { pose: 'wave', say: all('Hi') } }], practice: [question(1)], remember: [all('Remember one')] },
			{ id: 'two', title: all('Two'), pages: [{ text: all('Page') }], practice: [question(2), question(0)], remember: [all('Remember two')] }
		],
		quiz: { pass: 3, questions: [question(0), question(1), question(2), question(1)] },
		...over
	};
}
const parse = (over: Record<string, unknown> = {}) => parseCourse(sample(over), 'content/kids/courses/sample.json');

describe('course format', () => {
	it('accepts a complete course and compiles its lessons and quiz into valid graphs', () => {
		const r = parse();
		expect(r.errors).toEqual([]);
		const steps = compileCourse(r.course!);
		expect(steps.map((s) => s.step)).toEqual(['one', 'two', 'quiz', 'quiz-2', 'quiz-3', 'quiz-4', 'result', 'certificate', 'answers']);
		expect(steps.map((s) => s.next)).toEqual(['two', 'quiz', null, null, null, null, null, null, null]);
	});

	it('refuses text missing in any of the six languages, naming where', () => {
		const s = sample();
		delete (s.lessons[0].pages[0].text as Record<string, string>).ar;
		const r = parseCourse(s, 'content/kids/courses/sample.json');
		expect(r.course).toBeNull();
		expect(r.errors.join('\n')).toMatch(/lessons\.0\.pages\.0\.text: text in every language is required/);
	});

	it('refuses a question without exactly one right option, a pass mark above the questions, unknown fields and a lesson called quiz', () => {
		const two = question(0);
		two.options[1].correct = true;
		expect(parse({ quiz: { pass: 1, questions: [two, question()] } }).errors.join('\n')).toMatch(/exactly one option is correct/);
		expect(parse({ quiz: { pass: 5, questions: [question(), question()] } }).errors.join('\n')).toMatch(/pass cannot be more/);
		expect(parse({ colour: 'red' }).errors.join('\n')).toMatch(/colour/);
		const s = sample();
		for (const id of ['quiz', 'quiz-3', 'result', 'certificate', 'answers']) {
			s.lessons[1].id = id;
			expect(parseCourse(s, 'content/kids/courses/sample.json').errors.join('\n')).toMatch(/a lesson id may not be quiz/);
		}
		expect(parseCourse(sample(), 'content/kids/courses/other.json').errors.join('\n')).toMatch(/must match the file name/);
		expect(parse({ band: 'under-9' }).errors.join('\n')).toMatch(/band must be 9-12 or 13-18/);
	});

	it('refuses two courses for one band and a scenario that would hide the course page', () => {
		const twin = { ...sample(), id: 'twin' };
		expect(() => loadCourses({ 'content/kids/courses/sample.json': sample(), 'content/kids/courses/twin.json': twin })).toThrow(/more than one course for band 9-12/);
		expect(() => loadScenarios({ 'content/kids/scenarios/course.json': { id: 'course' } })).toThrow(ContentError);
	});
});

describe('lessons', () => {
	it('run the pages in a row, then each practice question until it is answered right, then the points to remember', () => {
		const lesson = compileCourse(parse().course!)[1].scenario!;
		const n = lesson.nodes;
		expect(lesson.start).toBe('page-1');
		expect(n['page-1'].next).toBe('practice-1');
		expect(n['practice-1'].choices!.map((c) => c.to)).toEqual(['practice-1', 'practice-1', 'practice-2']);
		expect(n['practice-2'].choices!.map((c) => c.to)).toEqual(['done', 'practice-2', 'practice-2']);
		expect(n['practice-1'].choices!.every((c) => c.feedback)).toBe(true);
		expect(n.done.end).toEqual({ sticker: false, steps: [all('Remember two')] });
		// a wrong answer's feedback says "Try again"
		const page = presentScenario(lesson, 'en');
		const practice = page.nodes.find((x) => x.id === 'practice-1')!;
		expect(practice.feedback.map((f) => f.retry)).toEqual([true, true, false]);
	});
});

describe('the final quiz', () => {
	/** Every way through the quiz's pages, following each choice's page and fragment: the right answers given and the result node reached. */
	function everyPath(course: Course): { right: number; end: string }[] {
		const pages = new Map(compileQuiz(course).filter((s) => s.scenario).map((s) => [stepPath(course, s.step), s]));
		const out: { right: number; end: string }[] = [];
		const walk = (path: string, id: string, right: number) => {
			const step = pages.get(path)!;
			const node = step.scenario!.nodes[id];
			if (node.end) return void out.push({ right, end: `${step.step}#${id}` });
			const q = course.quiz.questions[step.step === 'quiz' ? 0 : Number(step.step.slice(5)) - 1];
			node.choices!.forEach((c, i) => walk(c.page!, c.to, right + (q.options[i].correct ? 1 : 0)));
		};
		walk(stepPath(course, 'quiz'), 's0', 0);
		return out;
	}

	it('counts the right answers in the URL fragment: every path ends at its own score, and only a pass earns the sticker and a certificate', () => {
		const course = parse().course!;
		const steps = compileQuiz(course);
		const result = steps.find((s) => s.step === 'result')!.scenario!;
		const paths = everyPath(course);
		expect(paths).toHaveLength(3 ** 4);
		for (const p of paths) {
			expect(p.end).toBe(`result#s${p.right}`);
			const end = result.nodes[`s${p.right}`].end!;
			expect(end.sticker).toBe(p.right >= 3);
			expect(end.certificate ?? null).toEqual(p.right >= 3 ? { score: p.right, total: 4 } : null);
		}
		// the certificate page has a sheet for each passing score and nothing else
		expect(steps.find((s) => s.step === 'certificate')).toMatchObject({ passing: [3, 4], total: 4 });
		// a question's page holds one node per score so far, and nothing of the other questions
		expect(Object.keys(steps.find((s) => s.step === 'quiz-3')!.scenario!.nodes)).toEqual(['s0', 's1', 's2']);
		// opened without a score, the result page says how to get one (it does not show 0 of 4)
		expect(result.start).toBe('start');
		expect(result.nodes.start.end!.sticker).toBe(false);
	});

	it('links from one question page to the next in the reader\'s language, the score in the fragment', () => {
		const course = parse().course!;
		const page = presentScenario(compileQuiz(course)[1].scenario!, 'fr');
		expect(page.nodes.find((n) => n.id === 's1')!.choices.map((c) => c.href)).toEqual(['/fr/kids/9-12/course/quiz-3#s1', '/fr/kids/9-12/course/quiz-3#s2', '/fr/kids/9-12/course/quiz-3#s1']);
	});

	it('reviews every question with its right answer and why', () => {
		const course = parse().course!;
		const review = compileQuiz(course).find((s) => s.kind === 'answers')!.review!;
		expect(review).toHaveLength(4);
		expect(review[1].answer).toEqual(all('option 1'));
		expect(review[1].why).toEqual(all('because 1'));
	});
});

describe('shipped courses', () => {
	it('one course for 9-12 and one for 13-18, in all six languages, with a quiz a child can pass', () => {
		const courses = allCourses();
		expect(courses.map((c) => c.band).sort()).toEqual(['13-18', '9-12']);
		for (const c of courses) {
			expect(c.lessons.length).toBeGreaterThanOrEqual(3);
			expect(c.quiz.pass).toBeLessThanOrEqual(c.quiz.questions.length);
			// the schema refuses any text missing a language; check the titles say so too
			for (const l of locales) expect(c.title[l], `${c.id} ${l}`).toBeTruthy();
		}
	});

	it('are reachable at /kids/<band>/course and offered offline', () => {
		const c = courseFor('9-12')!;
		expect(findCourseStep('9-12', c.lessons[0].id)?.number).toBe(1);
		expect(findCourseStep('9-12', 'answers')?.review).toHaveLength(c.quiz.questions.length);
		expect(findCourseStep('9-12', `quiz-${c.quiz.questions.length}`)?.kind).toBe('question');
		expect(findCourseStep('9-12', `quiz-${c.quiz.questions.length + 1}`)).toBeNull();
		expect(findCourseStep('9-12', 'nope')).toBeNull();
		expect(findCourseStep('under-9', 'quiz')).toBeNull();
		expect(kidsPaths()).toEqual(expect.arrayContaining(['/kids/9-12/course', '/kids/9-12/course/quiz', '/kids/9-12/course/result', '/kids/9-12/course/certificate', `/kids/13-18/course/${courseFor('13-18')!.lessons[0].id}`]));
	});

	it('never invent a phone number or a web address', () => {
		const texts: string[] = [];
		const walk = (x: unknown): void => {
			if (Array.isArray(x)) x.forEach(walk);
			else if (x && typeof x === 'object') 'en' in x ? texts.push(...Object.values(x as Record<string, string>)) : Object.values(x).forEach(walk);
		};
		walk(allCourses());
		for (const t of texts) {
			expect(t, t).not.toMatch(/\d[\d\s-]{4,}\d/);
			expect(t, t).not.toMatch(/https?:|www\.|\.(com|org|net)\b/i);
		}
	});
});
