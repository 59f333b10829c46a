import { error } from '@sveltejs/kit';
import { getLocale } from '$lib/i18n';
import * as kids from '$lib/server/kids';
import * as translations from '$lib/server/translations';
import type { PageServerLoad } from './$types';

// A band's course: what it teaches, its lessons and the quiz. Which lessons are done and whether
// the quiz was passed are shown by kids.js from this device's memory; the server never knows.
export const load: PageServerLoad = async ({ params }) => {
	const course = kids.courseFor(params.band, await translations.hiddenLocale(getLocale()));
	if (!course) error(404, 'not_found');
	return { course: kids.presentCourse(course, getLocale()) };
};
