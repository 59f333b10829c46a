// Sector toolkits as data: recommendations by theme plus a self-assessment checklist, one
// content/toolkits/<id>/toolkit.json per toolkit, every authored string a locale map. Parsing is a
// pure function (parseToolkit) so the reader can move to a bundled import.meta.glob index without
// touching validation; a malformed file fails loudly with its name and every reason.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { marked, type Token } from 'marked';
import * as v from 'valibot';
import { locales } from '../../paraglide/runtime';
import type { LocaleCode, LocaleMap } from '../../i18n/locale-map';
import { isTopicGraphId, type TopicGraphId } from '../../topics';

export const TOOLKIT_LOCALES = locales satisfies readonly LocaleCode[];
export const SECTORS = ['sports', 'education', 'health', 'industry', 'civil-society', 'government'] as const;
export const AUDIENCES = ['clubs', 'federations', 'leagues', 'coaches', 'volunteers', 'parents', 'athletes'] as const;
export const ANSWERS = ['yes', 'partly', 'no', 'not_applicable'] as const;
export type Answer = (typeof ANSWERS)[number];
export const TRANSLATION_STATUSES = ['original', 'machine-assisted', 'translated', 'reviewed'] as const;
/** What the user fills in on each line of the printable action plan (labels are locale maps in the file). */
export const ACTION_PLAN_FIELDS = ['priority', 'owner', 'dueBy', 'notes'] as const;

/** Limits defined once: the future forms and the validator share them. */
export const LIMITS = {
	shortText: 300,
	longText: 6000,
	themes: 20,
	recommendationsPerTheme: 10,
	practicesPerTheme: 10,
	recommendationsPerPractice: 5
} as const;

// ---- schemas -------------------------------------------------------------------------------

const ID = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'id must be lower-case letters, digits and dashes'));

function localeMap(max: number) {
	const text = v.pipe(v.string(), v.trim(), v.minLength(1, 'empty text'), v.maxLength(max, `longer than ${max} characters`));
	return v.strictObject({
		en: text,
		fr: v.optional(text),
		es: v.optional(text),
		ru: v.optional(text),
		zh: v.optional(text),
		ar: v.optional(text)
	});
}
const Short = localeMap(LIMITS.shortText);
const Long = localeMap(LIMITS.longText);

const Topics = v.pipe(
	v.array(v.string()),
	v.check((ts) => ts.every(isTopicGraphId), 'unknown topic id (see src/lib/topics)'),
	v.minLength(1, 'at least one topic')
);

/** A path on this platform (never another origin): /help, /learn/guidelines/..., with an optional query. */
const PlatformPath = v.pipe(v.string(), v.regex(/^\/(?!\/)[A-Za-z0-9/_.\-]*(\?[A-Za-z0-9_=&%.\-]*)?$/, 'a path on this platform, starting with /'));

const RecommendationSchema = v.strictObject({ id: ID, title: Short, text: Long });

const PracticeSchema = v.strictObject({
	id: ID,
	question: Short,
	guidance: Long,
	weight: v.pipe(v.number(), v.integer('weight must be 1, 2 or 3'), v.minValue(1, 'weight must be 1, 2 or 3'), v.maxValue(3, 'weight must be 1, 2 or 3')),
	recommendationIds: v.pipe(v.array(ID), v.minLength(1, 'a practice links to at least one recommendation'), v.maxLength(LIMITS.recommendationsPerPractice))
});

const ThemeSchema = v.strictObject({
	id: ID,
	title: Short,
	intro: Long,
	topics: Topics,
	recommendations: v.pipe(v.array(RecommendationSchema), v.minLength(1), v.maxLength(LIMITS.recommendationsPerTheme)),
	practices: v.pipe(v.array(PracticeSchema), v.minLength(1), v.maxLength(LIMITS.practicesPerTheme))
});

const BandSchema = v.strictObject({
	id: ID,
	/** lowest percentage (inclusive) that falls in this band */
	min: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100)),
	label: Short,
	description: Long
});

