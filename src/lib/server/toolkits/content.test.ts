import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTopicGraphId } from '../../topics';
import { assess, localeMaps, parseToolkit, readToolkits, TOOLKIT_LOCALES, type Answers, type Toolkit } from './content';

const ROOT = path.resolve('content/toolkits');
const FILE = path.join(ROOT, 'sports/toolkit.json');
const raw = () => JSON.parse(readFileSync(FILE, 'utf8'));
const sports = (): Toolkit => {
	const r = parseToolkit(raw(), 'toolkit.json');
	if (!r.toolkit) throw new Error(r.problems.map((p) => p.reason).join('\n'));
	return r.toolkit;
};
const reasons = (json: unknown) => parseToolkit(json, 'toolkit.json').problems.map((p) => p.reason);

describe('the shipped sports toolkit', () => {
	it('reads and validates with no problems', () => {
		const { toolkits, problems } = readToolkits(ROOT);
		expect(problems).toEqual([]);
		expect(toolkits.map((t) => t.id)).toContain('sports');
	});

	it('has every locale map in all six languages, English original and the others declared honestly', () => {
		const t = sports();
		expect(Object.keys(t.translations).sort()).toEqual([...TOOLKIT_LOCALES].sort());
		expect(t.translations.en.status).toBe('original');
		for (const l of TOOLKIT_LOCALES.filter((x) => x !== 'en')) expect(['machine-assisted', 'translated', 'reviewed']).toContain(t.translations[l]?.status);
		const missing = localeMaps(t).flatMap(({ where, map }) => TOOLKIT_LOCALES.filter((l) => !map[l]).map((l) => `${where}.${l}`));
		expect(missing).toEqual([]);
	});

	it('covers the themes a sports organisation needs, with 3-5 recommendations and 4-6 practices each', () => {
		const t = sports();
		expect(t.themes.map((th) => th.id)).toEqual(['policy', 'messaging', 'images', 'livestreams', 'social-media', 'reporting', 'training', 'partners', 'events']);
		for (const th of t.themes) {
			expect(th.recommendations.length, th.id).toBeGreaterThanOrEqual(3);
			expect(th.recommendations.length, th.id).toBeLessThanOrEqual(5);
			expect(th.practices.length, th.id).toBeGreaterThanOrEqual(4);
			expect(th.practices.length, th.id).toBeLessThanOrEqual(6);
		}
	});

	it('has unique ids, practices linked to existing recommendations, known topics and valid weights', () => {
		const t = sports();
		const ids = [...t.themes.map((x) => x.id), ...t.themes.flatMap((x) => [...x.recommendations, ...x.practices].map((y) => y.id))];
		expect(new Set(ids).size).toBe(ids.length);
		const recs = new Set(t.themes.flatMap((x) => x.recommendations.map((r) => r.id)));
		for (const p of t.themes.flatMap((x) => x.practices)) {
			expect(p.recommendationIds.length).toBeGreaterThan(0);
			for (const id of p.recommendationIds) expect(recs.has(id), `${p.id} -> ${id}`).toBe(true);
			expect([1, 2, 3]).toContain(p.weight);
		}
		for (const topic of [...t.topics, ...t.themes.flatMap((x) => x.topics)]) expect(isTopicGraphId(topic)).toBe(true);
	});

	it('links only to platform pages that exist: the help finder and existing learn content', () => {
		const t = sports();
		expect(t.helpLinks.some((l) => l.path === '/help')).toBe(true);
		for (const { path: p } of t.helpLinks) {
			const m = /^\/learn\/(guidelines|courses)\/([a-z0-9-]+)$/.exec(p);
			if (m) expect(existsSync(path.resolve('content/learn', m[1], m[2])), p).toBe(true);
			else expect(p).toMatch(/^\/help(\?topic=[a-z_]+)?$/);
		}
	});

	it('keeps Chinese and Arabic punctuation and bold markers tidy', () => {
		for (const { where, map } of localeMaps(sports())) {
			const zh = map.zh ?? '';
			// bold closes before full-width punctuation, never around it
			expect(zh, where).not.toMatch(/[，。：；！？、]\*\*(?=\s|$)/);
			expect(zh.replace(/`[^`]*`/g, ''), where).not.toMatch(/[\u4e00-\u9fff][,;:?!](?![\w/])/);
			const ar = (map.ar ?? '').replace(/`[^`]*`/g, '');
			expect(ar, where).not.toMatch(/[\u0600-\u06ff]\s?[,;?](?!\w)/);
		}
	});
});

describe('malformed toolkits fail with a reason', () => {
	it('a practice linking to a recommendation that does not exist', () => {
		const j = raw();
		j.themes[0].practices[0].recommendationIds = ['no-such-recommendation'];
		expect(reasons(j)).toContainEqual(expect.stringContaining('recommendation "no-such-recommendation" is not in this theme'));
	});
	it('a duplicate recommendation id', () => {
		const j = raw();
		j.themes[1].recommendations[0].id = j.themes[0].recommendations[0].id;
		expect(reasons(j)).toContainEqual(expect.stringContaining('is used twice'));
	});
	it('an unknown topic, a weight out of range and an unknown field', () => {
		const j = raw();
		j.themes[0].topics = ['football'];
		j.themes[0].practices[0].weight = 4;
		j.themes[0].colour = 'red';
		const r = reasons(j);
		expect(r).toContainEqual(expect.stringMatching(/topics: unknown topic id/));
		expect(r).toContainEqual(expect.stringMatching(/weight: weight must be 1, 2 or 3/));
		expect(r.some((x) => x.includes('colour'))).toBe(true);
	});
	it('a declared language with a missing text, and text in an undeclared language', () => {
		const j = raw();
		delete j.themes[0].title.fr;
		expect(reasons(j)).toContainEqual(expect.stringContaining('themes.policy.title: translations.fr is declared but the "fr" text is missing'));
		const k = raw();
		delete k.translations.fr;
		expect(reasons(k).length).toBeGreaterThan(0);
	});
	it('a phone number, a link to another site, raw HTML and an unclosed bold', () => {
		const j = raw();
		j.themes[0].recommendations[0].text.en = 'Call +00 123 456 789 or see https://example.org <b>now</b> **soon';
		const r = reasons(j);
		expect(r).toContainEqual(expect.stringContaining('looks like a phone number'));
		expect(r).toContainEqual(expect.stringContaining('no links to other sites'));
		expect(r).toContainEqual(expect.stringContaining('raw HTML'));
		expect(r).toContainEqual(expect.stringContaining('unbalanced **'));
	});
	it('bold that Markdown will not close because punctuation sits inside it', () => {
		const j = raw();
		j.themes[0].recommendations[0].text.zh = '把政策转化为**一页纸的行为准则。**然后发布。';
		expect(reasons(j)).toContainEqual(expect.stringContaining('does not close as bold'));
	});
	it('a help link to another origin', () => {
		const j = raw();
		j.helpLinks[0].path = '//example.org/help';
		expect(reasons(j)).toContainEqual(expect.stringMatching(/^helpLinks\.0\.path/));
	});
	it('English not marked as the original', () => {
		const j = raw();
		j.translations.en.status = 'machine-assisted';
		expect(reasons(j)).toContainEqual(expect.stringContaining('English is the source'));
	});
});

describe('assess: score per theme and the recommendations still to act on', () => {
	it('everything yes scores 100 in the top band with nothing to do', () => {
		const t = sports();
		const answers: Answers = Object.fromEntries(t.themes.flatMap((th) => th.practices.map((p) => [p.id, 'yes'])));
		const r = assess(t, answers);
		expect(r.themes.every((s) => s.percent === 100 && s.band?.id === 'strong')).toBe(true);
		expect(r.actions).toEqual([]);
	});

	it('weights, partly, not applicable and unanswered practices', () => {
		const t = sports();
		const th = t.themes.find((x) => x.id === 'messaging')!;
		const [a, b, c, d] = th.practices; // weights 3, 3, 2, 1, 2
		const r = assess(t, { [a.id]: 'no', [b.id]: 'partly', [c.id]: 'yes', [d.id]: 'not_applicable' });
		const s = r.themes.find((x) => x.themeId === 'messaging')!;
		const max = a.weight + b.weight + c.weight;
		expect(s.percent).toBe(Math.round((100 * (b.weight * 0.5 + c.weight)) / max));
		expect(s).toMatchObject({ answered: 4, applicable: 3, total: th.practices.length });
		expect(s.band?.id).toBe(s.percent! >= 50 ? 'building' : 'start');
		const todo = r.actions.filter((x) => x.themeId === 'messaging');
		expect(todo.map((x) => x.recommendationId).sort()).toEqual([...new Set([...a.recommendationIds, ...b.recommendationIds])].sort());
		expect(todo.find((x) => a.recommendationIds.includes(x.recommendationId))?.suggestedPriority).toBe('high');
		expect(r.themes.find((x) => x.themeId === 'policy')?.percent).toBeUndefined();
	});

	it('a theme answered only "not applicable" has no score', () => {
		const t = sports();
		const th = t.themes[0];
		const r = assess(t, Object.fromEntries(th.practices.map((p) => [p.id, 'not_applicable'])));
		expect(r.themes[0]).toMatchObject({ percent: undefined, band: undefined, applicable: 0 });
	});
});
