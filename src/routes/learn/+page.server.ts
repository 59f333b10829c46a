import { presentCourseSummary, presentSetSummary } from '$lib/server/learning';
import type { PageServerLoad } from './$types';
import { readerContent } from './content.server';

export const load: PageServerLoad = async () => {
	const content = await readerContent();
	return { sets: content.guidelines.map(presentSetSummary), courses: content.courses.map(presentCourseSummary) };
};
