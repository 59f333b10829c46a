import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { html, localized, presentRelated, presentTopics } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent, statusHere } from '../../../../content.server';

export const load: PageServerLoad = async ({ params, locals, setHeaders }) => {
	const content = await readerContent();
	const course = learning.findCourse(params.id, content);
	if (!course) error(404, 'not_found');
	const lessons = learning.allLessons(course);
	const index = lessons.findIndex((l) => l.id === params.lesson);
	if (index < 0) error(404, 'not_found');
	const lesson = lessons[index];
	// a signed-in learner's view is recorded (progress, "continue", xAPI `experienced`)
	const visit = locals.actor ? await learning.viewLesson(locals.actor, course.id, lesson.id, getLocale()) : null;
	if (locals.actor) setHeaders({ 'cache-control': 'private, no-store' });
	const mod = course.modules.find((m) => m.id === lesson.moduleId)!;
	const lastOfModule = mod.lessons[mod.lessons.length - 1].id === lesson.id;
	const neighbour = (i: number) => (lessons[i] ? { id: lessons[i].id, title: localized(lessons[i].title) } : null);
	return {
		course: { id: course.id, title: localized(course.title), status: statusHere(course) },
		module: { id: mod.id, title: localized(mod.title), quizAfter: lastOfModule && !!mod.quiz },
		lesson: { id: lesson.id, title: localized(lesson.title), body: html(lesson.body) },
		n: index + 1,
		total: lessons.length,
		previous: neighbour(index - 1),
		next: neighbour(index + 1),
		signedIn: !!locals.actor,
		certificateId: visit?.certificateId ?? null,
		topics: presentTopics(lesson.topics),
		related: presentRelated(lesson.topics, lesson.id, content)
	};
};
