// Learn content as data: guideline sets and courses read from content/learn (Markdown with YAML
// front matter, JSON), validated in full. A malformed file fails loudly with its name and the reason;
// nothing half-valid is served.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import type { LocaleMap } from '../../i18n/locale-map';
import { isTopicGraphId, type TopicGraphId } from '../../topics';
import { rawHtmlIn } from './markdown';

export const CONTENT_LOCALES = ['en', 'fr', 'es', 'ru', 'zh', 'ar'] as const;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export const SET_IDS = ['children-under-9', 'children-9-12', 'children-13-18', 'parents-educators', 'industry', 'policy-makers'] as const;
export const GUIDELINE_AUDIENCES = ['children', 'parents-educators', 'industry', 'policy-makers'] as const;
export const COURSE_AUDIENCES = ['parents', 'educators', 'policy-makers', 'industry'] as const;

export interface ChecklistItem {
	id: string;
	text: LocaleMap;
}

export interface GuidelineSection {
	id: string;
	setId: string;
	order: number;
	/** file name without locale folder, e.g. 01-start.md */
	file: string;
	topics: TopicGraphId[];
	title: LocaleMap;
	summary: LocaleMap;
	/** Markdown per locale */
	body: LocaleMap;
	checklist: ChecklistItem[];
}

export interface GuidelineSet {
	id: string;
	audience: (typeof GUIDELINE_AUDIENCES)[number];
	ageBand?: 'under-9' | '9-12' | '13-18';
	order: number;
	title: LocaleMap;
	summary: LocaleMap;
	sections: GuidelineSection[];
}

export interface QuizOption {
	id: string;
	text: LocaleMap;
	correct: boolean;
	feedback: LocaleMap;
}
export interface Question {
	id: string;
	type: 'single' | 'multiple';
	prompt: LocaleMap;
	options: QuizOption[];
	explanation: LocaleMap;
}
export interface Quiz {
	questions: Question[];
}
export interface Lesson {
	id: string;
	title: LocaleMap;
	topics: TopicGraphId[];
	/** Markdown per locale */
	body: LocaleMap;
}
export interface CourseModule {
	id: string;
	title: LocaleMap;
	lessons: Lesson[];
	quiz?: Quiz;
}
export interface Course {
	id: string;
	audience: (typeof COURSE_AUDIENCES)[number];
	passMark: number;
	estimatedMinutes: number;
	topics: TopicGraphId[];
	title: LocaleMap;
	summary: LocaleMap;
	outcomes: LocaleMap[];
	modules: CourseModule[];
	finalQuiz: Quiz;
}

export interface LearnContent {
	guidelines: GuidelineSet[];
	courses: Course[];
}

export interface ContentProblem {
	file: string;
	reason: string;
}

export class ContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(`Learn content is invalid:\n${problems.map((p) => `  ${p.file}: ${p.reason}`).join('\n')}`);
		this.name = 'ContentError';
	}
}

// ---- schemas -------------------------------------------------------------------------------

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id must be lower-case letters, digits and dashes'));
const Text = v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(2000));
const LocaleMapSchema = v.pipe(
	v.record(v.picklist(CONTENT_LOCALES, 'unknown language code'), Text),
	v.check((m) => !!m.en, 'English (en) text is required')
);
const Topics = v.pipe(
	v.array(v.string()),
	v.check((ts) => ts.every(isTopicGraphId), 'unknown topic id (see src/lib/topics)'),
	v.minLength(1, 'at least one topic')
);

const SetSchema = v.strictObject({
	id: ID,
	audience: v.picklist(GUIDELINE_AUDIENCES),
	ageBand: v.optional(v.picklist(['under-9', '9-12', '13-18'])),
	order: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(99)),
	title: LocaleMapSchema,
	summary: LocaleMapSchema
});

const FrontMatterSchema = v.strictObject({
	id: ID,
	order: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999)),
	title: Text,
	summary: Text,
	topics: Topics,
	checklist: v.optional(v.array(v.strictObject({ id: ID, text: Text })))
});

