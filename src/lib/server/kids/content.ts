// Loads the kids' scenarios from content/kids/scenarios/*.json (the bundled content index) and
// refuses the whole set if any file is invalid, listing every problem: broken content must fail the
// build and the content test, never half-render in front of a child.
import { BANDS, type Band } from '$lib/kids/bands';
import type { Locale } from '$lib/paraglide/runtime';
import { bundledContent, cachedView, ContentError, filesIn, isUnreviewed, parseJsonText, sidecarStatus, withoutLanguage, type ContentFiles, type ContentProblem } from '../content';
import { parseScenario, type Scenario } from './format';
import { compileCourse, parseCourse, stepPath, type Course, type CourseStep } from './course';

/** The files of one kids folder in the bundled content (path under the repository -> text). */
function kidsFiles(folder: 'scenarios' | 'courses'): ContentFiles {
	const all = bundledContent();
	return Object.fromEntries(filesIn(all, `kids/${folder}`, '.json').map((n) => [`content/kids/${folder}/${n}`, all[`kids/${folder}/${n}`]]));
}

/** Parses every file with `parse`, refusing the whole set (ContentError listing every problem) if any is wrong. */
function loadAll<T extends { id: string }>(input: Record<string, unknown>, parse: (raw: unknown, file: string) => { errors: string[]; value: T | null }): T[] {
	const problems: ContentProblem[] = [];
	const out: T[] = [];
	const seen = new Set<string>();
	for (const [file, value] of Object.entries(input).sort(([a], [b]) => a.localeCompare(b))) {
		let raw = value;
		try {
			if (typeof value === 'string') raw = parseJsonText(value);
		} catch (e) {
			problems.push({ file, reason: (e as Error).message });
			continue;
		}
		const { value: item, errors } = parse(raw, file);
		problems.push(...errors.map((e) => ({ file, reason: e.startsWith(`${file}: `) ? e.slice(file.length + 2) : e })));
		if (!item) continue;
		if (seen.has(item.id)) problems.push({ file, reason: `id "${item.id}" is used twice` });
		seen.add(item.id);
		out.push(item);
	}
	if (problems.length) throw new ContentError(problems);
	return out;
}

/** Validates a set of scenario files (path -> JSON text, or already parsed JSON). Throws ContentError listing every problem. */
export function loadScenarios(input: Record<string, unknown>): Scenario[] {
	return loadAll(input, (raw, file) => {
		const r = parseScenario(raw, file);
		// `/kids/<band>/course` is the band's course: a scenario of that name could never be opened
		if (r.scenario?.id === 'course') return { value: null, errors: [`${file}: the id "course" is taken by the course page`] };
		return { value: r.scenario, errors: r.errors };
	});
}

/** Validates a set of course files; at most one course per band (its page is `/kids/<band>/course`). */
export function loadCourses(input: Record<string, unknown>): Course[] {
	const courses = loadAll(input, (raw, file) => {
		const r = parseCourse(raw, file);
		return { value: r.course, errors: r.errors };
	});
	const bands = courses.map((c) => c.band);
	const twice = bands.filter((b, i) => bands.indexOf(b) !== i);
	if (twice.length) throw new ContentError(twice.map((b) => ({ file: 'content/kids/courses', reason: `more than one course for band ${b}` })));
	return courses;
}

let cache: Scenario[] | null = null;
let courseCache: Course[] | null = null;

/**
 * `hidden` in the reads below: the reader's language when the deployment replaces its unreviewed
 * texts by the original (the translations module's display setting), else null. An item whose
 * status in that language (content/translations/status.json, "kids" set) is not reviewed then comes
 * without that language, so its page says once that it is not yet in the child's language.
 */
type Hidden = Locale | null;
function readerView<T extends { id: string }>(item: T, hidden: Hidden): T {
	if (!hidden || !isUnreviewed(sidecarStatus('kids', item.id, hidden))) return item;
	return cachedView(item, hidden, (x) => withoutLanguage(x, hidden));
}

/** Every scenario shipped with the platform, validated once per process. */
export function allScenarios(hidden: Hidden = null): Scenario[] {
	cache ??= loadScenarios(kidsFiles('scenarios'));
	return hidden ? cache.map((s) => readerView(s, hidden)) : cache;
}

/** Every children's course shipped with the platform, validated once per process. */
export function allCourses(hidden: Hidden = null): Course[] {
	courseCache ??= loadCourses(kidsFiles('courses'));
	return hidden ? courseCache.map((c) => readerView(c, hidden)) : courseCache;
}

export function courseFor(band: string, hidden: Hidden = null): Course | null {
	return allCourses(hidden).find((c) => c.band === band) ?? null;
}

const compiled = new WeakMap<Course, CourseStep[]>();

/** Every page of a course (or of a reader's view of it), compiled once per process. */
function stepsOf(course: Course): CourseStep[] {
	if (!compiled.has(course)) compiled.set(course, compileCourse(course));
	return compiled.get(course)!;
}

/** One page of a band's course (a lesson id, `quiz`, `quiz-2`…, `result`, `certificate`, `answers`); null when there is none. */
export function findCourseStep(band: string, step: string, hidden: Hidden = null): CourseStep | null {
	const course = courseFor(band, hidden);
	return course ? (stepsOf(course).find((s) => s.step === step) ?? null) : null;
}

export function scenariosFor(band: Band, hidden: Hidden = null): Scenario[] {
	return allScenarios(hidden).filter((s) => s.band === band);
}

export function findScenario(band: Band, id: string, hidden: Hidden = null): Scenario | null {
	return allScenarios(hidden).find((s) => s.band === band && s.id === id) ?? null;
}

/** Every kids page path (without locale prefix): what the service worker may keep offline. */
export function kidsPaths(): string[] {
	return [
		'/kids',
		...BANDS.map((b) => `/kids/${b}`),
		...allScenarios().map((s) => `/kids/${s.band}/${s.id}`),
		...allCourses().flatMap((c) => [`/kids/${c.band}/course`, ...stepsOf(c).map((step) => stepPath(c, step.step))])
	];
}