const ScoringSchema = v.strictObject({
	/** points per answer as a share of the practice's weight; not_applicable leaves the practice out */
	points: v.strictObject({
		yes: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
		partly: v.pipe(v.number(), v.minValue(0), v.maxValue(1)),
		no: v.pipe(v.number(), v.minValue(0), v.maxValue(1))
	}),
	/** answers that put a practice's recommendations on the action plan */
	actOn: v.pipe(v.array(v.picklist(['partly', 'no'])), v.minLength(1)),
	answerLabels: v.strictObject({ yes: Short, partly: Short, no: Short, not_applicable: Short }),
	bands: v.pipe(v.array(BandSchema), v.minLength(2)),
	unanswered: Short
});

const ActionPlanSchema = v.strictObject({
	title: Short,
	intro: Long,
	fields: v.strictObject({ priority: Short, owner: Short, dueBy: Short, notes: Short }),
	priorities: v.strictObject({ high: Short, medium: Short, low: Short }),
	/** a practice of this weight answered "no" is proposed at this priority (the user can change it) */
	suggestedPriority: v.strictObject({
		no: v.strictObject({ '3': v.picklist(['high', 'medium', 'low']), '2': v.picklist(['high', 'medium', 'low']), '1': v.picklist(['high', 'medium', 'low']) }),
		partly: v.strictObject({ '3': v.picklist(['high', 'medium', 'low']), '2': v.picklist(['high', 'medium', 'low']), '1': v.picklist(['high', 'medium', 'low']) })
	}),
	footer: Long
});

const TranslationSchema = v.strictObject({
	status: v.picklist(TRANSLATION_STATUSES),
	at: v.pipe(v.string(), v.isoDate('at must be a date, YYYY-MM-DD'))
});

export const ToolkitSchema = v.strictObject({
	id: ID,
	sector: v.picklist(SECTORS),
	audience: v.pipe(v.array(v.picklist(AUDIENCES)), v.minLength(1)),
	title: Short,
	summary: Long,
	intro: Long,
	topics: Topics,
	helpLinks: v.array(v.strictObject({ path: PlatformPath, label: Short })),
	themes: v.pipe(v.array(ThemeSchema), v.minLength(1), v.maxLength(LIMITS.themes)),
	scoring: ScoringSchema,
	actionPlan: ActionPlanSchema,
	translations: v.pipe(
		v.strictObject({
			en: TranslationSchema,
			fr: v.optional(TranslationSchema),
			es: v.optional(TranslationSchema),
			ru: v.optional(TranslationSchema),
			zh: v.optional(TranslationSchema),
			ar: v.optional(TranslationSchema)
		}),
		v.check((t) => t.en.status === 'original', 'English is the source: its status is "original"')
	)
});

type Raw = v.InferOutput<typeof ToolkitSchema>;
export type Toolkit = Omit<Raw, 'topics' | 'themes'> & {
	topics: TopicGraphId[];
	themes: (Omit<Raw['themes'][number], 'topics'> & { topics: TopicGraphId[] })[];
};
export type Theme = Toolkit['themes'][number];
export type Recommendation = Theme['recommendations'][number];
export type Practice = Theme['practices'][number];
export type Band = Toolkit['scoring']['bands'][number];

export interface ContentProblem {
	file: string;
	reason: string;
}

export class ToolkitContentError extends Error {
	constructor(readonly problems: ContentProblem[]) {
		super(`Toolkit content is invalid:\n${problems.map((p) => `  ${p.file}: ${p.reason}`).join('\n')}`);
		this.name = 'ToolkitContentError';
	}
}

function issueText(issue: v.BaseIssue<unknown>): string {
	const where = issue.path?.map((p) => String(p.key)).join('.');
	return where ? `${where}: ${issue.message}` : issue.message;
}

