import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { localized, presentQuestion } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';
import { readerContent, statusHere } from '../../../../content.server';

function quizKey(param: string) {
	return param === 'final' ? 'final' : `module:${param}`;
}

async function quizOr404(courseId: string, param: string) {
	const course = learning.findCourse(courseId, await readerContent());
	if (!course) error(404, 'not_found');
	try {
		return { course, quiz: learning.quizFor(course, quizKey(param)) };
	} catch {
		error(404, 'not_found');
	}
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { course, quiz } = await quizOr404(params.id, params.quiz);
	const mod = course.modules.find((m) => m.id === params.quiz);
	const moduleIndex = mod ? course.modules.indexOf(mod) : -1;
	const nextModule = moduleIndex >= 0 ? course.modules[moduleIndex + 1] : undefined;
	return {
		course: { id: course.id, title: localized(course.title), passPercent: Math.round(course.passMark * 100), status: statusHere(course) },
		isFinal: params.quiz === 'final',
		quizParam: params.quiz,
		moduleTitle: mod ? localized(mod.title) : null,
		nextPath: params.quiz === 'final' ? null : nextModule ? `/learn/courses/${course.id}/lessons/${nextModule.lessons[0].id}` : `/learn/courses/${course.id}/quiz/final`,
		questions: quiz.questions.map((q) => presentQuestion(q, false)),
		signedIn: !!locals.actor
	};
};

export const actions: Actions = {
	default: formAction(async (form, { params, locals }) => {
		const { course, quiz } = await quizOr404(params.id, params.quiz);
		const answers = learning.answersFromForm(form.raw, quiz);
		const outcome = await learning.submitQuiz(locals.actor, course.id, quizKey(params.quiz), answers, getLocale());
		const progress = locals.actor ? await learning.progressFor(locals.actor.id, course.id) : null;
		const seen = new Set(progress?.seen ?? []);
		const unseen = outcome.passed && params.quiz === 'final' && locals.actor && !outcome.completed
			? learning.allLessons(course).filter((l) => !seen.has(l.id)).map((l) => ({ id: l.id, title: localized(l.title) }))
			: [];
		return {
			graded: true,
			answers,
			correct: outcome.result.correct,
			total: outcome.result.total,
			needed: Math.ceil(course.passMark * outcome.result.total - 1e-9),
			passed: outcome.passed,
			recorded: outcome.recorded,
			completed: outcome.completed,
			certificateId: outcome.certificateId ?? progress?.certificateId ?? null,
			right: Object.fromEntries(outcome.result.questions.map((q) => [q.questionId, q.right])),
			reveal: quiz.questions.map((q) => presentQuestion(q, true)),
			unseen
		};
	})
};
