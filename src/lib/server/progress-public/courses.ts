// The status report's course-completion section, read from the learning module through its
// index. The source can be replaced (a deployment without courses, or a test that wants a failing
// source); if it fails, the report still renders and says no figures are available.
import type { Db, Tx } from '../db';
import type { LocaleMap } from '$lib/i18n';
import { courseCompletionRates } from '../learning';

export interface CourseCompletion {
	courseId: string;
	title: LocaleMap;
	/** ISO alpha-2 code, or null for learners with no country */
	country: string | null;
	enrolled: number;
	completed: number;
}

export type CourseCompletionRates = (d: Db | Tx, q: { period: number; countries?: string[] }) => Promise<CourseCompletion[]>;

const fromLearning: CourseCompletionRates = (d, q) => courseCompletionRates(d as Db, q);
let source: CourseCompletionRates | null = fromLearning;

/** Replaces the source of course figures; null turns the section off, undefined restores the learning module. */
export function provideCourseCompletionRates(fn: CourseCompletionRates | null | undefined): void {
	source = fn === undefined ? fromLearning : fn;
}

/** Course completion for a period and optional countries, or null when no source is wired. */
export async function courseCompletion(d: Db | Tx, q: { period: number; countries?: string[] }): Promise<CourseCompletion[] | null> {
	if (!source) return null;
	return source(d, q);
}
