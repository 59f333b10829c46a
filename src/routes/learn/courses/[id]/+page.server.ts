import { error, redirect } from '@sveltejs/kit';
import { listCountries } from '$lib/geo';
import { getLocale, href } from '$lib/i18n';
import * as learning from '$lib/server/learning';
import { localized, presentTopics, presentRelated } from '$lib/server/learning';
import { formAction } from '$lib/server/platform/edge';
import type { Actions, PageServerLoad } from './$types';
import { readerContent, statusHere } from '../../content.server';

export const load: PageServerLoad = async ({ params, locals }) => {
	const content = await readerContent();
	const course = learning.findCourse(params.id, content);
	if (!course) error(404, 'not_found');
	const progress = locals.actor ? await learning.progressFor(locals.actor.id, course.id) : null;
	const seen = new Set(progress?.seen ?? []);
	const first = course.modules[0].lessons[0].id;
	return {
		course: {
			id: course.id,
			audience: course.audience,
			minutes: course.estimatedMinutes,
			passPercent: Math.round(course.passMark * 100),
			title: localized(course.title),
			summary: localized(course.summary),
			status: statusHere(course),
			outcomes: course.outcomes.map((o) => localized(o)),
			modules: course.modules.map((m) => ({
				id: m.id,
				title: localized(m.title),
				hasQuiz: !!m.quiz,
				lessons: m.lessons.map((l) => ({ id: l.id, title: localized(l.title), seen: seen.has(l.id) }))
			}))
		},
		total: course.modules.reduce((n, m) => n + m.lessons.length, 0),
		progress: progress && {
			seen: progress.seen.length,
			completed: !!progress.completedAt,
			finalPassed: progress.finalPassed,
			certificateId: progress.certificateId,
			nextLessonId: progress.nextLessonId,
			country: progress.country
		},
		firstLessonId: first,
		signedIn: !!locals.actor,
		canPreview: learning.canLearn(locals.actor, 'course.preview'),
		countries: locals.actor && !(progress && (progress.country || progress.completedAt)) ? listCountries(getLocale()).map((c) => ({ code: c.code, name: c.name })) : [],
		topics: presentTopics(course.topics),
		related: presentRelated(course.topics, course.id, content)
	};
};

export const actions: Actions = {
	start: formAction(async ({ values }, { params, locals }) => {
		await learning.startCourse(locals.actor, params.id, { country: values.country ?? '' });
		const course = learning.findCourse(params.id)!;
		redirect(303, href(`/learn/courses/${course.id}/lessons/${course.modules[0].lessons[0].id}`));
	}),
	/** a learner who started by opening a lesson may still say where they work (optional) */
	country: formAction(async ({ values }, { params, locals }) => {
		await learning.startCourse(locals.actor, params.id, { country: values.country ?? '' });
		return { countrySaved: true };
	})
};
