// Learn use cases. A signed-in adult's progress (enrolment, lessons seen, quiz attempts) is written
// with its xAPI statement in one transaction; completion issues the certificate in the same
// transaction. Editors' adaptations and admins' revocations authorise first and are audited.
import * as cache from '../platform/cache';
import { and, eq, sql } from 'drizzle-orm';
import { db, type Db, type Tx } from '../db';
import { assertHolds, audit, type Actor } from '../identity';
import { NotFound, ValidationError } from '../platform/errors';
import { parse } from '../platform/validate';
import { localized } from '$lib/i18n';
import { findCourse, findSet, learnContent, type Course, type Quiz } from './content';
import { buildCredential, issuerKey, rotateIssuerKey, signCredential } from './credentials';
import { AdaptationInput, RevokeInput, StartCourseInput } from './input';
import { adaptableCountries, canLearn } from './policy';
import { gradeQuiz, isComplete, passes, type QuizResult } from './rules';
import { adaptations, certificates, enrolments, lessonViews, quizAttempts, statements } from './schema';
import { buildStatement, courseActivityId, lessonActivityId, questionActivityId, quizActivityId, type StatementInput } from './xapi';

export const ISSUER_NAME = () => process.env.ISSUER_NAME ?? 'COP Platform';

function courseOr404(courseId: string): Course {
	const course = findCourse(courseId);
	if (!course) throw new NotFound('learn_course_not_found');
	return course;
}

async function record(tx: Db | Tx, input: StatementInput) {
	const statement = buildStatement(input);
	await tx.insert(statements).values({ id: statement.id, userId: input.userId, verb: statement.verb.id, statement: statement as never });
}

type Enrolment = typeof enrolments.$inferSelect;

/** The learner's enrolment on the course, created (with its `registered` statement) when missing. */
async function ensureEnrolment(tx: Db | Tx, actor: Actor, course: Course, country: string | null = null): Promise<{ enrolment: Enrolment; created: boolean }> {
	const inserted = await tx
		.insert(enrolments)
		.values({ userId: actor.id, courseId: course.id, country })
		.onConflictDoNothing()
		.returning();
	if (inserted[0]) {
		await record(tx, { userId: actor.id, verb: 'registered', courseId: course.id, registration: inserted[0].id, object: { id: courseActivityId(course.id), type: 'course', name: course.title.en! } });
		await audit.record(tx, actor, { action: 'learning.enrol', entityType: 'course', entityId: course.id, after: { country } });
		return { enrolment: inserted[0], created: true };
	}
	const [row] = await tx.select().from(enrolments).where(and(eq(enrolments.userId, actor.id), eq(enrolments.courseId, course.id)));
	return { enrolment: row, created: false };
}

/** A learner starts a course, optionally saying which country they work in (never required). */
export async function startCourse(actor: Actor | null, courseId: string, rawInput: unknown = {}) {
	const input = parse(StartCourseInput, rawInput);
	assertHolds(actor, true);
	const course = courseOr404(courseId);
	const country = input.country || null;
	return db().transaction(async (tx) => {
		const { enrolment, created } = await ensureEnrolment(tx, actor, course, country);
		if (!created && country && enrolment.country !== country) {
			await tx.update(enrolments).set({ country, updatedAt: new Date() }).where(eq(enrolments.id, enrolment.id));
			await audit.record(tx, actor, { action: 'learning.enrolment_country', entityType: 'course', entityId: course.id, before: { country: enrolment.country }, after: { country } });
		}
		return enrolment.id;
	});
}

