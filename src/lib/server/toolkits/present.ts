// Toolkit content and self-assessments -> what pages show: text in the reader's language (with the
// fallback flag for the "not yet translated" mark), Markdown as sanitised HTML (the learning
// module's renderer, site links in the reader's language), scores and the action plan.
import { getLocale, localized } from '$lib/i18n';
import { html, presentRelated, presentTopics } from '../learning';
import { ANSWERS, FIELD, PRIORITIES, type Answer, type Priority } from '../../toolkits/vocab';
import { assess, type Toolkit } from './content';
import type { PlanLine } from './schema';

/** How the reader's language version of a toolkit came about (original, machine-assisted, ...). */
function translationOf(t: Toolkit) {
	const locale = getLocale();
	const entry = t.translations[locale];
	return entry ? { status: entry.status, at: entry.at } : null;
}

export function presentToolkitSummary(t: Toolkit) {
	return {
		id: t.id,
		sector: t.sector,
		audience: t.audience,
		title: localized(t.title),
		summary: localized(t.summary),
		themes: t.themes.length,
		practices: t.themes.reduce((n, th) => n + th.practices.length, 0),
		translation: translationOf(t)
	};
}

/** A toolkit's page: intro, themes with their recommendations, topics and help links. */
export function presentToolkit(t: Toolkit) {
	return {
		...presentToolkitSummary(t),
		intro: html(t.intro),
		topics: presentTopics(t.topics),
		related: presentRelated(t.topics, t.id),
		helpLinks: t.helpLinks.map((l) => ({ path: l.path, label: localized(l.label) })),
		themeList: t.themes.map((th) => ({
			id: th.id,
			title: localized(th.title),
			intro: html(th.intro),
			topics: th.topics,
			recommendations: th.recommendations.map((r) => ({ id: r.id, title: localized(r.title), text: html(r.text) }))
		}))
	};
}

const answerLabels = (t: Toolkit) => Object.fromEntries(ANSWERS.map((a) => [a, localized(t.scoring.answerLabels[a])])) as Record<Answer, ReturnType<typeof localized>>;

/** The self-assessment form: practices grouped by theme, each with its current answer ('' when none). */
export function presentAssessmentForm(t: Toolkit, answers: Partial<Record<string, Answer>> = {}) {
	return {
		id: t.id,
		title: localized(t.title),
		answerLabels: answerLabels(t),
		themes: t.themes.map((th) => ({
			id: th.id,
			title: localized(th.title),
			practices: th.practices.map((p) => ({ id: p.id, field: FIELD.answer(p.id), question: localized(p.question), guidance: html(p.guidance), answer: answers[p.id] ?? '' }))
		})),
		answered: Object.keys(answers).length,
		total: t.themes.reduce((n, th) => n + th.practices.length, 0)
	};
}

/** Scores per theme and the action plan, from answers and (optionally) what the person wrote on the plan. */
export function presentResult(t: Toolkit, a: { answers: Partial<Record<string, Answer>>; plan?: Record<string, PlanLine>; organisation?: string }) {
	const { themes, actions } = assess(t, a.answers);
	const themeOf = new Map(t.themes.map((th) => [th.id, th]));
	const practiceOf = new Map(t.themes.flatMap((th) => th.practices.map((p) => [p.id, p] as const)));
	const labels = answerLabels(t);
	const plan = a.plan ?? {};
	return {
		id: t.id,
		title: localized(t.title),
		organisation: a.organisation ?? '',
		/** the answers as hidden form fields, so the visitor can go back, change and come back */
		hidden: Object.entries(a.answers).map(([id, answer]) => ({ name: FIELD.answer(id), value: answer as string })),
		answered: Object.keys(a.answers).length,
		total: practiceOf.size,
		unanswered: localized(t.scoring.unanswered),
		bands: t.scoring.bands.map((b) => ({ id: b.id, min: b.min, label: localized(b.label), description: html(b.description) })),
		themes: themes.map((s) => ({
			id: s.themeId,
			title: localized(themeOf.get(s.themeId)!.title),
			percent: s.percent ?? null,
			band: s.band ? { id: s.band.id, label: localized(s.band.label), description: html(s.band.description) } : null,
			answered: s.answered,
			applicable: s.applicable,
			total: s.total
		})),
		actions: actions.map((item) => {
			const th = themeOf.get(item.themeId)!;
			const r = th.recommendations.find((x) => x.id === item.recommendationId)!;
			const line = plan[r.id];
			return {
				id: r.id,
				themeId: th.id,
				themeTitle: localized(th.title),
				title: localized(r.title),
				text: html(r.text),
				practices: item.practiceIds.map((pid) => {
					const answer = a.answers[pid]!;
					return { id: pid, question: localized(practiceOf.get(pid)!.question), answer, answerLabel: labels[answer] };
				}),
				suggestedPriority: item.suggestedPriority,
				fields: { priority: FIELD.priority(r.id), owner: FIELD.owner(r.id), dueBy: FIELD.dueBy(r.id), notes: FIELD.notes(r.id) },
				line: { priority: (line?.priority ?? item.suggestedPriority) as Priority, owner: line?.owner ?? '', dueBy: line?.dueBy ?? '', notes: line?.notes ?? '' }
			};
		}),
		plan: {
			title: localized(t.actionPlan.title),
			intro: html(t.actionPlan.intro),
			footer: html(t.actionPlan.footer),
			fields: {
				priority: localized(t.actionPlan.fields.priority),
				owner: localized(t.actionPlan.fields.owner),
				dueBy: localized(t.actionPlan.fields.dueBy),
				notes: localized(t.actionPlan.fields.notes)
			},
			priorities: Object.fromEntries(PRIORITIES.map((p) => [p, localized(t.actionPlan.priorities[p])])) as Record<Priority, ReturnType<typeof localized>>
		},
		helpLinks: t.helpLinks.map((l) => ({ path: l.path, label: localized(l.label) }))
	};
}

export type AssessmentResult = ReturnType<typeof presentResult>;
export type AssessmentForm = ReturnType<typeof presentAssessmentForm>;
export type ToolkitPage = ReturnType<typeof presentToolkit>;

/** A saved self-assessment in a list. */
export function presentSavedSummary(row: { id: string; toolkitId: string; organisation: string; answers: Record<string, Answer>; updatedAt: Date }, t: Toolkit) {
	const { themes } = assess(t, row.answers);
	const scored = themes.filter((s) => s.percent !== undefined);
	return {
		id: row.id,
		toolkitId: row.toolkitId,
		organisation: row.organisation,
		updatedAt: row.updatedAt.toISOString(),
		answered: Object.keys(row.answers).length,
		total: t.themes.reduce((n, th) => n + th.practices.length, 0),
		themesScored: scored.length
	};
}
