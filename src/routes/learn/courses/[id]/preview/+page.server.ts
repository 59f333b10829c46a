import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import { html, localized, presentQuestion } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

// Editors read the whole course at once, right answers marked; nothing is recorded.
export const load: PageServerLoad = ({ params, locals, setHeaders }) => {
	if (!locals.actor) error(401, 'sign_in_required');
	if (!learning.canLearn(locals.actor, 'course.preview')) error(403, 'forbidden');
	const course = learning.findCourse(params.id);
	if (!course) error(404, 'not_found');
	setHeaders({ 'cache-control': 'private, no-store' });
	return {
		course: { id: course.id, title: localized(course.title), passPercent: Math.round(course.passMark * 100) },
		modules: course.modules.map((m) => ({
			id: m.id,
			title: localized(m.title),
			lessons: m.lessons.map((l) => ({ id: l.id, title: localized(l.title), body: html(l.body), topics: l.topics })),
			quiz: m.quiz ? m.quiz.questions.map((q) => presentQuestion(q, true)) : []
		})),
		finalQuiz: course.finalQuiz.questions.map((q) => presentQuestion(q, true))
	};
};