/** `**` left as literal text after parsing: bold that CommonMark will not close (e.g. `**文字。**后`). */
function unclosedBold(markdown: string): boolean {
	let found = false;
	marked.walkTokens(marked.lexer(markdown), (t: Token) => {
		if (t.type === 'text' && !('tokens' in t && t.tokens) && t.text.includes('**')) found = true;
	});
	return found;
}

function rawHtmlIn(markdown: string): string | undefined {
	let found: string | undefined;
	marked.walkTokens(marked.lexer(markdown), (t: Token) => {
		if (!found && t.type === 'html' && t.raw.trim()) found = t.raw.trim();
	});
	return found;
}

/** Every locale map in the toolkit with where it sits, for checks that apply to all of them. */
export function localeMaps(t: Raw | Toolkit): { where: string; map: LocaleMap; markdown: boolean }[] {
	const out: { where: string; map: LocaleMap; markdown: boolean }[] = [];
	const add = (where: string, map: LocaleMap, markdown = false) => out.push({ where, map, markdown });
	add('title', t.title);
	add('summary', t.summary);
	add('intro', t.intro, true);
	t.helpLinks.forEach((l, i) => add(`helpLinks.${i}.label`, l.label));
	for (const th of t.themes) {
		add(`themes.${th.id}.title`, th.title);
		add(`themes.${th.id}.intro`, th.intro, true);
		for (const r of th.recommendations) {
			add(`themes.${th.id}.recommendations.${r.id}.title`, r.title);
			add(`themes.${th.id}.recommendations.${r.id}.text`, r.text, true);
		}
		for (const p of th.practices) {
			add(`themes.${th.id}.practices.${p.id}.question`, p.question);
			add(`themes.${th.id}.practices.${p.id}.guidance`, p.guidance, true);
		}
	}
	for (const [k, m] of Object.entries(t.scoring.answerLabels)) add(`scoring.answerLabels.${k}`, m);
	for (const b of t.scoring.bands) {
		add(`scoring.bands.${b.id}.label`, b.label);
		add(`scoring.bands.${b.id}.description`, b.description, true);
	}
	add('scoring.unanswered', t.scoring.unanswered);
	add('actionPlan.title', t.actionPlan.title);
	add('actionPlan.intro', t.actionPlan.intro, true);
	for (const [k, m] of Object.entries(t.actionPlan.fields)) add(`actionPlan.fields.${k}`, m);
	for (const [k, m] of Object.entries(t.actionPlan.priorities)) add(`actionPlan.priorities.${k}`, m);
	add('actionPlan.footer', t.actionPlan.footer, true);
	return out;
}

/** Checks a phone-number-like run of digits: toolkits point to the help finder, never to a number. */
const PHONE_LIKE = /(?:\+|\b)\d[\d\s().-]{6,}\d\b/;

/**
 * Validates one toolkit document (the parsed toolkit.json). Pure: no file system. Returns the
 * toolkit when valid, otherwise every problem found (schema first, then cross-references).
 */
