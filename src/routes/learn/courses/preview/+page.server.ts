import { error } from '@sveltejs/kit';
import * as learning from '$lib/server/learning';
import { localized, presentQuestion } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';

// An editor pastes a course.json to check and preview it without publishing (nothing is stored).
function guard(actor: App.Locals['actor']) {
	if (!actor) error(401, 'sign_in_required');
	if (!learning.canLearn(actor, 'course.preview')) error(403, 'forbidden');
}

export const load: PageServerLoad = ({ locals }) => {
	guard(locals.actor);
	return { courses: learning.learnContent().courses.map((c) => ({ id: c.id, title: localized(c.title) })) };
};

export const actions: Actions = {
	default: formAction(async (form, { locals }) => {
		guard(locals.actor);
		let text = (form.values.course ?? '').slice(0, 500_000);
		const [file] = form.files('file');
		if (!text.trim() && file && file.size <= 500_000) text = await file.text();
		let raw: unknown;
		try {
			raw = JSON.parse(text);
		} catch (e) {
			return { text, problems: [`JSON: ${(e as Error).message}`], preview: null };
		}
		const { course, problems } = learning.parseCourseJson(raw);
		if (!course) return { text, problems, preview: null };
		return {
			text,
			problems: [],
			preview: {
				title: localized(course.title),
				modules: course.modules.map((m) => ({ id: m.id, title: localized(m.title), lessons: m.lessons.map((l) => ({ id: l.id, title: localized(l.title) })), quiz: m.quiz ? m.quiz.questions.map((q) => presentQuestion({ ...q, explanation: q.explanation }, true)) : [] })),
				finalQuiz: course.finalQuiz.questions.map((q) => presentQuestion(q, true))
			}
		};
	})
};
