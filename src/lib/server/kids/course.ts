// Children's courses (content/kids/courses/*.json): one short course per age band (9-12, 13-18),
// played like the zone's scenarios, on the device. The author writes lessons (pages, practice
// questions, points to remember) and a final quiz; `compileCourse` turns each lesson and the quiz
// into scenario graphs, so the same page, CSS and kids.js play them: every step is a fragment link,
// nothing is ever sent. The quiz has one page per question (`quiz`, `quiz-2`, …, then `result`)
// and counts right answers in the URL fragment, which browsers never send: the page of question i
// holds one node per score so far (`quiz-3#s1`: third question, one right before it) and each
// answer links to the next page at the new score, so a pass mark holds without JavaScript and
// without a server, and each page stays small (a page per score and question on one page would
// outgrow the zone's 50 KB budget). A pass links to the printable certificate (`certificate#s4`).
import * as v from 'valibot';
import { locales, type Locale } from '$lib/paraglide/runtime';
import * as m from '$lib/paraglide/messages';
import { isGuidePose } from '$lib/kids/guide';
import { isTopicGraphId, type TopicGraphId } from '$lib/topics';
import { LOCALE_CODES, SLUG, validateGraph, type Scenario, type ScenarioNode, type Text } from './format';

/** The bands with a course (the under-9s have picture stories). */
const COURSE_BANDS = ['9-12', '13-18'] as const;

/** Step ids of the quiz's pages: no lesson may take them. */
const RESERVED_STEP = /^(quiz(-\d+)?|result|certificate|answers)$/;

export const COURSE_LIMITS = { title: 80, summary: 300, line: 160, page: 700, say: 200, prompt: 300, option: 120, feedback: 300, sticker: 40, lessons: 6, pages: 4, practice: 3, remember: 4, quiz: 8 } as const;

/** A course's text must exist in all six languages: a child never meets a half-translated course. */
const AllLanguages = (max: number) =>
	v.pipe(
		v.record(v.string(), v.string()),
		v.check((t) => Object.keys(t).every((k) => (LOCALE_CODES as readonly string[]).includes(k)), `unknown language code (use ${locales.join(', ')})`),
		v.check((t) => locales.every((l) => typeof t[l] === 'string' && t[l].trim().length > 0), `text in every language is required (${locales.join(', ')})`),
		v.check((t) => Object.values(t).every((s) => s.length <= max), `text longer than ${max} characters`)
	) as unknown as v.GenericSchema<unknown, Text>;

const Question = v.pipe(
	v.strictObject({
		prompt: AllLanguages(COURSE_LIMITS.prompt),
		options: v.pipe(
			v.array(v.strictObject({ text: AllLanguages(COURSE_LIMITS.option), correct: v.boolean(), feedback: AllLanguages(COURSE_LIMITS.feedback) })),
			v.minLength(2, 'at least 2 options'),
			v.maxLength(4, 'at most 4 options')
		)
	}),
	v.check((q) => q.options.filter((o) => o.correct).length === 1, 'exactly one option is correct')
);

const Slug = v.pipe(v.string(), v.regex(SLUG, 'must be a lower-case slug'));

export const CourseFile = v.pipe(
	v.strictObject({
		id: Slug,
		band: v.picklist(COURSE_BANDS, 'band must be 9-12 or 13-18 (the under-9s have picture stories)'),
		topics: v.pipe(v.array(v.pipe(v.string(), v.check((x: string) => isTopicGraphId(x), 'unknown topic id (see src/lib/topics)'))), v.minLength(1, 'at least one topic')),
		title: AllLanguages(COURSE_LIMITS.title),
		summary: AllLanguages(COURSE_LIMITS.summary),
		sticker: v.strictObject({ id: Slug, label: AllLanguages(COURSE_LIMITS.sticker), color: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'colour must be #rrggbb')) }),
		outcomes: v.pipe(v.array(AllLanguages(COURSE_LIMITS.line)), v.minLength(1), v.maxLength(5)),
		lessons: v.pipe(
			v.array(
				v.strictObject({
					id: Slug,
					title: AllLanguages(COURSE_LIMITS.title),
					pages: v.pipe(
						v.array(
							v.strictObject({
								text: AllLanguages(COURSE_LIMITS.page),
								guide: v.optional(v.strictObject({ pose: v.pipe(v.string(), v.check((x: string) => isGuidePose(x), 'unknown guide pose')), say: AllLanguages(COURSE_LIMITS.say) }))
							})
						),
						v.minLength(1, 'a lesson needs a page'),
						v.maxLength(COURSE_LIMITS.pages)
					),
					practice: v.pipe(v.array(Question), v.minLength(1, 'a lesson needs a practice question'), v.maxLength(COURSE_LIMITS.practice)),
					remember: v.pipe(v.array(AllLanguages(COURSE_LIMITS.line)), v.minLength(1, 'a lesson needs a point to remember'), v.maxLength(COURSE_LIMITS.remember))
				})
			),
			v.minLength(1, 'a course needs a lesson'),
			v.maxLength(COURSE_LIMITS.lessons)
		),
		quiz: v.strictObject({
			pass: v.pipe(v.number(), v.integer(), v.minValue(1)),
			questions: v.pipe(v.array(Question), v.minLength(2, 'the quiz needs at least 2 questions'), v.maxLength(COURSE_LIMITS.quiz))
		})
	}),
	v.check((c) => c.quiz.pass <= c.quiz.questions.length, 'quiz.pass cannot be more than the number of questions'),
	v.check((c) => new Set(c.lessons.map((l) => l.id)).size === c.lessons.length, 'lesson ids must be different'),
	v.check((c) => c.lessons.every((l) => !RESERVED_STEP.test(l.id)), 'a lesson id may not be quiz, quiz-2…, result, certificate or answers (the quiz\'s pages have those addresses)')
);