/** Completes the enrolment and issues the certificate when the rules are met (inside `tx`). */
async function completeIfDone(tx: Tx, actor: Actor, course: Course, enrolment: Enrolment, locale: string): Promise<string | null> {
	if (enrolment.completedAt) return null;
	const seen = await tx.select({ id: lessonViews.lessonId }).from(lessonViews).where(eq(lessonViews.enrolmentId, enrolment.id));
	const [finalPass] = await tx
		.select({ id: quizAttempts.id })
		.from(quizAttempts)
		.where(and(eq(quizAttempts.enrolmentId, enrolment.id), eq(quizAttempts.quiz, 'final'), eq(quizAttempts.passed, true)))
		.limit(1);
	if (!isComplete(course, seen.map((s) => s.id), !!finalPass)) return null;
	const now = new Date();
	// the conditional update makes completion happen once even if two requests race
	const done = await tx
		.update(enrolments)
		.set({ completedAt: now, updatedAt: now })
		.where(and(eq(enrolments.id, enrolment.id), sql`${enrolments.completedAt} is null`))
		.returning({ id: enrolments.id });
	if (!done.length) return null;
	await record(tx, {
		userId: actor.id,
		verb: 'completed',
		courseId: course.id,
		registration: enrolment.id,
		object: { id: courseActivityId(course.id), type: 'course', name: course.title.en! },
		result: { completion: true, success: true },
		timestamp: now
	});
	return issueCertificate(tx, actor, course, enrolment.id, locale, now);
}

async function issueCertificate(tx: Tx, actor: Actor, course: Course, enrolmentId: string, locale: string, when: Date): Promise<string> {
	const [{ id }] = await tx
		.insert(certificates)
		.values({ enrolmentId, userId: actor.id, courseId: course.id, credential: {}, issuedAt: when })
		.returning({ id: certificates.id });
	const l = locale as 'en';
	const name = localized(course.title, l).text;
	const unsigned = buildCredential({
		id,
		email: actor.email,
		learnerName: actor.name,
		course: {
			id: course.id,
			name,
			description: localized(course.summary, l).text,
			criteria: `Read every lesson of "${name}" and passed its final quiz with at least ${Math.round(course.passMark * 100)}% of the questions right.`
		},
		issuerName: ISSUER_NAME(),
		validFrom: when
	});
	const credential = signCredential(unsigned, await issuerKey(tx), when);
	await tx.update(certificates).set({ credential }).where(eq(certificates.id, id));
	await audit.record(tx, actor, { action: 'certificate.issue', entityType: 'certificate', entityId: id, after: { courseId: course.id } });
	return id;
}

export interface LessonVisit {
	enrolmentId: string;
	certificateId: string | null;
}

/** A signed-in learner opens a lesson: remembered for "continue", recorded as `experienced`. */
export async function viewLesson(actor: Actor | null, courseId: string, lessonId: string, locale = 'en'): Promise<LessonVisit> {
	assertHolds(actor, true);
	const course = courseOr404(courseId);
	const lesson = course.modules.flatMap((m) => m.lessons).find((l) => l.id === lessonId);
	if (!lesson) throw new NotFound('learn_lesson_not_found');
	return db().transaction(async (tx) => {
		const { enrolment } = await ensureEnrolment(tx, actor, course);
		await tx.insert(lessonViews).values({ enrolmentId: enrolment.id, lessonId }).onConflictDoNothing();
		await tx.update(enrolments).set({ lastLessonId: lessonId, updatedAt: new Date() }).where(eq(enrolments.id, enrolment.id));
		await record(tx, { userId: actor.id, verb: 'experienced', courseId, registration: enrolment.id, object: { id: lessonActivityId(courseId, lessonId), type: 'lesson', name: lesson.title.en! } });
		const certificateId = await completeIfDone(tx, actor, course, enrolment, locale);
		return { enrolmentId: enrolment.id, certificateId };
	});
}

export interface QuizOutcome {
	result: QuizResult;
	passed: boolean;
	/** only for signed-in learners */
	recorded: boolean;
	certificateId: string | null;
	completed: boolean;
}

/**
 * Grades a quiz (`final` or a module's practice quiz `module:<id>`). Anyone may try; for a signed-in
 * learner the attempt, an `answered` statement per question and (final quiz) `passed`/`failed` are
 * stored, and a pass that completes the course issues the certificate.
 */
