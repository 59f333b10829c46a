// Learn content as data: guideline sets and courses from content/learn (Markdown with YAML front
// matter, JSON), taken from the bundled content index and validated in full. A malformed file fails
// loudly with its name and the reason; nothing half-valid is served.
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import type { LocaleMap } from '../../i18n/locale-map';
import {
	bundledContent,
	ContentError,
	filesIn,
	folders,
	hasFolder,
	cachedView,
	reviewedOnly,
	issueText,
	parseJsonText,
	resolveTranslations,
	splitFrontMatter,
	TranslationsSchema,
	type ContentFiles,
	type ContentProblem,
	type Translations
} from '../content';
import { isTopicGraphId, type TopicGraphId } from '../../topics';
import { rawHtmlIn } from './markdown';

export const CONTENT_LOCALES = locales;
export type ContentLocale = (typeof CONTENT_LOCALES)[number];
export { ContentError, type ContentProblem, type Translations };
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
	/** status per language the section exists in */
	translations: Translations;
}

export interface GuidelineSet {
	id: string;
	audience: (typeof GUIDELINE_AUDIENCES)[number];
	ageBand?: 'under-9' | '9-12' | '13-18';
	order: number;
	title: LocaleMap;
	summary: LocaleMap;
	/** status per language of the set's title and summary */
	translations: Translations;
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
	/** status per language the course exists in */
	translations: Translations;
}

export interface LearnContent {
	guidelines: GuidelineSet[];
	courses: Course[];
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
	summary: LocaleMapSchema,
	translations: v.optional(TranslationsSchema)
});

const FrontMatterSchema = v.strictObject({
	id: ID,
	order: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(999)),
	title: Text,
	summary: Text,
	topics: Topics,
	checklist: v.optional(v.array(v.strictObject({ id: ID, text: Text }))),
	translations: v.optional(TranslationsSchema)
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
	finalQuiz: QuizSchema,
	translations: v.optional(TranslationsSchema)
});

/** Validates a course document (the course.json shape, lesson bodies given separately). */
export function parseCourseJson(raw: unknown): { course?: Omit<Course, 'modules' | 'translations'> & { translations?: Translations; modules: (Omit<CourseModule, 'lessons'> & { lessons: Omit<Lesson, 'body'>[] })[] }; problems: string[] } {
	const r = v.safeParse(CourseSchema, raw);
	if (!r.success) return { problems: r.issues.map(issueText) };
	const course = r.output;
	const problems: string[] = [];
	const lessonIds = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
	if (new Set(lessonIds).size !== lessonIds.length) problems.push('lesson ids must be unique within the course');
	if (new Set(course.modules.map((m) => m.id)).size !== course.modules.length) problems.push('module ids must be unique');
	return { course: problems.length ? undefined : (course as never), problems };
}

// ---- reading ---------------------------------------------------------------------------------

const isLocale = (l: string): l is ContentLocale => (CONTENT_LOCALES as readonly string[]).includes(l);

/** Locale folders of `dir`, English first; unknown folders are reported. */
function localeFolders(files: ContentFiles, dir: string, rel: (f: string) => string, problems: ContentProblem[]): ContentLocale[] {
	const all = folders(files, dir);
	for (const l of all) if (!isLocale(l)) problems.push({ file: rel(l), reason: 'unknown language folder' });
	return all.filter(isLocale).sort((a, b) => (a === 'en' ? -1 : b === 'en' ? 1 : a.localeCompare(b)));
}

function checkMarkdown(body: string, file: string, problems: ContentProblem[]) {
	if (!body.trim()) problems.push({ file, reason: 'the Markdown body is empty' });
	const html = rawHtmlIn(body);
	if (html) problems.push({ file, reason: `raw HTML is not allowed in content: ${html.slice(0, 60)}` });
}

