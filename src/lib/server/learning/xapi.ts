// xAPI (Experience API 1.0.3) statements for what signed-in adults do in courses. The actor is an
// account (home page = this deployment, name = the opaque user id): never an email address.
import { randomUUID } from 'node:crypto';
import { origin } from './credentials';

export const VERBS = {
	experienced: 'http://adlnet.gov/expapi/verbs/experienced',
	answered: 'http://adlnet.gov/expapi/verbs/answered',
	passed: 'http://adlnet.gov/expapi/verbs/passed',
	failed: 'http://adlnet.gov/expapi/verbs/failed',
	completed: 'http://adlnet.gov/expapi/verbs/completed',
	registered: 'http://adlnet.gov/expapi/verbs/registered'
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
	course: 'http://adlnet.gov/expapi/activities/course',
	lesson: 'http://adlnet.gov/expapi/activities/lesson',
	assessment: 'http://adlnet.gov/expapi/activities/assessment',
	question: 'http://adlnet.gov/expapi/activities/cmi.interaction'
} as const;

export const courseActivityId = (courseId: string) => `${origin()}/learn/courses/${encodeURIComponent(courseId)}`;
export const lessonActivityId = (courseId: string, lessonId: string) => `${courseActivityId(courseId)}/lessons/${encodeURIComponent(lessonId)}`;
export const quizActivityId = (courseId: string, quiz: string) => `${courseActivityId(courseId)}/quizzes/${encodeURIComponent(quiz)}`;
export const questionActivityId = (courseId: string, quiz: string, questionId: string) => `${quizActivityId(courseId, quiz)}/${encodeURIComponent(questionId)}`;

export interface StatementInput {
	userId: string;
	verb: VerbName;
	object: { id: string; type: keyof typeof ACTIVITY_TYPES; name: string };
	courseId: string;
	/** the enrolment id, as the xAPI registration */
	registration: string;
	result?: { score?: { scaled: number; raw?: number; min?: number; max?: number }; success?: boolean; completion?: boolean; response?: string };
	timestamp?: Date;
}

export interface Statement {
	id: string;
	actor: { objectType: 'Agent'; account: { homePage: string; name: string } };
	verb: { id: string; display: { 'en-US': string } };
	object: { objectType: 'Activity'; id: string; definition: { type: string; name: { 'en-US': string } } };
	result?: StatementInput['result'];
	context: { registration: string; platform: string; contextActivities?: { parent: { id: string; objectType: 'Activity' }[] } };
	timestamp: string;
	version: '1.0.3';
}

/** One statement, complete and valid. */
export function buildStatement(input: StatementInput): Statement {
	const parent = input.object.type === 'course' ? undefined : { parent: [{ id: courseActivityId(input.courseId), objectType: 'Activity' as const }] };
	return {
		id: randomUUID(),
		actor: { objectType: 'Agent', account: { homePage: origin(), name: input.userId } },
		verb: { id: VERBS[input.verb], display: { 'en-US': input.verb } },
		object: { objectType: 'Activity', id: input.object.id, definition: { type: ACTIVITY_TYPES[input.object.type], name: { 'en-US': input.object.name } } },
		...(input.result ? { result: input.result } : {}),
		context: { registration: input.registration, platform: 'COP Platform', ...(parent ? { contextActivities: parent } : {}) },
		timestamp: (input.timestamp ?? new Date()).toISOString(),
		version: '1.0.3'
	};
}
