// Learn content -> what pages show: text in the reader's language (with the fallback flag for the
// "not yet translated" marker), Markdown rendered to sanitised HTML with links in the reader's language.
import { getLocale, href, localized, type LocaleMap, type LocalizedText } from '$lib/i18n';
import { helpPathFor, type TopicGraphId } from '$lib/topics';
import type { Course, GuidelineSet, LearnContent, Question } from './content';
import { renderMarkdown } from './markdown';
import { related, type ReaderSection } from './queries';

const htmlCache = new Map<string, string>();

/** Markdown in the reader's language as safe HTML (cached per text and language). */
export function html(map: LocaleMap): LocalizedText & { html: string } {
	const t = localized(map);
	const key = `${getLocale()}\u0000${t.text}`;
	let out = htmlCache.get(key);
	if (out === undefined) {
		out = renderMarkdown(t.text, { localizePath: (p) => href(p) });
		if (htmlCache.size > 2000) htmlCache.clear();
		htmlCache.set(key, out);
	}
	return { ...t, html: out };
}

export function presentTopics(topics: TopicGraphId[], country?: string | null) {
	return topics.map((id) => ({ id, helpPath: helpPathFor(id, country ?? undefined) }));
}

export function presentRelated(topics: TopicGraphId[], exclude: string, content?: LearnContent) {
	return related(topics, exclude, 6, content).map((r) => ({ kind: r.kind, path: r.path, title: localized(r.title) }));
}

export function presentSetSummary(set: GuidelineSet) {
	return { id: set.id, audience: set.audience, ageBand: set.ageBand ?? null, title: localized(set.title), summary: localized(set.summary), sections: set.sections.length };
}

export function presentSectionSummary(s: ReaderSection) {
	return { id: s.id, title: localized(s.title), summary: localized(s.summary), origin: s.origin, country: s.country ?? null };
}

export function presentCourseSummary(c: Course) {
	return {
		id: c.id,
		audience: c.audience,
		minutes: c.estimatedMinutes,
		title: localized(c.title),
		summary: localized(c.summary),
		lessons: c.modules.reduce((n, m) => n + m.lessons.length, 0)
	};
}

/** A question for the quiz form; `reveal` adds which options are right (after an answer, or in preview). */
export function presentQuestion(q: Question, reveal: boolean) {
	return {
		id: q.id,
		type: q.type,
		prompt: localized(q.prompt),
		explanation: reveal ? localized(q.explanation) : null,
		options: q.options.map((o) => ({ id: o.id, text: localized(o.text), correct: reveal ? o.correct : null, feedback: reveal ? localized(o.feedback) : null }))
	};
}

export { localized, getLocale };