const OptionSchema = v.strictObject({ id: ID, text: LocaleMapSchema, correct: v.boolean(), feedback: LocaleMapSchema });
const QuestionSchema = v.pipe(
	v.strictObject({
		id: ID,
		type: v.picklist(['single', 'multiple']),
		prompt: LocaleMapSchema,
		options: v.pipe(v.array(OptionSchema), v.minLength(2, 'at least two options'), v.maxLength(8)),
		explanation: LocaleMapSchema
	}),
	v.check((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, 'option ids must be unique'),
	v.check((q) => (q.type === 'single' ? q.options.filter((o) => o.correct).length === 1 : q.options.some((o) => o.correct)), 'single: exactly one correct option; multiple: at least one')
);
const QuizSchema = v.pipe(
	v.strictObject({ questions: v.pipe(v.array(QuestionSchema), v.minLength(1)) }),
	v.check((q) => new Set(q.questions.map((x) => x.id)).size === q.questions.length, 'question ids must be unique within a quiz')
);
const CourseSchema = v.strictObject({
	id: ID,
	audience: v.picklist(COURSE_AUDIENCES),
	passMark: v.optional(v.pipe(v.number(), v.minValue(0.1), v.maxValue(1)), 0.7),
	estimatedMinutes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(6000)),
	topics: Topics,
	title: LocaleMapSchema,
	summary: LocaleMapSchema,
	outcomes: v.array(LocaleMapSchema),
	modules: v.pipe(
		v.array(
			v.strictObject({
				id: ID,
				title: LocaleMapSchema,
				lessons: v.pipe(v.array(v.strictObject({ id: ID, title: LocaleMapSchema, topics: Topics })), v.minLength(1)),
				quiz: v.optional(QuizSchema)
			})
		),
		v.minLength(1)
	),
	finalQuiz: QuizSchema
});

/** Validates a course document (the course.json shape, lesson bodies given separately). */
export function parseCourseJson(raw: unknown): { course?: Omit<Course, 'modules'> & { modules: (Omit<CourseModule, 'lessons'> & { lessons: Omit<Lesson, 'body'>[] })[] }; problems: string[] } {
	const r = v.safeParse(CourseSchema, raw);
	if (!r.success) return { problems: r.issues.map(issueText) };
	const course = r.output;
	const problems: string[] = [];
	const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
	if (new Set(lessonIds).size !== lessonIds.length) problems.push('lesson ids must be unique within the course');
	if (new Set(course.modules.map((m) => m.id)).size !== course.modules.length) problems.push('module ids must be unique');
	return { course: problems.length ? undefined : (course as never), problems };
}

function issueText(issue: v.BaseIssue<unknown>): string {
	const where = issue.path?.map((p) => String(p.key)).join('.');
	return where ? `${where}: ${issue.message}` : issue.message;
}

// ---- reading ---------------------------------------------------------------------------------

const FRONT = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its YAML front matter and body. */
export function splitFrontMatter(text: string): { data: unknown; body: string } {
	const m = FRONT.exec(text.replace(/^\uFEFF/, ''));
	if (!m) throw new Error('missing YAML front matter (--- ... ---)');
	return { data: parseYaml(m[1]), body: m[2].trim() };
}

function readJson(file: string): unknown {
	return JSON.parse(readFileSync(file, 'utf8'));
}

function dirs(dir: string): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((n) => !n.startsWith('.') && statSync(path.join(dir, n)).isDirectory())
		.sort();
}

function checkMarkdown(body: string, file: string, problems: ContentProblem[]) {
	if (!body.trim()) problems.push({ file, reason: 'the Markdown body is empty' });
	const html = rawHtmlIn(body);
	if (html) problems.push({ file, reason: `raw HTML is not allowed in content: ${html.slice(0, 60)}` });
}

