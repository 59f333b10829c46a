import * as learning from '$lib/server/learning';
import { presentCourseSummary, presentSetSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const content = learning.learnContent();
	return { sets: content.guidelines.map(presentSetSummary), courses: content.courses.map(presentCourseSummary) };
};