export function parseToolkit(json: unknown, file: string): { toolkit?: Toolkit; problems: ContentProblem[] } {
	const r = v.safeParse(ToolkitSchema, json);
	if (!r.success) return { problems: r.issues.map((i) => ({ file, reason: issueText(i) })) };
	const t = r.output;
	const problems: string[] = [];

	const themeIds = t.themes.map((th) => th.id);
	if (new Set(themeIds).size !== themeIds.length) problems.push('theme ids must be unique');
	const recIds = t.themes.flatMap((th) => th.recommendations.map((x) => x.id));
	const dupRec = recIds.find((id, i) => recIds.indexOf(id) !== i);
	if (dupRec) problems.push(`recommendation id "${dupRec}" is used twice (ids are unique across the toolkit)`);
	const practiceIds = t.themes.flatMap((th) => th.practices.map((x) => x.id));
	const dupPractice = practiceIds.find((id, i) => practiceIds.indexOf(id) !== i);
	if (dupPractice) problems.push(`practice id "${dupPractice}" is used twice (ids are unique across the toolkit)`);
	const clash = practiceIds.find((id) => recIds.includes(id) || themeIds.includes(id));
	if (clash) problems.push(`id "${clash}" names both a practice and a recommendation or theme`);

	for (const th of t.themes) {
		const own = new Set(th.recommendations.map((x) => x.id));
		const linked = new Set<string>();
		for (const p of th.practices) {
			for (const id of p.recommendationIds) {
				if (!own.has(id)) problems.push(`themes.${th.id}.practices.${p.id}: recommendation "${id}" is not in this theme`);
				linked.add(id);
			}
			if (new Set(p.recommendationIds).size !== p.recommendationIds.length) problems.push(`themes.${th.id}.practices.${p.id}: a recommendation is linked twice`);
		}
		for (const id of own) if (!linked.has(id)) problems.push(`themes.${th.id}: recommendation "${id}" is linked from no practice, so no answer can put it on the action plan`);
	}

	const mins = t.scoring.bands.map((b) => b.min);
	if (mins[0] !== 0) problems.push('scoring.bands: the first band starts at 0');
	if (mins.some((m, i) => i > 0 && m <= mins[i - 1])) problems.push('scoring.bands: bands go up, each min above the previous one');
	if (new Set(t.scoring.bands.map((b) => b.id)).size !== t.scoring.bands.length) problems.push('scoring.bands: band ids must be unique');
	const { yes, partly, no } = t.scoring.points;
	if (!(yes === 1 && partly > no && partly < yes)) problems.push('scoring.points: yes is 1, partly between no and yes');

	const declared = TOOLKIT_LOCALES.filter((l) => t.translations[l]);
	for (const { where, map, markdown } of localeMaps(t)) {
		for (const l of TOOLKIT_LOCALES) {
			if (map[l] && !declared.includes(l)) problems.push(`${where}: has "${l}" text but translations.${l} is not declared`);
			if (!map[l] && declared.includes(l)) problems.push(`${where}: translations.${l} is declared but the "${l}" text is missing`);
			const text = map[l];
			if (!text) continue;
			if (PHONE_LIKE.test(text)) problems.push(`${where}.${l}: looks like a phone number; point to the help finder (/help) instead`);
			if (/https?:\/\//i.test(text)) problems.push(`${where}.${l}: no links to other sites in toolkit text; use helpLinks with platform paths`);
			const html = markdown ? rawHtmlIn(text) : /<[a-z!/]/i.test(text) ? text : undefined;
			if (html) problems.push(`${where}.${l}: raw HTML is not allowed in content: ${html.slice(0, 60)}`);
			if ((text.match(/\*\*/g) ?? []).length % 2) problems.push(`${where}.${l}: unbalanced ** (bold not closed)`);
			else if (markdown && unclosedBold(text)) problems.push(`${where}.${l}: ** does not close as bold (put punctuation outside the bold: **文字**。)`);
		}
	}

	if (problems.length) return { problems: problems.map((reason) => ({ file, reason })) };
	return { toolkit: t as Toolkit, problems: [] };
}

// ---- scoring (pure; the self-assessment pages and the printable plan use it) -----------------

export type Answers = Partial<Record<string, Answer>>;

export interface ThemeScore {
	themeId: string;
	/** 0..100, rounded; undefined when nothing applicable was answered */
	percent?: number;
	band?: Band;
	answered: number;
	applicable: number;
	total: number;
}

export interface ActionItem {
	themeId: string;
	recommendationId: string;
	/** the practices (answered no or partly) that put it on the plan */
	practiceIds: string[];
	suggestedPriority: 'high' | 'medium' | 'low';
}

const PRIORITY_ORDER = { high: 0, medium: 1, low: 2 } as const;

/** Score per theme and the recommendations still to act on, from answers keyed by practice id. */
export function assess(t: Toolkit, answers: Answers): { themes: ThemeScore[]; actions: ActionItem[] } {
	const themes: ThemeScore[] = [];
	const actions: ActionItem[] = [];
	for (const th of t.themes) {
		let got = 0;
		let max = 0;
		let answered = 0;
		let applicable = 0;
		const byRec = new Map<string, ActionItem>();
		for (const p of th.practices) {
			const a = answers[p.id];
			if (!a) continue;
			answered++;
			if (a === 'not_applicable') continue;
			applicable++;
			max += p.weight;
			got += p.weight * t.scoring.points[a];
			if (!(t.scoring.actOn as string[]).includes(a)) continue;
			const priority = t.actionPlan.suggestedPriority[a as 'no' | 'partly'][String(p.weight) as '1' | '2' | '3'];
			for (const id of p.recommendationIds) {
				const item = byRec.get(id) ?? { themeId: th.id, recommendationId: id, practiceIds: [], suggestedPriority: priority };
				item.practiceIds.push(p.id);
				if (PRIORITY_ORDER[priority] < PRIORITY_ORDER[item.suggestedPriority]) item.suggestedPriority = priority;
				byRec.set(id, item);
			}
		}
		const percent = max > 0 ? Math.round((100 * got) / max) : undefined;
		const band = percent === undefined ? undefined : [...t.scoring.bands].reverse().find((b) => percent >= b.min);
		themes.push({ themeId: th.id, percent, band, answered, applicable, total: th.practices.length });
		// keep the theme's own recommendation order
		for (const r of th.recommendations) {
			const item = byRec.get(r.id);
			if (item) actions.push(item);
		}
	}
	actions.sort((a, b) => PRIORITY_ORDER[a.suggestedPriority] - PRIORITY_ORDER[b.suggestedPriority]);
	return { themes, actions };
}

// ---- reading ---------------------------------------------------------------------------------

/** Where toolkits live (CONTENT_DIR/toolkits, or TOOLKITS_CONTENT_DIR for tests). */
export function toolkitsRoot(): string {
	return path.resolve(process.env.TOOLKITS_CONTENT_DIR ?? path.join(process.env.CONTENT_DIR ?? 'content', 'toolkits'));
}

/** Reads every content/toolkits/<id>/toolkit.json and validates it: every problem, not just the first. */
export function readToolkits(root = toolkitsRoot()): { toolkits: Toolkit[]; problems: ContentProblem[] } {
	const problems: ContentProblem[] = [];
	const toolkits: Toolkit[] = [];
	if (!existsSync(root)) return { toolkits, problems };
	const folders = readdirSync(root)
		.filter((n) => !n.startsWith('.') && statSync(path.join(root, n)).isDirectory())
		.sort();
	for (const folder of folders) {
		const abs = path.join(root, folder, 'toolkit.json');
		const file = path.relative(process.cwd(), abs);
		let json: unknown;
		try {
			json = JSON.parse(readFileSync(abs, 'utf8'));
		} catch (e) {
			problems.push({ file, reason: (e as Error).message });
			continue;
		}
		const r = parseToolkit(json, file);
		problems.push(...r.problems);
		if (!r.toolkit) continue;
		if (r.toolkit.id !== folder) {
			problems.push({ file, reason: `id "${r.toolkit.id}" must equal the folder name "${folder}"` });
			continue;
		}
		toolkits.push(r.toolkit);
	}
	return { toolkits, problems };
}

let cached: { root: string; toolkits: Toolkit[] } | undefined;

/** The validated toolkits, read once per process. Throws ToolkitContentError listing every problem. */
export function loadToolkits(root = toolkitsRoot()): Toolkit[] {
	if (cached?.root === root) return cached.toolkits;
	const { toolkits, problems } = readToolkits(root);
	if (problems.length) throw new ToolkitContentError(problems);
	cached = { root, toolkits };
	return toolkits;
}

export function findToolkit(id: string, toolkits = loadToolkits()): Toolkit | undefined {
	return toolkits.find((t) => t.id === id);
}
