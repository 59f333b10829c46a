import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readContentDir } from '../content/disk';
import { bundledContent } from '../content';
import { readerContent, readLearnContent, useLearnFiles } from './content';
import { FIXTURES_DIR } from '../test/learning';

let tmp: string | undefined;
afterEach(() => {
	if (tmp) rmSync(tmp, { recursive: true, force: true });
	tmp = undefined;
});

/** A copy of the fixtures to break one file at a time. */
function copy(): string {
	tmp = mkdtempSync(path.join(os.tmpdir(), 'learn-content-'));
	cpSync(FIXTURES_DIR, tmp, { recursive: true });
	return tmp;
}

const reasons = (root: string) => readLearnContent(readContentDir(root), root).problems.map((p) => `${path.basename(p.file)}: ${p.reason}`);

describe('the fixture content', () => {
	it('reads sets, sections in order, translations and checklists', () => {
		const { content, problems } = readLearnContent(readContentDir(FIXTURES_DIR));
		expect(problems).toEqual([]);
		const set = content.guidelines[0];
		expect(set.sections.map((s) => s.id)).toEqual(['sample-talk-early', 'sample-passwords']);
		expect(set.sections[0].title).toEqual({ en: 'Talk early', fr: 'Parler tôt' });
		expect(set.sections[0].checklist[0].text.fr).toBe('Convenir ensemble des règles familiales.');
		expect(set.sections[1].title.fr).toBeUndefined();
		expect(content.courses[0].modules[0].lessons[0].body.fr).toContain('Corps');
	});
});

describe('malformed content fails loudly, naming the file and the reason', () => {
	it('an unknown topic id', () => {
		const root = copy();
		const f = path.join(root, 'guidelines/parents-educators/en/02-passwords.md');
		writeFileSync(f, '---\nid: sample-passwords\norder: 2\ntitle: P\nsummary: S\ntopics: [passwords]\n---\nBody\n');
		expect(reasons(root)).toContainEqual(expect.stringMatching(/^02-passwords\.md: topics: unknown topic id/));
	});
	it('raw HTML in Markdown', () => {
		const root = copy();
		writeFileSync(path.join(root, 'courses/sample-course/en/m1-l2.md'), 'Hello <script>alert(1)</script>\n');
		expect(reasons(root)).toContainEqual(expect.stringMatching(/^m1-l2\.md: raw HTML is not allowed/));
	});
	it('missing front matter, a translation without an English file, a checklist id not in English', () => {
		const root = copy();
		writeFileSync(path.join(root, 'guidelines/parents-educators/en/03-x.md'), 'no front matter');
		writeFileSync(path.join(root, 'guidelines/parents-educators/fr/09-only-fr.md'), '---\nid: fr-only\norder: 9\ntitle: T\nsummary: S\ntopics: [contact]\n---\nCorps\n');
		writeFileSync(
			path.join(root, 'guidelines/parents-educators/fr/01-talk-early.md'),
			'---\nid: sample-talk-early\norder: 1\ntitle: T\nsummary: S\ntopics: [contact]\nchecklist:\n  - id: nope\n    text: x\n---\nCorps\n'
		);
		const r = reasons(root);
		expect(r).toContainEqual('03-x.md: missing YAML front matter (--- ... ---)');
		expect(r).toContainEqual(expect.stringMatching(/^09-only-fr\.md: no English file/));
		expect(r).toContainEqual('01-talk-early.md: checklist item "nope" is not in the English file');
	});
	it('a single-choice question with two correct options, a missing lesson body, and broken JSON', () => {
		const root = copy();
		const file = path.join(root, 'courses/sample-course/course.json');
		const course = JSON.parse(readFile(file));
		course.finalQuiz.questions[0].options[1].correct = true;
		writeFileSync(file, JSON.stringify(course));
		rmSync(path.join(root, 'courses/sample-course/en/m2-l1.md'));
		let r = reasons(root);
		expect(r).toContainEqual(expect.stringMatching(/^course\.json: finalQuiz\.questions\.0: single: exactly one correct option/));
		course.finalQuiz.questions[0].options[1].correct = false;
		writeFileSync(file, JSON.stringify(course));
		r = reasons(root);
		expect(r).toContainEqual('m2-l1.md: the English lesson body is missing');
		writeFileSync(file, '{ not json');
		expect(reasons(root)[0]).toMatch(/^course\.json: /);
	});
	it('a set whose id differs from its folder; English required in locale maps', () => {
		const root = copy();
		writeFileSync(path.join(root, 'guidelines/parents-educators/set.json'), JSON.stringify({ id: 'industry', audience: 'industry', order: 1, title: { fr: 'x' }, summary: { en: 'y' } }));
		const r = reasons(root);
		expect(r).toContainEqual('set.json: title: English (en) text is required');
	});
});

import { readFileSync } from 'node:fs';
function readFile(f: string) {
	return readFileSync(f, 'utf8');
}

