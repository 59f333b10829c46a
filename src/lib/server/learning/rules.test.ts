import { describe, expect, it } from 'vitest';
import { readContentDir } from '../content/disk';
import { readLearnContent } from './content';
import { FIXTURES_DIR } from '../test/learning';
import { gradeQuiz, isComplete, passes } from './rules';

const { content, problems } = readLearnContent(readContentDir(FIXTURES_DIR));
const course = content.courses[0];

describe('fixtures', () => {
	it('load without problems', () => {
		expect(problems).toEqual([]);
		expect(course.id).toBe('sample-course');
		expect(course.passMark).toBe(0.7);
	});
});

describe('grading', () => {
	const quiz = course.finalQuiz;
	it('single choice: right only with the one correct option', () => {
		expect(gradeQuiz(quiz, { q1: ['a'] }).questions[0].right).toBe(true);
		expect(gradeQuiz(quiz, { q1: ['b'] }).questions[0].right).toBe(false);
		expect(gradeQuiz(quiz, { q1: ['a', 'b'] }).questions[0].right).toBe(false);
	});
	it('multiple choice: right only with exactly the correct set', () => {
		expect(gradeQuiz(quiz, { q2: ['a', 'b'] }).questions[1].right).toBe(true);
		expect(gradeQuiz(quiz, { q2: ['b', 'a'] }).questions[1].right).toBe(true);
		expect(gradeQuiz(quiz, { q2: ['a'] }).questions[1].right).toBe(false);
		expect(gradeQuiz(quiz, { q2: ['a', 'b', 'c'] }).questions[1].right).toBe(false);
	});
	it('unknown option ids are ignored and unanswered questions are wrong', () => {
		const r = gradeQuiz(quiz, { q1: ['zzz'], q3: ['a'] });
		expect(r.questions.map((q) => q.right)).toEqual([false, false, true]);
		expect(r.correct).toBe(1);
		expect(r.score).toBeCloseTo(1 / 3);
	});
});

describe('pass mark', () => {
	it('7 of 10 passes at 0.7, 6 of 10 does not', () => {
		expect(passes({ correct: 7, total: 10 }, 0.7)).toBe(true);
		expect(passes({ correct: 6, total: 10 }, 0.7)).toBe(false);
	});
	it('rounds up to whole questions: 3 questions at 0.7 need 3', () => {
		expect(passes({ correct: 2, total: 3 }, 0.7)).toBe(false);
		expect(passes({ correct: 3, total: 3 }, 0.7)).toBe(true);
	});
	it('8 of 9 at 0.7 passes; 6 of 9 does not (0.67)', () => {
		expect(passes({ correct: 7, total: 9 }, 0.7)).toBe(true);
		expect(passes({ correct: 6, total: 9 }, 0.7)).toBe(false);
	});
	it('the default is 0.7 and an empty quiz never passes', () => {
		expect(passes({ correct: 7, total: 10 })).toBe(true);
		expect(passes({ correct: 0, total: 0 })).toBe(false);
	});
});

describe('completion', () => {
	const all = ['m1-l1', 'm1-l2', 'm2-l1'];
	it('needs every lesson seen and the final quiz passed', () => {
		expect(isComplete(course, all, true)).toBe(true);
		expect(isComplete(course, all, false)).toBe(false);
		expect(isComplete(course, all.slice(0, 2), true)).toBe(false);
		expect(isComplete(course, [], true)).toBe(false);
	});
});
