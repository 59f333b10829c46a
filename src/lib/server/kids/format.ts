// The scenario format (content/kids/scenarios/*.json) and its checks. Shape errors come from the
// valibot schema; graph errors (dangling links, unreachable nodes, dead ends, missing English)
// from validateGraph. A scenario with any error is refused as a whole: loadScenarios throws, so
// a broken content file stops the build and the content test instead of reaching a child.
import * as v from 'valibot';
import { locales } from '$lib/paraglide/runtime';
import { BANDS, KIND_OF_BAND } from '$lib/kids/bands';
import { isGuidePose } from '$lib/kids/guide';
import { isSceneId } from '$lib/kids/scenes';
import { isTopicGraphId, type TopicGraphId } from '$lib/topics';

export const LOCALE_CODES = locales;
export type Text = Partial<Record<(typeof LOCALE_CODES)[number], string>> & { en: string };

/** Ids that are safe as URL fragments and element ids (`__` is kept for choice feedback ids). */
export const NODE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const LIMITS = { text: 1200, label: 160, nodes: 60, choices: 4, steps: 6, title: 120 } as const;

/** Authored text: a locale map of the six languages; every language optional except English. */
const LocaleText = (max: number) =>
	v.pipe(
		v.record(v.string(), v.string()),
		v.check((m) => Object.keys(m).every((k) => (LOCALE_CODES as readonly string[]).includes(k)), `unknown language code (use ${locales.join(', ')})`),
		v.check((m) => typeof m.en === 'string' && m.en.trim().length > 0, 'missing English (en) text'),
		v.check((m) => Object.values(m).every((s) => s.trim().length > 0), 'empty text (leave the language out instead)'),
		v.check((m) => Object.values(m).every((s) => s.length <= max), `text longer than ${max} characters`)
	) as unknown as v.GenericSchema<unknown, Text>;

const NodeId = v.pipe(v.string(), v.regex(NODE_ID, 'node id must be lower-case letters, digits and single hyphens'));

const Choice = v.strictObject({
	label: LocaleText(LIMITS.label),
	to: NodeId,
	/** kind feedback (9-12) or the reasons behind this option (13-18), shown after choosing */
	feedback: v.optional(LocaleText(LIMITS.text))
});

const Node = v.strictObject({
	title: v.optional(LocaleText(LIMITS.title)),
	text: LocaleText(LIMITS.text),
	/** the guide character's pose and words */
	guide: v.optional(v.strictObject({ pose: v.pipe(v.string(), v.check((x: string) => isGuidePose(x), 'unknown guide pose')), say: LocaleText(LIMITS.text) })),
	/** a picture-story scene drawn inline */
	scene: v.optional(v.pipe(v.string(), v.check((x: string) => isSceneId(x), 'unknown scene'))),
	next: v.optional(NodeId),
	choices: v.optional(v.pipe(v.array(Choice), v.minLength(1, 'choices must not be empty'), v.maxLength(LIMITS.choices, `at most ${LIMITS.choices} choices`))),
	end: v.optional(
		v.strictObject({
			/** reaching this end earns the scenario's sticker */
			sticker: v.boolean(),
			/** what to do: always at least one step; "you can talk to someone" is added by the page */
			steps: v.pipe(v.array(LocaleText(LIMITS.label * 2)), v.minLength(1, 'an end needs at least one step'), v.maxLength(LIMITS.steps))
		})
	)
});

export const ScenarioFile = v.strictObject({
	id: v.pipe(v.string(), v.regex(SLUG, 'id must be a lower-case slug')),
	band: v.picklist(BANDS, 'band must be under-9, 9-12 or 13-18'),
	kind: v.picklist(['story', 'scenario', 'dilemma'], 'kind must be story, scenario or dilemma'),
	topics: v.pipe(v.array(v.pipe(v.string(), v.check((x: string) => isTopicGraphId(x), 'unknown topic id (see src/lib/topics)'))), v.minLength(1, 'at least one topic')),
	title: LocaleText(LIMITS.title),
	summary: LocaleText(LIMITS.label * 2),
	sticker: v.strictObject({
		id: v.pipe(v.string(), v.regex(SLUG)),
		label: LocaleText(LIMITS.label),
		color: v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i, 'colour must be #rrggbb'))
	}),
	start: NodeId,
	nodes: v.pipe(
		v.record(v.string(), Node),
		v.check((n) => Object.keys(n).length <= LIMITS.nodes, `at most ${LIMITS.nodes} nodes`)
	)
});