export type Course = Omit<v.InferOutput<typeof CourseFile>, 'topics'> & { topics: TopicGraphId[] };
export type CourseQuestion = Course['quiz']['questions'][number];

/** A message in every language, as content text (so compiled nodes carry all six like authored ones). */
function everyLanguage<I extends Record<string, string>>(fn: (inputs: I, options: { locale: Locale }) => string, inputs: I = {} as I): Text {
	return Object.fromEntries(locales.map((l) => [l, fn(inputs, { locale: l })])) as Text;
}

/** One page of a course: a lesson, a question of the quiz, its result, the certificate or the answers. */
export interface CourseStep {
	course: Course;
	/** the lesson id, `quiz` (question 1), `quiz-2`…, `result`, `certificate` or `answers` */
	step: string;
	kind: 'lesson' | 'question' | 'result' | 'certificate' | 'answers';
	/** what the page plays (lessons, questions, result); null for the certificate and the answers */
	scenario: Scenario | null;
	/** 1-based lesson number; null for the quiz's pages */
	number: number | null;
	/** after a lesson, the next step's id (a lesson or "quiz"); null otherwise */
	next: string | null;
	/** the right answers and why (`answers`) */
	review?: { prompt: Text; answer: Text; why: Text }[];
	/** the scores that pass, each a node of the certificate page (`certificate#s4`) */
	passing?: number[];
	total?: number;
}

/** The path of a course page, without the language prefix. */
export const stepPath = (course: Course, step: string) => `/kids/${course.band}/course/${step}`;
const questionStep = (i: number) => (i === 0 ? 'quiz' : `quiz-${i + 1}`);

/** A practice question: every option shows its feedback; a wrong one then leads back to the question ("Try again"). */
function practiceNode(q: CourseQuestion, id: string, title: Text, right: string): ScenarioNode {
	return { title, text: q.prompt, choices: q.options.map((o) => ({ label: o.text, feedback: o.feedback, to: o.correct ? right : id })) };
}

/** A lesson as a scenario: its pages in a row, then each practice question until it is answered right, then the points to remember. */
export function compileLesson(course: Course, index: number): CourseStep {
	const lesson = course.lessons[index];
	const nodes: Record<string, ScenarioNode> = {};
	const practice = lesson.practice.length;
	lesson.pages.forEach((p, i) => {
		nodes[`page-${i + 1}`] = { title: lesson.title, text: p.text, ...(p.guide ? { guide: p.guide } : {}), next: i + 1 < lesson.pages.length ? `page-${i + 2}` : 'practice-1' };
	});
	lesson.practice.forEach((q, i) => {
		const id = `practice-${i + 1}`;
		const title = everyLanguage(m.kids_course_practice, { n: String(i + 1), total: String(practice) });
		nodes[id] = practiceNode(q, id, title, i + 1 < practice ? `practice-${i + 2}` : 'done');
	});
	nodes.done = { title: everyLanguage(m.kids_course_lesson_done), text: everyLanguage(m.kids_course_lesson_done_text), guide: { pose: 'cheer', say: everyLanguage(m.kids_course_well_done) }, end: { sticker: false, steps: lesson.remember } };
	const next = index + 1 < course.lessons.length ? course.lessons[index + 1].id : 'quiz';
	return {
		course,
		step: lesson.id,
		kind: 'lesson',
		number: index + 1,
		next,
		scenario: {
			id: `${course.id}.${lesson.id}`,
			band: course.band,
			kind: course.band === '13-18' ? 'dilemma' : 'scenario',
			topics: course.topics,
			title: lesson.title,
			summary: course.summary,
			sticker: course.sticker,
			start: 'page-1',
			nodes
		}
	};
}