function loadGuidelineSet(root: string, folder: string, problems: ContentProblem[]): GuidelineSet | undefined {
	const dir = path.join(root, folder);
	const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f));
	let meta: v.InferOutput<typeof SetSchema>;
	try {
		const r = v.safeParse(SetSchema, readJson(path.join(dir, 'set.json')));
		if (!r.success) {
			for (const i of r.issues) problems.push({ file: rel('set.json'), reason: issueText(i) });
			return;
		}
		meta = r.output;
	} catch (e) {
		problems.push({ file: rel('set.json'), reason: (e as Error).message });
		return;
	}
	if (meta.id !== folder) problems.push({ file: rel('set.json'), reason: `id "${meta.id}" must equal the folder name "${folder}"` });
	if (meta.audience === 'children' && !meta.ageBand) problems.push({ file: rel('set.json'), reason: 'a children set needs an ageBand' });
	const sections = new Map<string, GuidelineSection>();
	const enDir = path.join(dir, 'en');
	if (!existsSync(enDir)) {
		problems.push({ file: rel('en'), reason: 'the English folder is missing' });
		return;
	}
	const locales = dirs(dir);
	for (const l of locales) if (!(CONTENT_LOCALES as readonly string[]).includes(l)) problems.push({ file: rel(l), reason: 'unknown language folder' });
	for (const locale of ['en', ...locales.filter((l) => l !== 'en' && (CONTENT_LOCALES as readonly string[]).includes(l))] as ContentLocale[]) {
		for (const name of readdirSync(path.join(dir, locale)).filter((n) => n.endsWith('.md')).sort()) {
			const file = rel(path.join(locale, name));
			let fm: v.InferOutput<typeof FrontMatterSchema>;
			let body: string;
			try {
				const split = splitFrontMatter(readFileSync(path.join(dir, locale, name), 'utf8'));
				const r = v.safeParse(FrontMatterSchema, split.data);
				if (!r.success) {
					for (const i of r.issues) problems.push({ file, reason: issueText(i) });
					continue;
				}
				fm = r.output;
				body = split.body;
			} catch (e) {
				problems.push({ file, reason: (e as Error).message });
				continue;
			}
			checkMarkdown(body, file, problems);
			if (locale === 'en') {
				if ([...sections.values()].some((s) => s.id === fm.id)) problems.push({ file, reason: `duplicate section id "${fm.id}"` });
				sections.set(name, {
					id: fm.id,
					setId: meta.id,
					order: fm.order,
					file: name,
					topics: fm.topics as TopicGraphId[],
					title: { en: fm.title },
					summary: { en: fm.summary },
					body: { en: body },
					checklist: (fm.checklist ?? []).map((c) => ({ id: c.id, text: { en: c.text } }))
				});
				continue;
			}
			const en = sections.get(name);
			if (!en) {
				problems.push({ file, reason: `no English file of the same name (${locale}/${name} translates en/${name})` });
				continue;
			}
			if (fm.id !== en.id) problems.push({ file, reason: `id "${fm.id}" differs from the English "${en.id}"` });
			en.title[locale] = fm.title;
			en.summary[locale] = fm.summary;
			en.body[locale] = body;
			for (const c of fm.checklist ?? []) {
				const item = en.checklist.find((x) => x.id === c.id);
				if (!item) problems.push({ file, reason: `checklist item "${c.id}" is not in the English file` });
				else item.text[locale] = c.text;
			}
		}
	}
	if (sections.size === 0) problems.push({ file: rel('en'), reason: 'the set has no sections' });
	return { ...meta, sections: [...sections.values()].sort((a, b) => a.order - b.order || a.file.localeCompare(b.file)) };
}