export type ScenarioFileInput = v.InferInput<typeof ScenarioFile>;
export interface Choice {
	label: Text;
	to: string;
	feedback?: Text;
	/** only compiled course quizzes: `to` is a node of this other kids page (`/kids/9-12/course/quiz-2`), reached with `#to` */
	page?: string;
}
export interface ScenarioNode {
	title?: Text;
	text: Text;
	guide?: { pose: string; say: Text };
	scene?: string;
	next?: string;
	choices?: Choice[];
	/** `certificate`: only compiled course quizzes carry it (a pass end: the score for the printable certificate) */
	end?: { sticker: boolean; steps: Text[]; certificate?: { score: number; total: number } };
}
export interface Scenario {
	id: string;
	band: (typeof BANDS)[number];
	kind: 'story' | 'scenario' | 'dilemma';
	topics: TopicGraphId[];
	title: Text;
	summary: Text;
	sticker: { id: string; label: Text; color: string };
	start: string;
	nodes: Record<string, ScenarioNode>;
}

/** Where each node leads: its `next` and its choices' targets. */
export function edges(node: ScenarioNode): string[] {
	return [...(node.next ? [node.next] : []), ...(node.choices ?? []).map((c) => c.to)];
}

/** Graph checks on a scenario whose shape is already valid. Returns readable error lines. A course's lessons earn no sticker (`sticker: false`). */
export function validateGraph(s: Scenario, options: { sticker?: boolean } = {}): string[] {
	const errors: string[] = [];
	const notes: string[] = [];
	const ids = Object.keys(s.nodes);
	if (KIND_OF_BAND[s.band] !== s.kind) notes.push(`kind "${s.kind}" does not belong to band ${s.band} (expected ${KIND_OF_BAND[s.band]})`);
	for (const id of ids) if (!NODE_ID.test(id)) errors.push(`nodes.${id}: node id must be lower-case letters, digits and single hyphens`);
	if (!Object.hasOwn(s.nodes, s.start)) errors.push(`start: "${s.start}" is not a node`);

	for (const [id, node] of Object.entries(s.nodes)) {
		const where = `nodes.${id}`;
		const exits = (node.next ? 1 : 0) + (node.choices ? 1 : 0) + (node.end ? 1 : 0);
		if (exits !== 1) errors.push(`${where}: a node has exactly one of next, choices or end`);
		if (node.next && !Object.hasOwn(s.nodes, node.next)) errors.push(`${where}.next: "${node.next}" is not a node`);
		node.choices?.forEach((c, i) => {
			if (!Object.hasOwn(s.nodes, c.to)) errors.push(`${where}.choices[${i}].to: "${c.to}" is not a node`);
			if (c.to === id && !c.feedback) errors.push(`${where}.choices[${i}].to: a choice may lead back to its own node only after feedback`);
			if (s.kind !== 'story' && !c.feedback) errors.push(`${where}.choices[${i}]: ${s.kind === 'dilemma' ? 'the reasons behind this option' : 'kind feedback'} (feedback) is required`);
		});
		if (s.kind === 'story' && !node.scene) errors.push(`${where}: every page of a picture story needs a scene`);
	}
	if (errors.length) return [...notes, ...errors];

	// reachable from the start
	const seen = new Set<string>([s.start]);
	const queue = [s.start];
	while (queue.length) for (const to of edges(s.nodes[queue.shift()!])) if (!seen.has(to)) seen.add(to), queue.push(to);
	for (const id of ids) if (!seen.has(id)) errors.push(`nodes.${id}: unreachable from start "${s.start}"`);

	// every node can still reach an end (no traps), and one end earns the sticker
	const ends = ids.filter((id) => s.nodes[id].end);
	if (ends.length === 0) errors.push('no end node');
	if (options.sticker !== false && !ends.some((id) => s.nodes[id].end!.sticker)) errors.push('no end earns the sticker');
	const canEnd = new Set(ends);
	for (let changed = true; changed; ) {
		changed = false;
		for (const id of ids) if (!canEnd.has(id) && edges(s.nodes[id]).some((to) => canEnd.has(to))) canEnd.add(id), (changed = true);
	}
	for (const id of ids) if (!canEnd.has(id)) errors.push(`nodes.${id}: no way from here to an end`);
	return [...notes, ...errors];
}

/** Parses and checks one file's content. */
export function parseScenario(raw: unknown, file: string): { scenario: Scenario; errors: [] } | { scenario: null; errors: string[] } {
	const result = v.safeParse(ScenarioFile, raw);
	if (!result.success) {
		return { scenario: null, errors: result.issues.map((i) => `${file}: ${v.getDotPath(i) ?? '(file)'}: ${i.message}`) };
	}
	const scenario = result.output as unknown as Scenario;
	const base = file.split('/').pop()!.replace(/\.json$/, '');
	const errors = validateGraph(scenario).map((e) => `${file}: ${e}`);
	if (scenario.id !== base) errors.push(`${file}: id "${scenario.id}" must match the file name "${base}"`);
	return errors.length ? { scenario: null, errors } : { scenario, errors: [] };
}