export async function submitQuiz(actor: Actor | null, courseId: string, quizKey: string, answers: Record<string, string[]>, locale = 'en'): Promise<QuizOutcome> {
	const course = courseOr404(courseId);
	const quiz = quizFor(course, quizKey);
	const result = gradeQuiz(quiz, answers);
	if (result.questions.every((q) => q.chosen.length === 0)) throw new ValidationError({ _: 'learn_quiz_unanswered' }, 'learn_quiz_unanswered');
	const isFinal = quizKey === 'final';
	const passed = isFinal ? passes(result, course.passMark) : result.correct === result.total;
	if (!actor) return { result, passed, recorded: false, certificateId: null, completed: false };
	return db().transaction(async (tx) => {
		const { enrolment } = await ensureEnrolment(tx, actor, course);
		await tx.insert(quizAttempts).values({ enrolmentId: enrolment.id, quiz: quizKey, answers: Object.fromEntries(result.questions.map((q) => [q.questionId, q.chosen])), correct: result.correct, total: result.total, score: result.score, passed });
		for (const q of result.questions) {
			if (!q.chosen.length) continue;
			const question = quiz.questions.find((x) => x.id === q.questionId)!;
			await record(tx, {
				userId: actor.id,
				verb: 'answered',
				courseId,
				registration: enrolment.id,
				object: { id: questionActivityId(courseId, quizKey, q.questionId), type: 'question', name: question.prompt.en! },
				result: { success: q.right, response: q.chosen.join('[,]') }
			});
		}
		if (isFinal) {
			await record(tx, {
				userId: actor.id,
				verb: passed ? 'passed' : 'failed',
				courseId,
				registration: enrolment.id,
				object: { id: quizActivityId(courseId, 'final'), type: 'assessment', name: `${course.title.en} — final quiz` },
				result: { score: { scaled: round(result.score), raw: result.correct, min: 0, max: result.total }, success: passed, completion: true }
			});
		}
		const certificateId = isFinal && passed ? await completeIfDone(tx, actor, course, enrolment, locale) : null;
		const [after] = await tx.select({ completedAt: enrolments.completedAt }).from(enrolments).where(eq(enrolments.id, enrolment.id));
		return { result, passed, recorded: true, certificateId, completed: !!after.completedAt };
	});
}

function round(n: number): number {
	return Math.round(n * 10_000) / 10_000;
}

export function quizFor(course: Course, quizKey: string): Quiz {
	if (quizKey === 'final') return course.finalQuiz;
	const moduleId = quizKey.startsWith('module:') ? quizKey.slice(7) : '';
	const quiz = course.modules.find((m) => m.id === moduleId)?.quiz;
	if (!quiz) throw new NotFound('learn_quiz_not_found');
	return quiz;
}

/** An admin revokes a certificate; verification then reports it as revoked. */
export async function revokeCertificate(actor: Actor | null, id: string, rawInput: unknown) {
	const input = parse(RevokeInput, rawInput);
	assertHolds(actor, canLearn(actor, 'certificate.revoke'));
	return db().transaction(async (tx) => {
		const [row] = await tx.select({ revokedAt: certificates.revokedAt }).from(certificates).where(eq(certificates.id, id));
		if (!row) throw new NotFound('learn_certificate_not_found');
		if (row.revokedAt) return;
		const now = new Date();
		await tx.update(certificates).set({ revokedAt: now, revocationReason: input.reason }).where(eq(certificates.id, id));
		await audit.record(tx, actor, { action: 'certificate.revoke', entityType: 'certificate', entityId: id, before: { revokedAt: null }, after: { revokedAt: now, reason: input.reason } });
	});
}

/**
 * An admin replaces the certificate signing key (routinely, or when the master key or a backup may
 * have leaked): certificates issued from now on are signed with the new key; every earlier one keeps
 * verifying with the retired key, which signs nothing more. Audited.
 */
