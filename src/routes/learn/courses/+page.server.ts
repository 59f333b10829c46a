import * as learning from '$lib/server/learning';
import { localized, presentCourseSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const content = learning.learnContent();
	const mine = locals.actor ? await learning.myCourses(locals.actor.id) : [];
	return {
		courses: content.courses.map(presentCourseSummary),
		mine: mine.map((e) => ({
			courseId: e.courseId,
			title: localized(learning.findCourse(e.courseId)!.title),
			completed: !!e.completedAt,
			certificateId: e.certificate && !e.certificate.revokedAt ? e.certificate.id : null
		})),
		signedIn: !!locals.actor
	};
};
