// Writing assessments without an actor: first-run demo data, benchmarks and tests. Nothing here
// is reachable from a page; every person's change goes through commands.ts (policy + audit).
import { and, eq } from 'drizzle-orm';
import type { Db, Tx } from '../db';
import { allQuestions, type AnswerStatus, type AnswerValue, type Confidentiality, type Framework } from '../../progress/model';
import { findFramework, markPublished, storeDraft } from './framework';
import { refreshScores } from './scores';
import { answers, assessments, frameworkVersions } from './schema';

export interface AnswerSeed {
	value: AnswerValue;
	notApplicable?: boolean;
	confidentiality?: Confidentiality;
	status?: AnswerStatus;
	citation?: string | null;
	adoptedOn?: string | null;
	url?: string | null;
	comment?: string | null;
}

/** Stores and publishes a framework version unless that version exists already; returns what is stored. */
export async function ensurePublishedFramework(d: Db | Tx, fw: Framework, source = 'system'): Promise<Framework> {
	const [row] = await d.select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.version, fw.version));
	if (!row) await storeDraft(d, fw, source);
	if (row?.status !== 'published' && row?.status !== 'retired') await markPublished(d, fw.version, null);
	return (await findFramework(d, fw.version))!;
}

/**
 * Answers for every question at a level in [0,1] (0 = nothing in place, 1 = everything), for demo
 * and synthetic data. Deterministic: the same level gives the same answers.
 */
export function answersAt(fw: Framework, level: number): Record<string, AnswerSeed> {
	const out: Record<string, AnswerSeed> = {};
	for (const { question: q } of allQuestions(fw)) {
		let value: AnswerValue;
		switch (q.type) {
			case 'yes_partial_no':
				value = level >= 0.75 ? 'yes' : level >= 0.3 ? 'partial' : 'no';
				break;
			case 'maturity':
				value = Math.round(level * 4);
				break;
			case 'number':
				value = Math.round((q.target ?? 100) * level);
				break;
			case 'percent':
				value = Math.round(100 * level);
				break;
			case 'multi_select':
				value = (q.options ?? []).slice(0, Math.round(level * (q.options?.length ?? 0))).map((o) => o.id);
				break;
			case 'date':
				value = '2020-01-01';
				break;
			default:
				value = '';
		}
		out[q.id] = { value };
	}
	return out;
}

export interface AssessmentSeed {
	country: string;
	period: number;
	answers: Record<string, AnswerSeed>;
	/** default 'accepted' for every answer */
	status?: AnswerStatus;
	isDemo?: boolean;
	frameworkVersion?: number;
}

/** Inserts (or replaces) one assessment with its answers and refreshes its published scores. */
export async function insertAssessment(tx: Db | Tx, fw: Framework, seed: AssessmentSeed, options: { refresh?: boolean } = {}): Promise<string> {
	const country = seed.country.toUpperCase();
	const indicatorOf = new Map(allQuestions(fw).map((x) => [x.question.id, x.indicator.id]));
	await tx.delete(assessments).where(eqCountryPeriod(country, seed.period));
	const statuses = Object.values(seed.answers).map((a) => a.status ?? seed.status ?? 'accepted');
	const allAccepted = statuses.length > 0 && statuses.every((s) => s === 'accepted');
	const anySubmitted = statuses.some((s) => s !== 'draft');
	const [{ id }] = await tx
		.insert(assessments)
		.values({
			country,
			period: seed.period,
			frameworkVersion: seed.frameworkVersion ?? fw.version,
			status: allAccepted ? 'validated' : anySubmitted ? 'submitted' : 'draft',
			submittedAt: anySubmitted ? new Date() : null,
			isDemo: seed.isDemo ?? false
		})
		.returning({ id: assessments.id });
	const rows = Object.entries(seed.answers)
		.filter(([qid]) => indicatorOf.has(qid))
		.map(([questionId, a]) => {
			const status = a.status ?? seed.status ?? 'accepted';
			return {
				assessmentId: id,
				questionId,
				indicatorId: indicatorOf.get(questionId)!,
				value: a.value,
				notApplicable: a.notApplicable ?? false,
				confidentiality: a.confidentiality ?? 'public',
				status,
				citation: a.citation ?? null,
				adoptedOn: a.adoptedOn ?? null,
				lawUrl: a.url ?? null,
				comment: a.comment ?? null,
				decidedAt: status === 'accepted' ? new Date() : null
			};
		});
	for (let i = 0; i < rows.length; i += 1000) await tx.insert(answers).values(rows.slice(i, i + 1000));
	if (options.refresh !== false) await refreshScores(tx, [id]);
	return id;
}

function eqCountryPeriod(country: string, period: number) {
	return and(eq(assessments.country, country), eq(assessments.period, period));
}
