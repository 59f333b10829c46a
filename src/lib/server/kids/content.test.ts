import { describe, expect, it } from 'vitest';
import { BANDS, KIND_OF_BAND } from '$lib/kids/bands';
import { ContentError } from '../content';
import { allCourses, allScenarios, findCourseStep, findScenario, kidsPaths, loadScenarios } from './content';
import { presentScenario } from './present';

// The real content shipped in content/kids/scenarios: it must load without a single problem.
describe('shipped kids content', () => {
	const all = allScenarios();

	it('loads every scenario file with no errors and enough for each age band', () => {
		expect(all.filter((s) => s.band === 'under-9').length).toBeGreaterThanOrEqual(1);
		expect(all.filter((s) => s.band === '9-12').length).toBeGreaterThanOrEqual(3);
		expect(all.filter((s) => s.band === '13-18').length).toBeGreaterThanOrEqual(3);
		for (const s of all) expect(s.kind).toBe(KIND_OF_BAND[s.band]);
	});

	it('has a picture story of 8 to 10 pages along its main path', () => {
		for (const s of all.filter((x) => x.kind === 'story')) {
			const p = presentScenario(s, 'en');
			expect(p.pages).toBeGreaterThanOrEqual(8);
			expect(p.pages).toBeLessThanOrEqual(10);
		}
	});

	it('is written in English and French throughout', () => {
		for (const s of all) {
			const texts = [s.title, s.summary, s.sticker.label, ...Object.values(s.nodes).flatMap((n) => [n.text, n.title, n.guide?.say, ...(n.choices ?? []).flatMap((c) => [c.label, c.feedback]), ...(n.end?.steps ?? [])])].filter(Boolean);
			for (const t of texts) expect(t!.fr, `${s.id}: ${t!.en.slice(0, 40)}`).toBeTruthy();
		}
	});

	it('never invents a phone number: help comes from the help finder', () => {
		// a written-out quantity like "1,000,000" is fine; a dialable run of digits is not
		const texts: string[] = [];
		const walk = (x: unknown): void => {
			if (Array.isArray(x)) x.forEach(walk);
			else if (x && typeof x === 'object') 'en' in x ? texts.push(...Object.values(x as Record<string, string>)) : Object.values(x).forEach(walk);
		};
		walk(all);
		expect(texts.length).toBeGreaterThan(100);
		const text = texts.join('\n').replace(/\d{1,3}(?:[ ,.\u202f]\d{3})+(?!\d)/g, 'N');
		expect(text.match(/\+?\d[\d ()-]{2,}\d|tel:/)).toBeNull();
	});

	it('every end tells the reader what to do', () => {
		for (const s of all) for (const n of Object.values(s.nodes)) if (n.end) expect(n.end.steps.length).toBeGreaterThan(0);
	});

	it('lists every page for the offline cache', () => {
		const paths = kidsPaths();
		expect(paths).toContain('/kids');
		for (const b of BANDS) expect(paths).toContain(`/kids/${b}`);
		// each course: its home, its lessons, a page per quiz question, the result, the certificate and the answers
		const courses = allCourses().reduce((n, c) => n + 1 + c.lessons.length + c.quiz.questions.length + 3, 0);
		expect(paths.length).toBe(1 + BANDS.length + all.length + courses);
	});

	it('marks a language that is missing as an English fallback, once per scenario', () => {
		const s = all[0];
		// every shipped scenario is in all six languages: take one with its Spanish removed
		const withoutSpanish = JSON.parse(JSON.stringify(s, (key, value) => (key === 'es' ? undefined : value))) as typeof s;
		const es = presentScenario(withoutSpanish, 'es');
		expect(es.untranslated).toBe(true);
		expect(es.title.lang).toBe('en');
		expect(es.nodes.every((n) => !n.text.fallback)).toBe(true);
		const fr = presentScenario(s, 'fr');
		expect(fr.untranslated).toBe(false);
		expect(fr.title.lang).toBe('fr');
	});

	it('turns every choice into a fragment link that lands on something on the same page', () => {
		for (const s of all) {
			for (const locale of ['en', 'ar'] as const) {
				const p = presentScenario(s, locale);
				const ids = new Set([...p.nodes.map((n) => n.id), ...p.nodes.flatMap((n) => n.feedback.map((f) => f.id))]);
				expect(ids.size, s.id).toBe(p.nodes.length + p.nodes.reduce((a, n) => a + n.feedback.length, 0));
				for (const n of p.nodes) {
					for (const c of n.choices) expect(ids.has(c.href.slice(1)), `${s.id} ${n.id} -> ${c.href}`).toBe(true);
					if (n.next) expect(ids.has(n.next)).toBe(true);
					for (const f of n.feedback) {
						expect(ids.has(f.next)).toBe(true);
						// dilemmas show the reasons behind every other option; scenarios keep to the one chosen
						expect(f.others.length).toBe(s.kind === 'dilemma' ? n.choices.length - 1 : 0);
					}
				}
				expect(p.nodes[0].id).toBe(s.start);
			}
		}
	});

	it('refuses the whole set when one file is broken', () => {
		const good = structuredClone(all[0]);
		expect(() => loadScenarios({ [`/x/${good.id}.json`]: good, '/x/broken.json': { id: 'broken' } })).toThrow(ContentError);
		expect(() => loadScenarios({ [`/x/${good.id}.json`]: good, [`/y/${good.id}.json`]: good })).toThrow(/used twice/);
	});
});

describe('where a deployment shows the original instead of unreviewed translations', () => {
	const hasLanguage = (x: unknown, l: string): boolean => (Array.isArray(x) ? x.some((y) => hasLanguage(y, l)) : !!x && typeof x === 'object' && Object.entries(x).some(([k, y]) => (k === l && typeof y === 'string') || hasLanguage(y, l)));

	it('serves scenarios and course pages without that language (all shipped kids texts are machine-assisted), others untouched', () => {
		const [s] = allScenarios();
		const scenario = findScenario(s.band, s.id, 'ar')!;
		expect(hasLanguage(s, 'ar')).toBe(true);
		expect(hasLanguage(scenario, 'ar')).toBe(false);
		expect(hasLanguage(scenario, 'fr')).toBe(true);
		expect(findScenario(s.band, s.id, 'ar')).toBe(scenario); // made once
		expect(presentScenario(scenario, 'ar').untranslated).toBe(true);
		const course = allCourses()[0];
		// the compiled quiz page keeps its interface words in every language, but the course's own text is gone
		const prompt = course.quiz.questions[0].prompt;
		expect(JSON.stringify(findCourseStep(course.band, 'quiz')!.scenario)).toContain(JSON.stringify(prompt.ar).slice(1, -1));
		const view = findCourseStep(course.band, 'quiz', 'ar')!;
		expect(JSON.stringify(view.scenario)).not.toContain(JSON.stringify(prompt.ar).slice(1, -1));
		expect(JSON.stringify(view.scenario)).toContain(JSON.stringify(prompt.en).slice(1, -1));
		expect(hasLanguage(view.course, 'ar')).toBe(false);
	});
});
