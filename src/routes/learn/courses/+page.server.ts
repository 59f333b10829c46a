import { getLocale } from '$lib/i18n';
import * as kids from '$lib/server/kids';
import * as learning from '$lib/server/learning';
import * as translations from '$lib/server/translations';
import { localized, presentCourseSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent } from '../content.server';

export const load: PageServerLoad = async ({ locals }) => {
	const content = await readerContent();
	const mine = locals.actor ? await learning.myCourses(locals.actor.id) : [];
	return {
		courses: content.courses.map(presentCourseSummary),
		// the children's courses live in the kids zone (no account, nothing sent): listed here so every audience finds its course
		kidsCourses: kids.allCourses(await translations.hiddenLocale(getLocale())).map((c) => kids.presentCourse(c, getLocale())),
		mine: mine.map((e) => ({
			courseId: e.courseId,
			title: localized(learning.findCourse(e.courseId, content)!.title),
			completed: !!e.completedAt,
			certificateId: e.certificate && !e.certificate.revokedAt ? e.certificate.id : null
		})),
		signedIn: !!locals.actor
	};
};