export async function rotateCertificateKey(actor: Actor | null): Promise<{ previous: string; current: string }> {
	assertHolds(actor, canLearn(actor, 'issuer.rotate'));
	return db().transaction(async (tx) => {
		const rotated = await rotateIssuerKey(tx);
		await audit.record(tx, actor, { action: 'certificate.key_rotate', entityType: 'issuer_key', entityId: rotated.current, before: { key: rotated.previous }, after: { key: rotated.current } });
		return rotated;
	});
}

/**
 * An editor adapts the guidelines for a country: overrides a content section (same id) or adds a new
 * one. Text is saved per language; saving another language fills that language of the same row.
 */
export async function saveAdaptation(actor: Actor | null, rawInput: unknown): Promise<string> {
	// an editor for some country before the form is read (the country is in the form)
	const adaptable = adaptableCountries(actor);
	assertHolds(actor, adaptable === 'all' || adaptable.length > 0);
	const input = parse(AdaptationInput, rawInput);
	assertHolds(actor, canLearn(actor, 'adaptation.edit', input.country));
	const set = findSet(input.setId);
	if (!set) throw new ValidationError({ setId: 'invalid_value' });
	const inSet = set.sections.some((s) => s.id === input.sectionId);
	const anywhere = learnContent().guidelines.some((g) => g.sections.some((s) => s.id === input.sectionId));
	if (input.kind === 'override' && !inSet) throw new ValidationError({ sectionId: 'learn_section_not_in_set' });
	if (input.kind === 'addition' && anywhere) throw new ValidationError({ sectionId: 'learn_section_id_taken' });
	return db().transaction(async (tx) => {
		const [before] = await tx.select().from(adaptations).where(and(eq(adaptations.country, input.country), eq(adaptations.sectionId, input.sectionId)));
		if (before && (before.setId !== input.setId || before.kind !== input.kind)) throw new ValidationError({ sectionId: 'learn_section_id_taken' });
		const values = {
			country: input.country,
			setId: input.setId,
			kind: input.kind,
			sectionId: input.sectionId,
			order: input.order,
			title: { ...(before?.title ?? {}), [input.locale]: input.title },
			summary: { ...(before?.summary ?? {}), ...(input.summary ? { [input.locale]: input.summary } : {}) },
			body: { ...(before?.body ?? {}), [input.locale]: input.body },
			topics: input.topics.length ? [...new Set(input.topics)] : (before?.topics ?? []),
			createdBy: actor.id,
			updatedAt: new Date()
		};
		await cache.invalidate(tx, 'learning');
		let id = before?.id;
		if (id) await tx.update(adaptations).set(values).where(eq(adaptations.id, id));
		else [{ id }] = await tx.insert(adaptations).values(values).returning({ id: adaptations.id });
		await audit.record(tx, actor, { action: before ? 'adaptation.update' : 'adaptation.create', entityType: 'guideline_adaptation', entityId: id!, before: before ?? null, after: values });
		return id!;
	});
}

/** An editor removes an adaptation; readers in that country see the original section again. */
export async function deleteAdaptation(actor: Actor | null, id: string) {
	return db().transaction(async (tx) => {
		const [row] = await tx.select().from(adaptations).where(eq(adaptations.id, id));
		if (!row) throw new NotFound('not_found');
		assertHolds(actor, canLearn(actor, 'adaptation.edit', row.country));
		await tx.delete(adaptations).where(eq(adaptations.id, id));
		await cache.invalidate(tx, 'learning');
		await audit.record(tx, actor, { action: 'adaptation.delete', entityType: 'guideline_adaptation', entityId: id, before: row });
	});
}

/**
 * Erases what learning keeps about a person who deletes their account: enrolments (with lesson views
 * and quiz attempts), certificates (they stop verifying here) and xAPI statements. Runs inside the
 * account deletion's transaction.
 */
export async function erasePersonalData(tx: Tx, userId: string): Promise<{ certificates: number }> {
	const gone = await tx.delete(certificates).where(eq(certificates.userId, userId)).returning({ id: certificates.id });
	await tx.delete(enrolments).where(eq(enrolments.userId, userId));
	await tx.delete(statements).where(eq(statements.userId, userId));
	return { certificates: gone.length };
}