function loadGuidelineSet(files: ContentFiles, where: string, folder: string, problems: ContentProblem[]): GuidelineSet | undefined {
	const dir = `guidelines/${folder}`;
	const rel = (f: string) => `${where}/${dir}/${f}`;
	let meta: v.InferOutput<typeof SetSchema>;
	try {
		const text = files[`${dir}/set.json`];
		if (text === undefined) throw new Error('the file is missing');
		const r = v.safeParse(SetSchema, parseJsonText(text));
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
	const sections = new Map<string, GuidelineSection & { declared: Translations }>();
	if (!hasFolder(files, `${dir}/en`)) {
		problems.push({ file: rel('en'), reason: 'the English folder is missing' });
		return;
	}
	for (const locale of localeFolders(files, dir, rel, problems)) {
		for (const name of filesIn(files, `${dir}/${locale}`, '.md')) {
			const file = rel(`${locale}/${name}`);
			let fm: v.InferOutput<typeof FrontMatterSchema>;
			let body: string;
			try {
				const split = splitFrontMatter(files[`${dir}/${locale}/${name}`]);
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
					checklist: (fm.checklist ?? []).map((c) => ({ id: c.id, text: { en: c.text } })),
					translations: {},
					declared: { ...fm.translations }
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
			for (const [l, status] of Object.entries(fm.translations ?? {}) as [ContentLocale, NonNullable<Translations[ContentLocale]>][]) {
				const before = en.declared[l];
				if (before && JSON.stringify(before) !== JSON.stringify(status)) problems.push({ file, reason: `translations.${l}: differs from the status declared in another language's file` });
				en.declared[l] = status;
			}
			for (const c of fm.checklist ?? []) {
				const item = en.checklist.find((x) => x.id === c.id);
				if (!item) problems.push({ file, reason: `checklist item "${c.id}" is not in the English file` });
				else item.text[locale] = c.text;
			}
		}
	}
	if (sections.size === 0) problems.push({ file: rel('en'), reason: 'the set has no sections' });
	const out: GuidelineSection[] = [];
	for (const { declared, ...s } of sections.values()) {
		const r = resolveTranslations(declared, Object.keys(s.body) as ContentLocale[]);
		for (const reason of r.problems) problems.push({ file: rel(`en/${s.file}`), reason });
		out.push({ ...s, translations: r.translations });
	}
	const setStatus = resolveTranslations(meta.translations, Object.keys(meta.title) as ContentLocale[]);
	for (const reason of setStatus.problems) problems.push({ file: rel('set.json'), reason });
	return { ...meta, translations: setStatus.translations, sections: out.sort((a, b) => a.order - b.order || a.file.localeCompare(b.file)) };
}

function loadCourse(files: ContentFiles, where: string, folder: string, problems: ContentProblem[]): Course | undefined {
	const dir = `courses/${folder}`;
	const rel = (f: string) => `${where}/${dir}/${f}`;
	let raw: unknown;
	try {
		const text = files[`${dir}/course.json`];
		if (text === undefined) throw new Error('the file is missing');
		raw = parseJsonText(text);
	} catch (e) {
		problems.push({ file: rel('course.json'), reason: (e as Error).message });
		return;
	}
	const parsed = parseCourseJson(raw);
	for (const p of parsed.problems) problems.push({ file: rel('course.json'), reason: p });
	if (!parsed.course) return;
	const c = parsed.course;
	if (c.id !== folder) problems.push({ file: rel('course.json'), reason: `id "${c.id}" must equal the folder name "${folder}"` });
	const locales = localeFolders(files, dir, rel, problems);
	const lessonIds = new Set(c.modules.flatMap((m) => m.lessons.map((l) => l.id)));
	for (const l of locales) {
		for (const name of filesIn(files, `${dir}/${l}`, '.md')) {
			if (!lessonIds.has(name.replace(/\.md$/, ''))) problems.push({ file: rel(`${l}/${name}`), reason: 'no lesson with this id in course.json' });
		}
	}
	const present = new Set<ContentLocale>(Object.keys(c.title) as ContentLocale[]);
	const modules: CourseModule[] = c.modules.map((m) => ({
		...m,
		lessons: m.lessons.map((lesson) => {
			const body: LocaleMap = {};
			for (const l of locales) {
				const text = files[`${dir}/${l}/${lesson.id}.md`]?.trim();
				if (text === undefined) continue;
				checkMarkdown(text, rel(`${l}/${lesson.id}.md`), problems);
				body[l] = text;
				present.add(l);
			}
			if (!body.en) problems.push({ file: rel(`en/${lesson.id}.md`), reason: 'the English lesson body is missing' });
			return { ...lesson, topics: lesson.topics as TopicGraphId[], body };
		})
	}));
	const status = resolveTranslations(c.translations, present);
	for (const reason of status.problems) problems.push({ file: rel('course.json'), reason });
	return { ...c, topics: c.topics as TopicGraphId[], modules, translations: status.translations } as Course;
}

/**
 * Validates learn content (the files under content/learn, keyed relative to it): every problem,
 * not just the first. `where` prefixes the file names in problems.
 */
export function readLearnContent(files: ContentFiles = bundledContent('learn'), where = 'content/learn'): { content: LearnContent; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	const guidelines: GuidelineSet[] = [];
	for (const folder of folders(files, 'guidelines')) {
		const set = loadGuidelineSet(files, where, folder, problems);
		if (set) guidelines.push(set);
	}
	const ids = new Map<string, string>();
	for (const s of guidelines.flatMap((g) => g.sections)) {
		const other = ids.get(s.id);
		if (other) problems.push({ file: `${where}/guidelines/${s.setId}/en/${s.file}`, reason: `section id "${s.id}" is also used in set "${other}"` });
		ids.set(s.id, s.setId);
	}
	const courses: Course[] = [];
	for (const folder of folders(files, 'courses')) {
		const course = loadCourse(files, where, folder, problems);
		if (course) courses.push(course);
	}
	guidelines.sort((a, b) => a.order - b.order);
	return { content: { guidelines, courses }, problems };
}

let source: ContentFiles | undefined;
let cached: LearnContent | undefined;

/** Tests: serve these files (keyed relative to content/learn) instead of the bundled content. */
export function useLearnFiles(files: ContentFiles | undefined): void {
	source = files;
	cached = undefined;
}

/** The validated content, read once per process. Throws ContentError listing every problem. */
export function learnContent(): LearnContent {
	if (cached) return cached;
	const { content, problems } = readLearnContent(source ?? bundledContent('learn'));
	if (problems.length) throw new ContentError(problems);
	cached = content;
	return content;
}

/**
 * The content as readers see it. `hidden` is the reader's language when the deployment replaces its
 * unreviewed (machine-assisted or translated) texts by the original (translations' display
 * setting); items a native speaker reviewed keep their text. Each view is made once per process.
 */
export function readerContent(hidden: ContentLocale | null): LearnContent {
	const content = learnContent();
	if (!hidden || hidden === 'en') return content;
	return cachedView(content, hidden, (c) => ({
		guidelines: c.guidelines.map((g) => ({ ...reviewedOnly(g, hidden), sections: g.sections.map((s) => reviewedOnly(s, hidden)) })),
		courses: c.courses.map((course) => reviewedOnly(course, hidden))
	}));
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