function loadCourse(root: string, folder: string, problems: ContentProblem[]): Course | undefined {
	const dir = path.join(root, folder);
	const rel = (f: string) => path.relative(process.cwd(), path.join(dir, f));
	let raw: unknown;
	try {
		raw = readJson(path.join(dir, 'course.json'));
	} catch (e) {
		problems.push({ file: rel('course.json'), reason: (e as Error).message });
		return;
	}
	const parsed = parseCourseJson(raw);
	for (const p of parsed.problems) problems.push({ file: rel('course.json'), reason: p });
	if (!parsed.course) return;
	const c = parsed.course;
	if (c.id !== folder) problems.push({ file: rel('course.json'), reason: `id "${c.id}" must equal the folder name "${folder}"` });
	const locales = dirs(dir).filter((l) => (CONTENT_LOCALES as readonly string[]).includes(l)) as ContentLocale[];
	const lessonIds = new Set(c.modules.flatMap((m) => m.lessons.map((l) => l.id)));
	for (const l of locales) {
		for (const name of readdirSync(path.join(dir, l)).filter((n) => n.endsWith('.md'))) {
			if (!lessonIds.has(name.replace(/\.md$/, ''))) problems.push({ file: rel(path.join(l, name)), reason: 'no lesson with this id in course.json' });
		}
	}
	const modules: CourseModule[] = c.modules.map((m) => ({
		...m,
		lessons: m.lessons.map((lesson) => {
			const body: LocaleMap = {};
			for (const l of locales) {
				const f = path.join(dir, l, `${lesson.id}.md`);
				if (!existsSync(f)) continue;
				const text = readFileSync(f, 'utf8').trim();
				checkMarkdown(text, rel(path.join(l, `${lesson.id}.md`)), problems);
				body[l] = text;
			}
			if (!body.en) problems.push({ file: rel(`en/${lesson.id}.md`), reason: 'the English lesson body is missing' });
			return { ...lesson, topics: lesson.topics as TopicGraphId[], body };
		})
	}));
	return { ...c, topics: c.topics as TopicGraphId[], modules } as Course;
}

/** Reads and validates everything under `root` (content/learn): every problem, not just the first. */
export function readLearnContent(root: string): { content: LearnContent; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	const guidelines: GuidelineSet[] = [];
	for (const folder of dirs(path.join(root, 'guidelines'))) {
		const set = loadGuidelineSet(path.join(root, 'guidelines'), folder, problems);
		if (set) guidelines.push(set);
	}
	const ids = new Map<string, string>();
	for (const s of guidelines.flatMap((g) => g.sections)) {
		const other = ids.get(s.id);
		if (other) problems.push({ file: path.relative(process.cwd(), path.join(root, 'guidelines', s.setId, 'en', s.file)), reason: `section id "${s.id}" is also used in set "${other}"` });
		ids.set(s.id, s.setId);
	}
	const courses: Course[] = [];
	for (const folder of dirs(path.join(root, 'courses'))) {
		const course = loadCourse(path.join(root, 'courses'), folder, problems);
		if (course) courses.push(course);
	}
	guidelines.sort((a, b) => a.order - b.order);
	return { content: { guidelines, courses }, problems };
}

let cached: { root: string; content: LearnContent } | undefined;

/** Where learn content lives (CONTENT_DIR/learn, or LEARN_CONTENT_DIR for tests). */
export function contentRoot(): string {
	return path.resolve(process.env.LEARN_CONTENT_DIR ?? path.join(process.env.CONTENT_DIR ?? 'content', 'learn'));
}

/** The validated content, read once per process. Throws ContentError listing every problem. */
export function learnContent(root = contentRoot()): LearnContent {
	if (cached?.root === root) return cached.content;
	const { content, problems } = readLearnContent(root);
	if (problems.length) throw new ContentError(problems);
	cached = { root, content };
	return content;
}

export function findCourse(id: string, content = learnContent()): Course | undefined {
	return content.courses.find((c) => c.id === id);
}

export function findSet(id: string, content = learnContent()): GuidelineSet | undefined {
	return content.guidelines.find((s) => s.id === id);
}

export function allLessons(course: Course): (Lesson & { moduleId: string })[] {
	return course.modules.flatMap((m) => m.lessons.map((l) => ({ ...l, moduleId: m.id })));
}

/** Path of the fixture content the tests use. */
export const FIXTURES_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), 'fixtures');
