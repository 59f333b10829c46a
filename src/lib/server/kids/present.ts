// Scenarios as pages show them: text resolved in the reader's language (English fallback marked),
// choices turned into in-page fragment links, the guide's pose turned into its art file.
import { localized, type Locale, type LocalizedText } from '$lib/i18n';
import { GUIDE, type GuidePose } from '$lib/kids/guide';
import type { TopicGraphId } from '$lib/topics';
import type { Scenario, Text } from './format';

export interface PresentedChoice {
	label: LocalizedText;
	/** `#node` or, when the choice has feedback, `#node__i` (the feedback panel) */
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
	end: { sticker: boolean; steps: LocalizedText[] } | null;
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

export function presentCard(s: Scenario, locale: Locale): ScenarioCard {
	const t = (x: Text) => localized(x, locale);
	return { id: s.id, band: s.band, title: t(s.title), summary: t(s.summary), topics: s.topics, sticker: { id: s.sticker.id, label: t(s.sticker.label), color: s.sticker.color } };
}

export function presentScenario(s: Scenario, locale: Locale): PresentedScenario {
	const untranslated = localized(s.title, locale).fallback;
	const t = reader(locale, untranslated);
	// page numbers along the straight path from the start (a story's `next` chain)
	const pageOf = new Map<string, number>();
	for (let id: string | undefined = s.start, n = 1; id && !pageOf.has(id); id = s.nodes[id].next ?? s.nodes[id].choices?.[0]?.to, n++) pageOf.set(id, n);
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
			choices: choices.map((c, i) => ({ label: t(c.label), href: c.feedback ? `#${id}__${i}` : `#${c.to}` })),
			feedback: choices.flatMap((c, i) =>
				c.feedback
					? [{
							id: `${id}__${i}`,
							choice: t(c.label),
							feedback: t(c.feedback),
							others: s.kind === 'dilemma' ? choices.filter((_, j) => j !== i).map((o) => ({ label: t(o.label), feedback: o.feedback ? t(o.feedback) : null })) : [],
							next: c.to
						}]
					: []
			),
			end: node.end ? { sticker: node.end.sticker, steps: node.end.steps.map(t) } : null,
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