/** The final quiz's pages: one per question, then the result; and the certificate and answers pages. */
export function compileQuiz(course: Course): CourseStep[] {
	const qs = course.quiz.questions;
	const total = qs.length;
	const kind = course.band === '13-18' ? 'dilemma' : 'scenario';
	const page = (step: string, title: Text, nodes: Record<string, ScenarioNode>, start: string): Scenario => ({
		id: `${course.id}.${step}`,
		band: course.band,
		kind,
		topics: course.topics,
		title,
		summary: course.summary,
		sticker: course.sticker,
		start,
		nodes
	});
	const step = (stepId: string, kind: CourseStep['kind'], scenario: Scenario | null, extra: Partial<CourseStep> = {}): CourseStep => ({ course, step: stepId, kind, scenario, number: null, next: null, ...extra });
	const quizTitle = everyLanguage(m.kids_course_quiz);

	const questions = qs.map((q, i) => {
		const title = everyLanguage(m.kids_course_question, { n: String(i + 1), total: String(total) });
		const nextPage = stepPath(course, i + 1 < total ? questionStep(i + 1) : 'result');
		const nodes: Record<string, ScenarioNode> = {};
		// one node per score so far: without a fragment the page shows s0, the start
		for (let score = 0; score <= i; score++) nodes[`s${score}`] = { title, text: q.prompt, choices: q.options.map((o) => ({ label: o.text, to: `s${o.correct ? score + 1 : score}`, page: nextPage })) };
		return step(questionStep(i), 'question', page(questionStep(i), quizTitle, nodes, 's0'));
	});

	const remember = course.lessons.map((l) => l.remember[0]).slice(0, 6);
	const nodes: Record<string, ScenarioNode> = {
		// opened without a score (not from the last question): where to begin
		start: { title: quizTitle, text: everyLanguage(m.kids_course_quiz_first, { total: String(total), pass: String(course.quiz.pass) }), end: { sticker: false, steps: [everyLanguage(m.kids_course_retry_quiz)] } }
	};
	const passing: number[] = [];
	for (let score = 0; score <= total; score++) {
		const passed = score >= course.quiz.pass;
		if (passed) passing.push(score);
		nodes[`s${score}`] = {
			title: everyLanguage(m.kids_course_score, { score: String(score), total: String(total) }),
			text: passed ? everyLanguage(m.kids_course_passed) : everyLanguage(m.kids_course_not_yet, { pass: String(course.quiz.pass) }),
			guide: passed ? { pose: 'cheer', say: everyLanguage(m.kids_course_well_done) } : { pose: 'comfort', say: everyLanguage(m.kids_course_keep_going) },
			end: passed
				? { sticker: true, steps: remember, certificate: { score, total } }
				: { sticker: false, steps: [everyLanguage(m.kids_course_retry_lessons), everyLanguage(m.kids_course_retry_quiz)] }
		};
	}
	const review = qs.map((q) => {
		const right = q.options.find((o) => o.correct)!;
		return { prompt: q.prompt, answer: right.text, why: right.feedback };
	});
	return [
		...questions,
		step('result', 'result', page('result', quizTitle, nodes, 'start')),
		step('certificate', 'certificate', null, { passing, total }),
		step('answers', 'answers', null, { review })
	];
}

/** Every step of a course, in order: the lessons, then the quiz. */
export function compileCourse(course: Course): CourseStep[] {
	return [...course.lessons.map((_, i) => compileLesson(course, i)), ...compileQuiz(course)];
}

/** Parses and checks one course file, and checks the graphs it compiles to. */
export function parseCourse(raw: unknown, file: string): { course: Course; errors: [] } | { course: null; errors: string[] } {
	const result = v.safeParse(CourseFile, raw);
	if (!result.success) return { course: null, errors: result.issues.map((i) => `${file}: ${v.getDotPath(i) ?? '(file)'}: ${i.message}`) };
	const course = result.output as Course;
	const errors: string[] = [];
	const base = file.split('/').pop()!.replace(/\.json$/, '');
	if (course.id !== base) errors.push(`${file}: id "${course.id}" must match the file name "${base}"`);
	// lessons are checked as scenarios; the quiz's pages are built by compileQuiz, whose test walks every way through them
	for (const step of compileCourse(course)) {
		if (step.kind === 'lesson') for (const e of validateGraph(step.scenario!, { sticker: false })) errors.push(`${file}: ${step.step}: ${e}`);
	}
	return errors.length ? { course: null, errors } : { course, errors: [] };
}
