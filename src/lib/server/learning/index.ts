// Learn: the guidelines library with national adaptations, self-paced courses with quizzes and
// completion, Open Badges 3.0 certificates, and xAPI learning records.
export * from './commands';
export * from './queries';
export { canLearn, assertCan as assertCanLearn, adaptableCountries, LEARNING_RULES, type LearningAction } from './policy';
export { AdaptationInput, StartCourseInput, RevokeInput, LIMITS } from './input';
export {
	learnContent,
	readerContent,
	readLearnContent,
	useLearnFiles,
	findCourse,
	findSet,
	allLessons,
	parseCourseJson,
	ContentError,
	CONTENT_LOCALES,
	type Course,
	type CourseModule,
	type Lesson,
	type Question,
	type Quiz,
	type GuidelineSet,
	type GuidelineSection,
	type LearnContent,
	type ContentProblem,
	type Translations
} from './content';
export { renderMarkdown, markdownToText } from './markdown';
export { gradeQuiz, passes, isComplete, answersFromForm, DEFAULT_PASS_MARK, type QuizResult } from './rules';
export { issuerKey, issuerKeyList, issuerProfile, origin, OB3_CONTEXT, signCredential, identityHash, issuerId, statusListId } from './credentials';
export { VERBS, buildStatement, type Statement } from './xapi';
export { html, localized, presentCourseSummary, presentQuestion, presentRelated, presentSectionSummary, presentSetSummary, presentTopics } from './present';
export { countryParam } from './country';
export * as openapi from './openapi';
import './retention'; // registers its retention rule
