// Scenarios as pages show them: text resolved in the reader's language (English fallback marked),
// choices turned into in-page fragment links, the guide's pose turned into its art file.
import { href, localized, type Locale, type LocalizedText } from '$lib/i18n';
import { GUIDE, type GuidePose } from '$lib/kids/guide';
import { helpPathFor, type TopicGraphId } from '$lib/topics';
import type { Scenario, Text } from './format';
import type { Course } from './course';

export interface PresentedChoice {
	label: LocalizedText;
	/** `#node` or, when the choice has feedback, `#node__i` (the feedback panel); a course quiz's `/…/quiz-2#s1` */
	href: string;
}
export interface FeedbackPanel {
	id: string;
	/** the option the reader picked */
	choice: LocalizedText;
	feedback: LocalizedText;
	/** the other options of the same question with their reasons (dilemmas) */
	others: { label: LocalizedText; feedback: LocalizedText | null }[];
	next: string;
	/** the choice leads back to the question: "Try again" instead of "Continue" */
	retry: boolean;
}
export interface PresentedNode {
	id: string;
	title: LocalizedText | null;
	text: LocalizedText;
	guide: { src: string; pose: string; say: LocalizedText } | null;
	scene: string | null;
	next: string | null;
	choices: PresentedChoice[];
	feedback: FeedbackPanel[];
	end: { sticker: boolean; steps: LocalizedText[]; certificate: { score: number; total: number } | null } | null;
	/** 1-based page number along the story's straight path (picture stories) */
	page: number | null;
}
export interface PresentedScenario {
	id: string;
	band: Scenario['band'];
	kind: Scenario['kind'];
	topics: TopicGraphId[];
	title: LocalizedText;
	summary: LocalizedText;
	sticker: { id: string; label: LocalizedText; color: string };
	start: string;
	nodes: PresentedNode[];
	pages: number;
	/** the whole scenario is not yet in the reader's language: shown once, in English */
	untranslated: boolean;
}
export interface ScenarioCard {
	id: string;
	band: Scenario['band'];
	title: LocalizedText;
	summary: LocalizedText;
	topics: TopicGraphId[];
	sticker: { id: string; label: LocalizedText; color: string };
}

function reader(locale: Locale, whole: boolean) {
	// when the whole scenario falls back, one notice says so instead of a mark on every sentence
	return (t: Text): LocalizedText => {
		const r = localized(t, locale);
		return whole && r.lang === 'en' ? { ...r, fallback: false } : r;
	};
}

/** Where "Talk to someone" points: the help finder narrowed to the first risk topic (not the "get help" / "talk it out" actions). */
export function helpPathOf(topics: TopicGraphId[]): string {
	return helpPathFor(topics.find((t) => t !== 'get_help' && t !== 'talk_it_out') ?? topics[0]);
}

export function presentCard(s: Scenario, locale: Locale): ScenarioCard {
	const t = (x: Text) => localized(x, locale);
	return { id: s.id, band: s.band, title: t(s.title), summary: t(s.summary), topics: s.topics, sticker: { id: s.sticker.id, label: t(s.sticker.label), color: s.sticker.color } };
}

/** `others: false` keeps a dilemma's feedback to the chosen option (a course quiz: the page stays small). */
export function presentScenario(s: Scenario, locale: Locale, options: { others?: boolean } = {}): PresentedScenario {
	const others = options.others ?? s.kind === 'dilemma';
	const untranslated = localized(s.title, locale).fallback;
	const t = reader(locale, untranslated);
	// page numbers along the straight path from the start (a story's `next` chain)
	const pageOf = new Map<string, number>();
	for (let id: string | undefined = s.start, n = 1; id && Object.hasOwn(s.nodes, id) && !pageOf.has(id); id = s.nodes[id].next ?? s.nodes[id].choices?.[0]?.to, n++) pageOf.set(id, n);
	const order = [s.start, ...Object.keys(s.nodes).filter((id) => id !== s.start)];
	const nodes = order.map((id): PresentedNode => {
		const node = s.nodes[id];
		const choices = node.choices ?? [];
		return {
			id,
			title: node.title ? t(node.title) : null,
			text: t(node.text),
			guide: node.guide ? { src: GUIDE.poses[node.guide.pose as GuidePose], pose: node.guide.pose, say: t(node.guide.say) } : null,
			scene: node.scene ?? null,
			next: node.next ?? null,
			choices: choices.map((c, i) => ({ label: t(c.label), href: c.feedback ? `#${id}__${i}` : c.page ? `${href(c.page, locale)}#${c.to}` : `#${c.to}` })),
			feedback: choices.flatMap((c, i) =>
				c.feedback
					? [{
							id: `${id}__${i}`,
							choice: t(c.label),
							feedback: t(c.feedback),
							others: others ? choices.filter((_, j) => j !== i).map((o) => ({ label: t(o.label), feedback: o.feedback ? t(o.feedback) : null })) : [],
							next: c.to,
							retry: c.to === id
						}]
					: []
			),
			end: node.end ? { sticker: node.end.sticker, steps: node.end.steps.map(t), certificate: node.end.certificate ?? null } : null,
			page: s.kind === 'story' ? (pageOf.get(id) ?? null) : null
		};
	});
	return {
		id: s.id,
		band: s.band,
		kind: s.kind,
		topics: s.topics,
		title: t(s.title),
		summary: t(s.summary),
		sticker: { id: s.sticker.id, label: t(s.sticker.label), color: s.sticker.color },
		start: s.start,
		nodes,
		pages: pageOf.size,
		untranslated
	};
}

export interface PresentedCourse {
	id: string;
	band: Course['band'];
	title: LocalizedText;
	summary: LocalizedText;
	outcomes: LocalizedText[];
	sticker: { id: string; label: LocalizedText; color: string };
	/** `done` is the id kids.js records when the lesson's end is reached (on the device) */
	lessons: { id: string; number: number; title: LocalizedText; done: string }[];
	quiz: { questions: number; pass: number };
}

/** A course's home page: what it teaches, its lessons in order and the quiz's pass mark. */
export function presentCourse(c: Course, locale: Locale): PresentedCourse {
	const t = (x: Text) => localized(x, locale);
	return {
		id: c.id,
		band: c.band,
		title: t(c.title),
		summary: t(c.summary),
		outcomes: c.outcomes.map(t),
		sticker: { id: c.sticker.id, label: t(c.sticker.label), color: c.sticker.color },
		lessons: c.lessons.map((l, i) => ({ id: l.id, number: i + 1, title: t(l.title), done: `${c.id}.${l.id}` })),
		quiz: { questions: c.quiz.questions.length, pass: c.quiz.pass }
	};
}
