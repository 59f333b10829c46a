// The status report's course-completion section reads from the learning module, which lives on
// another branch. This is the typed slot it plugs into: the learning module's
// courseCompletionRates (same signature) is passed to provideCourseCompletionRates once at
// start-up; until then, or if it fails, the report says no figures are available.
import type { Db, Tx } from '../db';
import type { LocaleMap } from '$lib/i18n';

export interface CourseCompletion {
	courseId: string;
	title: LocaleMap;
	/** ISO alpha-2 code, or null for learners with no country */
	country: string | null;
	enrolled: number;
	completed: number;
}

export type CourseCompletionRates = (d: Db | Tx, q: { period: number; countries?: string[] }) => Promise<CourseCompletion[]>;

let source: CourseCompletionRates | null = null;

/** Wires the learning module's figures into the status report (call once at start-up). */
export function provideCourseCompletionRates(fn: CourseCompletionRates | null): void {
	source = fn;
}

/** Course completion for a period and optional countries, or null when no source is wired. */
export async function courseCompletion(d: Db | Tx, q: { period: number; countries?: string[] }): Promise<CourseCompletion[] | null> {
	if (!source) return null;
	return source(d, q);
}
