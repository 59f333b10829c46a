// Reads for the signed-in workspace: assessments in the actor's scope, one assessment with its
// answers, evidence, threads and scores (provisional and published), the validation queue, the
// roadmap and its prompts, and evidence files. Every read checks the policy first.
import { and, asc, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { db } from '../db';
import { assertHolds, type Actor } from '../identity';
import { NotFound } from '../platform/errors';
import { regionOf, REGION_OF } from '../../geo';
import { allQuestions, type AnswerStatus, type AnswerValue, type Framework, type ScoringAnswer } from '../../progress/model';
import { scoreAssessment, type ScoreResult } from '../../progress/scoring';
import { findFramework } from './framework';
import { can, canValidate, countryTarget, visibleScope } from './policy';
import { idOr404 } from './input';
import { answers, assessments, contextValues, evidence, messages, roadmapActions } from './schema';

/** The countries the actor may see, as a SQL condition on a country column (undefined: all). */
function scopeWhere(actor: Actor, column: typeof assessments.country | typeof roadmapActions.country): SQL | undefined | false {
	const s = visibleScope(actor);
	if (s.all) return undefined;
	const countries = new Set(s.countries);
	for (const [c, r] of Object.entries(REGION_OF)) if (s.regions.includes(r)) countries.add(c);
	if (!countries.size) return false;
	return inArray(column, [...countries]);
}

export interface AssessmentListItem {
	id: string;
	country: string;
	period: number;
	status: string;
	frameworkVersion: number;
	isDemo: boolean;
	updatedAt: Date;
	counts: Record<AnswerStatus, number>;
	/** answered / to do / queried / accepted against the framework's questions */
	tally: AnswerTally;
}

/**
 * Where the answers to a set of questions stand, as the workspace shows them. A saved draft is
 * answered (not to do); to do is what has no answer yet or came back rejected; queried answers wait
 * for the focal point's reply; accepted ones are published.
 */
export interface AnswerTally {
	total: number;
	answered: number;
	toDo: number;
	queried: number;
	accepted: number;
	/** answered and waiting for a validator */
	submitted: number;
}

/** Tallies the statuses of the answers given to `questionIds` (a question without an answer is to do). */
export function tallyAnswers(questionIds: readonly string[], statusOf: (questionId: string) => AnswerStatus | undefined): AnswerTally {
	const t: AnswerTally = { total: questionIds.length, answered: 0, toDo: 0, queried: 0, accepted: 0, submitted: 0 };
	for (const id of questionIds) {
		const status = statusOf(id);
		if (status === undefined) {
			t.toDo++;
			continue;
		}
		t.answered++;
		if (status === 'rejected') t.toDo++;
		else if (status === 'queried') t.queried++;
		else if (status === 'accepted') t.accepted++;
		else if (status === 'submitted') t.submitted++;
	}
	return t;
}

/** Assessments the actor may see, newest period first. */
export async function listAssessments(actor: Actor | null): Promise<AssessmentListItem[]> {
	assertHolds(actor, can(actor, 'workspace.enter', { kind: 'global' }));
	const where = scopeWhere(actor, assessments.country);
	if (where === false) return [];
	const rows = await db().select().from(assessments).where(where).orderBy(desc(assessments.period), asc(assessments.country)).limit(500);
	if (!rows.length) return [];
	const counts = await db()
		.select({ assessmentId: answers.assessmentId, questionId: answers.questionId, status: answers.status })
		.from(answers)
		.where(inArray(answers.assessmentId, rows.map((r) => r.id)));
	const questionsOf = new Map<number, string[]>();
	for (const version of new Set(rows.map((r) => r.frameworkVersion))) {
		const fw = await findFramework(db(), version);
		questionsOf.set(version, fw ? allQuestions(fw).map((q) => q.question.id) : []);
	}
	return rows.map((r) => {
		const c: Record<AnswerStatus, number> = { draft: 0, submitted: 0, queried: 0, rejected: 0, accepted: 0 };
		const statuses = new Map<string, AnswerStatus>();
		for (const x of counts) {
			if (x.assessmentId !== r.id) continue;
			c[x.status as AnswerStatus]++;
			statuses.set(x.questionId, x.status as AnswerStatus);
		}
		const tally = tallyAnswers(questionsOf.get(r.frameworkVersion) ?? [], (q) => statuses.get(q));
		return { id: r.id, country: r.country, period: r.period, status: r.status, frameworkVersion: r.frameworkVersion, isDemo: r.isDemo, updatedAt: r.updatedAt, counts: c, tally };
	});
}

/** Countries where the actor may open an assessment or edit the roadmap (their focal-point grants). */
export function answerableCountries(actor: Actor | null): string[] {
	if (!actor) return [];
	return [...new Set(actor.grants.filter((g) => g.role === 'focal_point' && g.scopeKind === 'country').map((g) => g.scopeValue))];
}

export interface EvidenceItem {
	id: string;
	kind: 'file' | 'url';
	url: string | null;
	filename: string | null;
	mediaType: string | null;
	size: number | null;
	createdAt: Date;
}
export interface ThreadMessage {
	id: string;
	kind: string;
	authorName: string;
	body: string;
	createdAt: Date;
}
export interface AnswerView {
	id: string;
	questionId: string;
	value: AnswerValue;
	notApplicable: boolean;
	confidentiality: string;
	comment: string | null;
	citation: string | null;
	adoptedOn: string | null;
	lawUrl: string | null;
	status: AnswerStatus;
	rejectReason: string | null;
	updatedBy: string | null;
	updatedAt: Date;
	evidence: EvidenceItem[];
	thread: ThreadMessage[];
	canValidate: boolean;
}

export interface AssessmentDetail {
	assessment: typeof assessments.$inferSelect;
	framework: Framework;
	answers: Record<string, AnswerView>;
	context: Record<string, { value: number; source: string | null; confidentiality: string }>;
	/** every answer given so far (any status): what the score would be if all were accepted */
	provisional: ScoreResult;
	/** from accepted answers only (published version), null when nothing is accepted */
	published: ScoreResult | null;
	may: { answer: boolean; validate: boolean; reopen: boolean };
}

/** One assessment as the workspace shows it. */
export async function assessmentDetail(actor: Actor | null, id: string): Promise<AssessmentDetail> {
	idOr404(id, 'progress_assessment_not_found');
	const [a] = await db().select().from(assessments).where(eq(assessments.id, id));
	if (!a) throw new NotFound('progress_assessment_not_found');
	assertHolds(actor, can(actor, 'assessment.view', countryTarget(a.country)));
	const framework = (await findFramework(db(), a.frameworkVersion))!;
	const rows = await db().select().from(answers).where(eq(answers.assessmentId, id));
	const ids = rows.map((r) => r.id);
	const ev = ids.length
		? await db()
				.select({ id: evidence.id, answerId: evidence.answerId, kind: evidence.kind, url: evidence.url, filename: evidence.filename, mediaType: evidence.mediaType, size: evidence.size, createdAt: evidence.createdAt })
				.from(evidence)
				.where(inArray(evidence.answerId, ids))
				.orderBy(asc(evidence.createdAt))
		: [];
	const th = ids.length ? await db().select().from(messages).where(inArray(messages.answerId, ids)).orderBy(asc(messages.createdAt)) : [];
	const out: Record<string, AnswerView> = {};
	for (const r of rows) {
		out[r.questionId] = {
			id: r.id,
			questionId: r.questionId,
			value: r.value ?? null,
			notApplicable: r.notApplicable,
			confidentiality: r.confidentiality,
			comment: r.comment,
			citation: r.citation,
			adoptedOn: r.adoptedOn,
			lawUrl: r.lawUrl,
			status: r.status as AnswerStatus,
			rejectReason: r.rejectReason,
			updatedBy: r.updatedBy,
			updatedAt: r.updatedAt,
			evidence: ev.filter((e) => e.answerId === r.id).map(({ answerId: _, ...e }) => ({ ...e, kind: e.kind as 'file' | 'url' })),
			thread: th.filter((m) => m.answerId === r.id).map((m) => ({ id: m.id, kind: m.kind, authorName: m.authorName, body: m.body, createdAt: m.createdAt })),
			canValidate: r.status === 'submitted' && canValidate(actor, a.country, r.updatedBy)
		};
	}
	const given = new Map<string, ScoringAnswer>(rows.map((r) => [r.questionId, { value: r.value ?? null, notApplicable: r.notApplicable }]));
	const accepted = new Map<string, ScoringAnswer>(
		rows.filter((r) => r.status === 'accepted' && r.confidentiality !== 'private').map((r) => [r.questionId, { value: r.value ?? null, notApplicable: r.notApplicable }])
	);
	const ctx = await db().select().from(contextValues).where(eq(contextValues.assessmentId, id));
	return {
		assessment: a,
		framework,
		answers: out,
		context: Object.fromEntries(ctx.map((c) => [c.statId, { value: c.value, source: c.source, confidentiality: c.confidentiality }])),
		provisional: scoreAssessment(framework, given),
		published: accepted.size ? scoreAssessment(framework, accepted) : null,
		may: {
			answer: can(actor, 'assessment.answer', countryTarget(a.country)),
			validate: can(actor, 'answer.validate', countryTarget(a.country)),
			reopen: can(actor, 'answer.reopen', countryTarget(a.country))
		}
	};
}

export interface QueueItem {
	answerId: string;
	assessmentId: string;
	country: string;
	period: number;
	questionId: string;
	indicatorId: string;
	updatedAt: Date;
	isDemo: boolean;
}

/** Submitted answers the actor may rule on (never their own), oldest first. */
export async function validationQueue(actor: Actor | null): Promise<QueueItem[]> {
	assertHolds(actor, can(actor, 'workspace.enter', { kind: 'global' }));
	const rows = await db()
		.select({
			answerId: answers.id,
			assessmentId: assessments.id,
			country: assessments.country,
			period: assessments.period,
			questionId: answers.questionId,
			indicatorId: answers.indicatorId,
			updatedAt: answers.updatedAt,
			updatedBy: answers.updatedBy,
			isDemo: assessments.isDemo
		})
		.from(answers)
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(eq(answers.status, 'submitted'))
		.orderBy(asc(answers.updatedAt))
		.limit(2000);
	return rows.filter((r) => canValidate(actor, r.country, r.updatedBy)).map(({ updatedBy: _, ...r }) => r);
}

/** An evidence file, only for people who may see the assessment it belongs to. */
export async function evidenceFile(actor: Actor | null, evidenceId: string) {
	idOr404(evidenceId, 'progress_evidence_not_found');
	const [row] = await db()
		.select({ kind: evidence.kind, url: evidence.url, filename: evidence.filename, mediaType: evidence.mediaType, bytes: evidence.bytes, country: assessments.country })
		.from(evidence)
		.innerJoin(answers, eq(answers.id, evidence.answerId))
		.innerJoin(assessments, eq(assessments.id, answers.assessmentId))
		.where(eq(evidence.id, evidenceId));
	if (!row) throw new NotFound('progress_evidence_not_found');
	assertHolds(actor, can(actor, 'assessment.view', countryTarget(row.country)));
	return row;
}

export interface RoadmapView {
	country: string;
	actions: (typeof roadmapActions.$inferSelect)[];
	framework: Framework | null;
	may: { edit: boolean };
}

/** A country's roadmap, for those who may see the country's assessment. */
export async function roadmap(actor: Actor | null, country: string): Promise<RoadmapView> {
	const c = country.toUpperCase();
	if (!regionOf(c)) throw new NotFound('progress_country_invalid');
	assertHolds(actor, can(actor, 'assessment.view', countryTarget(c)));
	const actions = await db().select().from(roadmapActions).where(eq(roadmapActions.country, c)).orderBy(asc(roadmapActions.dueOn), asc(roadmapActions.createdAt));
	return { country: c, actions, framework: await findFramework(db()), may: { edit: can(actor, 'roadmap.edit', countryTarget(c)) } };
}

export interface ActionPrompt {
	actionId: string;
	title: string;
	completedAt: Date | null;
	questions: { indicatorId: string; questionId: string }[];
}

/** Completed actions whose linked answers the focal point has not yet been told to revisit. */
export async function actionPrompts(actor: Actor | null, country: string): Promise<ActionPrompt[]> {
	const c = country.toUpperCase();
	if (!can(actor, 'roadmap.edit', countryTarget(c))) return [];
	const rows = await db()
		.select()
		.from(roadmapActions)
		.where(and(eq(roadmapActions.country, c), eq(roadmapActions.status, 'done'), isNull(roadmapActions.promptDismissedAt)))
		.orderBy(desc(roadmapActions.completedAt));
	const fw = await findFramework(db());
	return rows
		.map((r) => ({
			actionId: r.id,
			title: r.title,
			completedAt: r.completedAt,
			questions: fw ? allQuestions(fw).filter((x) => r.indicatorIds.includes(x.indicator.id)).map((x) => ({ indicatorId: x.indicator.id, questionId: x.question.id })) : []
		}));
}

