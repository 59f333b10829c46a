// The rules of a course, as pure functions: how a quiz is graded, what passing means, when a
// course is complete. Commands and pages both use these, and the tests pin them down.
import type { Course, Question, Quiz } from './content';

export const DEFAULT_PASS_MARK = 0.7;

export interface QuestionResult {
	questionId: string;
	chosen: string[];
	right: boolean;
}

export interface QuizResult {
	correct: number;
	total: number;
	/** 0..1 */
	score: number;
	questions: QuestionResult[];
}

/** A question is right when the chosen options are exactly the correct ones (single: the one). */
export function isRight(question: Question, chosen: string[]): boolean {
	const want = new Set(question.options.filter((o) => o.correct).map((o) => o.id));
	const got = new Set(chosen);
	if (question.type === 'single' && chosen.length !== 1) return false;
	return want.size === got.size && [...want].every((id) => got.has(id));
}

/** Grades answers (question id -> option ids); unknown option ids are ignored, unanswered is wrong. */
export function gradeQuiz(quiz: Quiz, answers: Record<string, string[]>): QuizResult {
	const questions = quiz.questions.map((q) => {
		const valid = new Set(q.options.map((o) => o.id));
		const chosen = [...new Set((answers[q.id] ?? []).filter((id) => valid.has(id)))];
		return { questionId: q.id, chosen, right: isRight(q, chosen) };
	});
	const correct = questions.filter((q) => q.right).length;
	const total = quiz.questions.length;
	return { correct, total, score: total ? correct / total : 0, questions };
}

/** Passing: at least the pass mark, as a share of questions right (7 of 10 passes at 0.7). */
export function passes(result: Pick<QuizResult, 'correct' | 'total'>, passMark = DEFAULT_PASS_MARK): boolean {
	if (result.total === 0) return false;
	// compare in whole questions to avoid 0.7 * 10 = 6.999... surprises
	return result.correct >= Math.ceil(passMark * result.total - 1e-9);
}

/** Completion: every lesson seen and the final quiz passed. */
export function isComplete(course: Course, seenLessonIds: Iterable<string>, finalPassed: boolean): boolean {
	const seen = new Set(seenLessonIds);
	return finalPassed && course.modules.every((m) => m.lessons.every((l) => seen.has(l.id)));
}

/** Lessons in course order with what comes before and after. */
export function lessonOrder(course: Course): { id: string; moduleId: string }[] {
	return course.modules.flatMap((m) => m.lessons.map((l) => ({ id: l.id, moduleId: m.id })));
}

/** Reads answers from a posted form: fields named `q.<questionId>`, one or many option ids. */
export function answersFromForm(form: FormData, quiz: Quiz): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const q of quiz.questions) out[q.id] = form.getAll(`q.${q.id}`).map(String).slice(0, 20);
	return out;
}
