// Progress presenters: workspace rows -> what the assessment pages show. Dates become plain text,
// evidence loses its bytes and media type, country codes gain their name in the reader's language.
import { countryName, type Locale } from '../../geo';
import { ACCEPT_ATTR, EVIDENCE_LIMITS, PILLARS, type AnswerStatus } from '../../progress/model';
import { EDITABLE } from './commands/shared';
import { tallyAnswers, type ActionPrompt, type AssessmentDetail } from './workspace';

const minutes = (x: Date) => x.toISOString().slice(0, 16).replace('T', ' ');

function presentAssessmentHead(d: AssessmentDetail, locale: Locale) {
	const a = d.assessment;
	return { id: a.id, country: a.country, countryName: countryName(a.country, locale) ?? a.country, period: a.period, isDemo: a.isDemo };
}

/** One answer as the answer form shows it (empty strings for blank text fields, thread dates as text). */
export function presentAnswer(a: AssessmentDetail['answers'][string]) {
	return {
		id: a.id,
		value: a.value,
		notApplicable: a.notApplicable,
		confidentiality: a.confidentiality,
		comment: a.comment ?? '',
		citation: a.citation ?? '',
		adoptedOn: a.adoptedOn ?? '',
		lawUrl: a.lawUrl ?? '',
		status: a.status,
		rejectReason: a.rejectReason,
		evidence: a.evidence.map((e) => ({ id: e.id, kind: e.kind, url: e.url, filename: e.filename, size: e.size })),
		thread: a.thread.map((t) => ({ ...t, createdAt: minutes(t.createdAt) })),
		canValidate: a.canValidate
	};
}

/** One pillar of an assessment with its questions and answers (the answer and validation page); null when the pillar is unknown. */
export function presentPillarPage(d: AssessmentDetail, pillarId: string, locale: Locale) {
	const pillar = d.framework.pillars.find((p) => p.id === pillarId);
	if (!pillar) return null;
	const i = d.framework.pillars.indexOf(pillar);
	const neighbour = (p: (typeof d.framework.pillars)[number] | undefined) => (p ? { id: p.id, title: p.title } : null);
	return {
		assessment: presentAssessmentHead(d, locale),
		pillar: { id: pillar.id, title: pillar.title, description: pillar.description },
		prev: neighbour(d.framework.pillars[i - 1]),
		next: neighbour(d.framework.pillars[i + 1]),
		indicators: pillar.indicators.map((ind) => ({
			id: ind.id,
			title: ind.title,
			description: ind.description,
			legal: !!ind.legal,
			questions: ind.questions.map((q) => {
				const a = d.answers[q.id];
				const status = a?.status ?? 'draft';
				return { ...q, answer: a ? presentAnswer(a) : null, editable: d.may.answer && EDITABLE.includes(status as AnswerStatus) };
			})
		})),
		may: d.may,
		accept: ACCEPT_ATTR,
		maxMb: EVIDENCE_LIMITS.maxBytes / 1024 / 1024
	};
}

/** An assessment's overview: per-pillar answer counts, scores, context statistics and roadmap prompts. */
export function presentAssessmentOverview(d: AssessmentDetail, prompts: ActionPrompt[], locale: Locale) {
	const questionPillar = new Map(d.framework.pillars.flatMap((p) => p.indicators.flatMap((i) => i.questions.map((q) => [q.id, { pillar: p.id, text: q.text }] as const))));
	return {
		assessment: { ...presentAssessmentHead(d, locale), status: d.assessment.status, frameworkVersion: d.assessment.frameworkVersion },
		frameworkTitle: d.framework.title,
		pillars: d.framework.pillars.map((p) => {
			const questions = p.indicators.flatMap((i) => i.questions.map((q) => ({ id: q.id, text: q.text })));
			return { id: p.id, title: p.title, questions, tally: tallyAnswers(questions.map((q) => q.id), (q) => d.answers[q]?.status) };
		}),
		scores: PILLARS.map((p) => ({ pillar: p, title: d.framework.pillars.find((x) => x.id === p)!.title, provisional: d.provisional.pillars[p], published: d.published?.pillars[p] ?? null })),
		overall: { provisional: d.provisional.overall, provisionalTier: d.provisional.tier, published: d.published?.overall ?? null, publishedTier: d.published?.tier ?? null },
		context: d.framework.context.map((c) => ({ ...c, value: d.context[c.id]?.value ?? null, source: d.context[c.id]?.source ?? '', confidentiality: d.context[c.id]?.confidentiality ?? 'public' })),
		prompts: prompts.map((p) => ({ ...p, completedAt: p.completedAt?.toISOString().slice(0, 10) ?? null, questions: p.questions.map((q) => ({ ...q, pillar: questionPillar.get(q.questionId)?.pillar, text: questionPillar.get(q.questionId)?.text })) })),
		may: d.may
	};
}
