// Export, check and import on temporary copies of content/ and messages/: a round trip changes no
// file, and every kind of bad file is refused with a report per segment and nothing written.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLearnContent } from '../learning/content';
import { checkTranslation, exportSet, itemStatuses, listSets, readRepoFiles, readSet, TARGET_LOCALES, writeRepoFiles, coverage, parseXliff } from './index';
import type { RepoFiles } from './sets';
import { parseXml } from './xml';

const repo = path.resolve(__dirname, '../../../..');
let root: string;
let files: RepoFiles;

beforeEach(() => {
	root = mkdtempSync(path.join(tmpdir(), 'cop-translations-'));
	cpSync(path.join(repo, 'content'), path.join(root, 'content'), { recursive: true });
	cpSync(path.join(repo, 'messages'), path.join(root, 'messages'), { recursive: true });
	files = readRepoFiles(root);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Imports like the command line does: check, then write all or nothing. */
function importText(text: string, opts = {}) {
	const r = checkTranslation(readRepoFiles(root), text, opts);
	if (!r.problems.length) writeRepoFiles(root, r.writes);
	return r;
}
const snapshot = () => JSON.stringify(readRepoFiles(root));
const setUnit = (xliff: string, id: string, target: string) => {
	const at = xliff.indexOf(`<unit id="${id}">`);
	expect(at, id).toBeGreaterThan(-1);
	const start = xliff.indexOf('<target xml:space="preserve">', at) + '<target xml:space="preserve">'.length;
	const end = xliff.indexOf('</target>', start);
	return xliff.slice(0, start) + target + xliff.slice(end);
};

describe('shipped content', () => {
	it('has every item of every set in all six languages, each segment translated and its status at least machine-assisted', () => {
		const gaps: string[] = [];
		for (const set of listSets(files)) {
			const model = readSet(files, set.id);
			for (const { item, status, untranslated } of itemStatuses(model)) {
				for (const l of TARGET_LOCALES) {
					if (status[l].status === 'missing') gaps.push(`${set.id} ${item.id} ${l}: missing`);
					else if (untranslated[l] > 0) gaps.push(`${set.id} ${item.id} ${l}: ${untranslated[l]} segment(s) untranslated`);
				}
			}
		}
		expect(gaps).toEqual([]);
	});
});

describe('translation files', () => {
	it('XLIFF round trip: exporting every set in every language and importing it unchanged writes nothing', () => {
		const before = snapshot();
		for (const set of listSets(files)) {
			for (const lang of TARGET_LOCALES) {
				const file = exportSet(files, set.id, lang);
				const r = checkTranslation(files, file.body);
				expect(r.problems, `${set.id} ${lang}`).toEqual([]);
				expect(Object.keys(r.writes), `${set.id} ${lang}`).toEqual([]);
				expect(r.units).toBe(readSet(files, set.id).segments.length);
			}
		}
		expect(snapshot()).toBe(before);
	});

	it('segment ids are unique within a set and are XML name tokens', () => {
		for (const set of listSets(files)) {
			const ids = readSet(files, set.id).segments.map((s) => s.id);
			expect(new Set(ids).size, set.id).toBe(ids.length);
			for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9._:-]+$/);
		}
	});

	it('a changed translation is written with status "translated", and the loader accepts the result', () => {
		let x = exportSet(files, 'course.parents-online-safety', 'es').body;
		x = setUnit(x, 'parents-online-safety.title', 'Proteger a los niños en internet (revisado)');
		x = setUnit(x, 'parents-online-safety.lessons.m1-l1.body', '## Nuevo\n\nTexto con un [enlace](/help).');
		const r = importText(x, { by: 'Agencia X', at: '2026-12-02' });
		expect(r.problems).toEqual([]);
		expect(Object.keys(r.writes).sort()).toEqual(['content/learn/courses/parents-online-safety/course.json', 'content/learn/courses/parents-online-safety/es/m1-l1.md']);
		const course = JSON.parse(readFileSync(path.join(root, 'content/learn/courses/parents-online-safety/course.json'), 'utf8'));
		expect(course.title.es).toBe('Proteger a los niños en internet (revisado)');
		expect(course.translations.es).toEqual({ status: 'translated', by: 'Agencia X', at: '2026-12-02' });
		const learn = readLearnContent(Object.fromEntries(Object.entries(readRepoFiles(root)).filter(([k]) => k.startsWith('content/learn/')).map(([k, t]) => [k.slice('content/learn/'.length), t])));
		expect(learn.problems).toEqual([]);
		expect(learn.content.courses.find((c) => c.id === 'parents-online-safety')!.translations.es?.status).toBe('translated');
		// and a second import of the same file changes nothing
		expect(Object.keys(checkTranslation(readRepoFiles(root), x, { by: 'Agencia X', at: '2026-12-02' }).writes)).toEqual([]);
	});

	it('marks a native review without changing text: --status reviewed --by', () => {
		const x = exportSet(files, 'guidelines.industry', 'fr').body;
		const r = importText(x, { status: 'reviewed', by: 'M. Dupont', at: '2026-12-02' });
		expect(r.problems).toEqual([]);
		expect(r.changed).toBe(0);
		const set = readSet(readRepoFiles(root), 'guidelines.industry');
		for (const item of set.items) expect(item.declared.fr).toEqual({ status: 'reviewed', by: 'M. Dupont', at: '2026-12-02' });
		const cov = coverage(readRepoFiles(root)).find((c) => c.set.id === 'guidelines.industry')!;
		expect(cov.languages.fr.reviewed).toBe(set.items.length);
		expect(cov.needsReview.some((n) => n.lang === 'fr')).toBe(false);
	});

	it('kids scenarios keep their status in the sidecar file', () => {
		const x = exportSet(files, 'kids', 'ar').body;
		const r = importText(x, { status: 'reviewed', by: 'Native reviewer', at: '2026-12-02' });
		expect(r.problems).toEqual([]);
		expect(Object.keys(r.writes)).toEqual(['content/translations/status.json']);
	});

	it('refuses broken XML with the line, and writes nothing', () => {
		const before = snapshot();
		const x = exportSet(files, 'guidelines.industry', 'fr').body.replace('</source>', '</sourc>');
		const r = importText(x);
		expect(r.problems).toHaveLength(1);
		expect(r.problems[0].reason).toMatch(/not well-formed XML/);
		expect(r.problems[0].line).toBeGreaterThan(1);
		expect(r.writes).toEqual({});
		expect(snapshot()).toBe(before);
	});

	it('refuses a DOCTYPE (no entities, internal or external)', () => {
		expect(() => parseXml('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')).toThrow(/DOCTYPE/);
		const r = checkTranslation(files, '<!DOCTYPE xliff><xliff/>');
		expect(r.problems[0].reason).toMatch(/DOCTYPE/);
		expect(() => parseXml('<x>&nbsp;</x>')).toThrow(/unknown entity/);
	});

	it('refuses a file that is XML but not XLIFF 2.0', () => {
		const r = checkTranslation(files, '<?xml version="1.0"?><xliff version="1.2" srcLang="en" trgLang="fr"><file id="kids"/></xliff>');
		expect(r.problems.map((p) => p.reason).join(' ')).toMatch(/xmlns.*2\.0/);
		expect(r.writes).toEqual({});
	});

	it('refuses an unknown id and an unknown set, per segment, writing nothing even for the good segments', () => {
		const before = snapshot();
		let x = exportSet(files, 'course.parents-online-safety', 'fr').body;
		x = setUnit(x, 'parents-online-safety.title', 'Un bon titre');
		x = x.replace('<unit id="parents-online-safety.summary">', '<unit id="parents-online-safety.nope">');
		const r = importText(x);
		expect(r.problems).toEqual([expect.objectContaining({ segment: 'parents-online-safety.nope', reason: expect.stringMatching(/unknown id/) })]);
		expect(r.writes).toEqual({});
		expect(snapshot()).toBe(before);
		const other = checkTranslation(files, x.replace('<file id="course.parents-online-safety"', '<file id="course.nope"'));
		expect(other.problems[0].reason).toMatch(/unknown content set/);
	});

	it('refuses a missing placeholder in a message (XLIFF and PO)', () => {
		const model = readSet(files, 'messages');
		const seg = model.segments.find((s) => /\{[a-z_]+\}/i.test(s.text.en ?? ''))!;
		const po = exportSet(files, 'messages', 'fr', 'po').body;
		const line = `msgctxt "${seg.id}"`;
		const i = po.indexOf(line);
		const j = po.indexOf('msgstr ', i);
		const k = po.indexOf('\n', j);
		const broken = po.slice(0, j) + 'msgstr "sans variable"' + po.slice(k);
		const before = snapshot();
		const r = importText(broken);
		expect(r.problems).toEqual([expect.objectContaining({ segment: seg.id, reason: expect.stringMatching(/placeholder \{.+\} is missing/) })]);
		expect(snapshot()).toBe(before);
		const x = setUnit(exportSet(files, 'messages', 'fr').body, seg.id, 'sans variable');
		expect(checkTranslation(files, x).problems[0]).toMatchObject({ segment: seg.id });
	});

	it('refuses unsafe Markdown: raw HTML, script, javascript: links; and HTML in plain text', () => {
		const model = readSet(files, 'guidelines.industry');
		const body = model.segments.find((s) => s.kind === 'markdown')!;
		const title = model.segments.find((s) => s.id.endsWith('.title') && s.item !== 'set')!;
		let x = exportSet(files, 'guidelines.industry', 'ru').body;
		x = setUnit(x, body.id, '## Заголовок\n\n&lt;script&gt;alert(1)&lt;/script&gt;\n\n[ссылка](javascript:alert(1))');
		x = setUnit(x, title.id, 'Заголовок &lt;b onclick="x()"&gt;жирный&lt;/b&gt;');
		const before = snapshot();
		const r = importText(x);
		const reasons = r.problems.map((p) => `${p.segment}: ${p.reason}`).join('\n');
		expect(reasons).toMatch(new RegExp(`${body.id.replace(/\./g, '\\.')}: raw HTML is not allowed`));
		expect(reasons).toMatch(/javascript:alert\(1\).*would be removed/);
		expect(reasons).toMatch(new RegExp(`${title.id.replace(/\./g, '\\.')}: HTML tags are not allowed`));
		expect(r.writes).toEqual({});
		expect(snapshot()).toBe(before);
	});

	it('reports a stale source (English changed since export), or leaves it out with skipStale', () => {
		let x = exportSet(files, 'toolkits', 'zh').body;
		const seg = readSet(files, 'toolkits').segments[0];
		x = x.replace(`<source xml:space="preserve">${seg.text.en}</source>`, '<source xml:space="preserve">An older English title</source>');
		const r = checkTranslation(files, x);
		expect(r.problems).toEqual([expect.objectContaining({ segment: seg.id, stale: true })]);
		const skipped = checkTranslation(files, x, { skipStale: true });
		expect(skipped.problems).toEqual([]);
		expect(skipped.stale).toBe(1);
	});

	it('PO round trip for UI messages: unchanged writes nothing; one changed msgstr changes one key', () => {
		for (const lang of TARGET_LOCALES) {
			const po = exportSet(files, 'messages', lang, 'po').body;
			const r = checkTranslation(files, po);
			expect(r.problems, lang).toEqual([]);
			expect(r.writes, lang).toEqual({});
		}
		const po = exportSet(files, 'messages', 'es', 'po').body;
		const i = po.indexOf('msgctxt "common_save"');
		const j = po.indexOf('msgstr ', i);
		const changed = po.slice(0, j) + 'msgstr "Guardar ahora"' + po.slice(po.indexOf('\n', j));
		const before = JSON.parse(readFileSync(path.join(root, 'messages/es.json'), 'utf8'));
		const r = importText(changed, { at: '2026-12-02' });
		expect(r.problems).toEqual([]);
		expect(Object.keys(r.writes).sort()).toEqual(['content/translations/status.json', 'messages/es.json']);
		const after = JSON.parse(readFileSync(path.join(root, 'messages/es.json'), 'utf8'));
		expect(after).toEqual({ ...before, common_save: 'Guardar ahora' });
		expect(Object.keys(after)).toEqual(Object.keys(before));
	});

	it('creates a missing language file of a guideline section from a complete translation', () => {
		const model = readSet(files, 'guidelines.industry');
		const item = model.items.find((i) => i.id !== 'set')!;
		const name = path.basename(item.file);
		const x = exportSet(files, 'guidelines.industry', 'ar').body;
		rmSync(path.join(root, 'content/learn/guidelines/industry/ar', name));
		const r = importText(x, { at: '2026-12-02' });
		expect(r.problems).toEqual([]);
		expect(Object.keys(r.writes)).toContain(`content/learn/guidelines/industry/ar/${name}`);
		const learn = readLearnContent(Object.fromEntries(Object.entries(readRepoFiles(root)).filter(([k]) => k.startsWith('content/learn/')).map(([k, t]) => [k.slice('content/learn/'.length), t])));
		expect(learn.problems).toEqual([]);
		const section = learn.content.guidelines.find((g) => g.id === 'industry')!.sections.find((s) => s.id === item.id)!;
		expect(section.title.ar).toBe(model.segments.find((s) => s.id === `${item.id}.title`)!.text.ar);
		expect(section.translations.ar?.status).toBe('translated');
	});

	it('reads XLIFF units back with their text, entities decoded', () => {
		const p = parseXliff(exportSet(files, 'guidelines.parents-educators', 'zh').body);
		expect(p.lang).toBe('zh');
		expect(p.units.length).toBeGreaterThan(10);
		expect(p.units.every((u) => !u.source.includes('&amp;'))).toBe(true);
	});
});