describe('the real content in content/learn, as bundled', () => {
	const { content, problems } = readLearnContent(bundledContent('learn'));
	it('is valid', () => {
		expect(problems).toEqual([]);
	});
	it('has guideline sets with sections and at least one checklist each, and complete courses', () => {
		for (const set of content.guidelines) {
			expect(set.sections.length, set.id).toBeGreaterThanOrEqual(5);
			expect(set.sections.some((s) => s.checklist.length > 0), `${set.id} has a checklist`).toBe(true);
		}
		for (const c of content.courses) {
			expect(c.modules.length, c.id).toBeGreaterThanOrEqual(3);
			expect(c.finalQuiz.questions.length, c.id).toBeGreaterThanOrEqual(8);
			expect(new Set(c.finalQuiz.questions.map((q) => q.type)), c.id).toEqual(new Set(['single', 'multiple']));
		}
		expect(content.courses.length).toBeGreaterThanOrEqual(1);
		expect(content.guidelines.length).toBeGreaterThanOrEqual(1);
	});
});

describe('translation status', () => {
	it('defaults: English original, French translated (written by people before statuses existed)', () => {
		const { content } = readLearnContent(readContentDir(FIXTURES_DIR));
		const [set] = content.guidelines;
		expect(set.sections[0].translations).toEqual({ en: { status: 'original' }, fr: { status: 'machine-assisted' } });
		expect(set.sections[1].translations).toEqual({ en: { status: 'original' } });
		expect(content.courses[0].translations.fr).toEqual({ status: 'machine-assisted' });
	});
	it('a new locale folder is picked up with its declared status; a status without text is refused', () => {
		const root = copy();
		mkdirSync(path.join(root, 'guidelines/parents-educators/es'));
		writeFileSync(
			path.join(root, 'guidelines/parents-educators/es/01-talk-early.md'),
			'---\nid: sample-talk-early\norder: 1\ntitle: Hablar pronto\nsummary: S\ntopics: [contact]\ntranslations:\n  es: { status: machine-assisted, at: 2026-12-01 }\n---\nCuerpo\n'
		);
		const { content, problems } = readLearnContent(readContentDir(root));
		expect(problems).toEqual([]);
		const s = content.guidelines[0].sections[0];
		expect(s.title.es).toBe('Hablar pronto');
		expect(s.translations.es).toEqual({ status: 'machine-assisted', at: '2026-12-01' });
		const file = path.join(root, 'courses/sample-course/course.json');
		const course = JSON.parse(readFile(file));
		course.translations = { ru: { status: 'reviewed', by: 'A. Reviewer' }, fr: { status: 'done' } };
		writeFileSync(file, JSON.stringify(course));
		const r = reasons(root);
		expect(r).toContainEqual(expect.stringMatching(/^course\.json: translations\.fr\.status: status must be one of/));
		course.translations = { ru: { status: 'reviewed', by: 'A. Reviewer' } };
		writeFileSync(file, JSON.stringify(course));
		expect(reasons(root)).toContainEqual('course.json: translations.ru: a status is declared but there is no ru text');
	});
});

describe('the content as readers see it (the display setting for unreviewed translations)', () => {
	afterEach(() => useLearnFiles(undefined));
	const has = (x: unknown, l: string): boolean =>
		Array.isArray(x) ? x.some((y) => has(y, l)) : !!x && typeof x === 'object' && Object.entries(x).some(([k, y]) => (k === l && typeof y === 'string') || (k !== 'translations' && has(y, l)));

	it('keeps every language when nothing is hidden, and takes unreviewed French out everywhere when French is hidden', () => {
		useLearnFiles(readContentDir(FIXTURES_DIR));
		const all = readerContent(null);
		expect(has(all.courses[0], 'fr')).toBe(true);
		expect(has(all.guidelines[0].sections[0], 'fr')).toBe(true);
		const view = readerContent('fr');
		const course = view.courses[0];
		expect(has(course, 'fr'), 'no French text left in the course').toBe(false);
		expect(course.translations.fr).toBeUndefined();
		expect(course.title.en).toBe(all.courses[0].title.en);
		expect(course.finalQuiz.questions.map((q) => q.options.map((o) => o.correct))).toEqual(all.courses[0].finalQuiz.questions.map((q) => q.options.map((o) => o.correct)));
		const section = view.guidelines[0].sections[0];
		expect(has(section, 'fr')).toBe(false);
		expect(section.checklist.map((c) => c.id)).toEqual(all.guidelines[0].sections[0].checklist.map((c) => c.id));
		expect(readerContent('fr')).toBe(view); // made once
		expect(all.courses[0].title.fr, 'the bundled content itself is untouched').toBeTruthy();
	});

	it('keeps the text of items a native speaker reviewed', () => {
		const root = copy();
		const file = path.join(root, 'courses/sample-course/course.json');
		const course = JSON.parse(readFile(file));
		course.translations = { fr: { status: 'reviewed', by: 'A. Reviewer', at: '2026-12-01' } };
		writeFileSync(file, JSON.stringify(course));
		useLearnFiles(readContentDir(root));
		const view = readerContent('fr');
		expect(view.courses[0].title.fr).toBeTruthy();
		expect(view.courses[0].translations.fr?.status).toBe('reviewed');
		expect(has(view.guidelines[0].sections[0], 'fr'), 'the machine-assisted section is still hidden').toBe(false);
	});
});
