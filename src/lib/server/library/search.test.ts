// Search in six languages: stemming in French, Spanish and Russian (and English), substring
// matching for Chinese and Arabic, text inside PDFs, facets and ranking.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../identity';
import { parse } from '../platform/validate';
import { grant, makeUser } from '../test/factories';
import { useFreshDatabase } from '../test/db';
import * as library from '.';
import { makePdf, makePublishedDocument } from './testing';
import { best } from './search';

useFreshDatabase();
let editor: Actor;
const ids: Record<string, string> = {};

const find = async (q: Record<string, string>) => (await library.search(parse(library.SearchQuery, q))).items.map((i) => i.document.id);

beforeAll(async () => {
	editor = await makeUser({ grants: [grant('editor')] });
	ids.fr = await makePublishedDocument(editor, { title: { fr: 'Les enfants et les écrans' }, summary: { fr: 'Comment les éducateurs protègent les enfants sur les réseaux sociaux.' }, type: 'policy_brief', year: 2023, countries: ['FR'], topics: ['contact'] });
	ids.es = await makePublishedDocument(editor, { title: { es: 'Protección de los niños en línea' }, summary: { es: 'Las familias necesitan herramientas para acompañar a sus hijos.' }, type: 'guideline', year: 2022, countries: ['MX'] });
	ids.ru = await makePublishedDocument(editor, { title: { ru: 'Защита детей в интернете' }, summary: { ru: 'Родители и учителя обсуждают безопасность детей.' }, type: 'report', year: 2024, countries: ['KZ'] });
	ids.zh = await makePublishedDocument(editor, { title: { zh: '儿童在线保护指南' }, summary: { zh: '本指南帮助家长和教师保护儿童的网络安全。' }, type: 'guideline', year: 2021 });
	ids.ar = await makePublishedDocument(editor, { title: { ar: 'حماية الأطفال على الإنترنت' }, summary: { ar: 'دليل للمعلمين وأولياء الأمور حول السلامة الرقمية للأطفال.' }, type: 'report', year: 2020, countries: ['EG'] });
	ids.en = await makePublishedDocument(editor, { title: { en: 'Protecting children online: a report' }, summary: { en: 'Teachers and parents discussed online safety.' }, type: 'report', year: 2024, topics: ['contact', 'conduct'] });
	const pdf = await makePdf(['Ce rapport étudie la cyberintimidation dans les collèges et les lycées.', 'Les recommandations concernent les plateformes.'], 'Rapport');
	ids.pdf = await makePublishedDocument(editor, { title: { en: 'School survey' }, type: 'research', year: 2025 }, { language: 'fr', name: 'rapport.pdf', bytes: pdf });
});

describe('library search', () => {
	it('stems French, with or without accents', async () => {
		expect(await find({ q: 'éducateur' })).toContain(ids.fr);
		expect(await find({ q: 'educateurs enfant' })).toContain(ids.fr);
		expect(await find({ q: 'écran' })).toContain(ids.fr);
	});

	it('stems Spanish', async () => {
		expect(await find({ q: 'familia herramienta' })).toContain(ids.es);
		expect(await find({ q: 'niño' })).toContain(ids.es);
	});

	it('stems Russian', async () => {
		expect(await find({ q: 'защиты' })).toContain(ids.ru);
		expect(await find({ q: 'родителями' })).toContain(ids.ru);
	});

	it('finds a Chinese document by a word inside its text', async () => {
		expect(await find({ q: '儿童' })).toContain(ids.zh);
		expect(await find({ q: '网络安全' })).toEqual([ids.zh]);
	});

	it('finds an Arabic document by a word, also with its article attached', async () => {
		expect(await find({ q: 'الأطفال' })).toContain(ids.ar);
		// «للمعلمين» (for the teachers) holds «معلمين» (teachers): substring matching finds it
		expect(await find({ q: 'معلمين' })).toEqual([ids.ar]);
		expect(await find({ q: 'الرقمية' })).toEqual([ids.ar]);
	});

	it('finds a document by a word inside its PDF', async () => {
		expect(await find({ q: 'cyberintimidation' })).toEqual([ids.pdf]);
		expect(await find({ q: 'plateforme' })).toEqual([ids.pdf]);
	});

	it('ranks a title match above a summary match', async () => {
		const found = await find({ q: 'children' });
		expect(found[0]).toBe(ids.en);
	});

	it('filters and counts facets', async () => {
		const all = await library.search(parse(library.SearchQuery, {}));
		expect(all.total).toBe(7);
		expect(all.facets.type.find((f) => f.value === 'report')?.count).toBe(3);
		expect(all.facets.language.find((f) => f.value === 'zh')?.count).toBe(1);
		expect(all.facets.topic.find((f) => f.value === 'contact')?.count).toBe(2);
		expect(await find({ type: 'guideline' })).toEqual(expect.arrayContaining([ids.es, ids.zh]));
		expect(await find({ year: '2024', type: 'report' })).toEqual(expect.arrayContaining([ids.ru, ids.en]));
		expect(await find({ language: 'ar' })).toEqual([ids.ar]);
		expect(await find({ country: 'eg' })).toEqual([ids.ar]);
		expect(await find({ topic: 'conduct' })).toEqual([ids.en]);
		expect(await find({ q: 'protección', language: 'es' })).toEqual([ids.es]);
	});

	it('matches Latin letters inside Chinese and Arabic text whatever their case', async () => {
		const id = await makePublishedDocument(editor, { title: { zh: 'ICT行业的儿童权利' }, type: 'research', year: 2023 });
		expect(await find({ q: 'ict行业' })).toEqual([id]);
		expect(await find({ q: 'IcT' })).toEqual([id]);
		await library.withdrawDocument(editor, id);
	});

	it('recounts the facets when a document is edited', async () => {
		const before = (await library.search(parse(library.SearchQuery, {}))).facets.type;
		const reports = before.find((f) => f.value === 'report')?.count ?? 0;
		const en = { title: { en: 'Protecting children online: a report' }, summary: { en: 'Teachers and parents discussed online safety.' }, year: 2024, topics: ['contact', 'conduct'] };
		await library.updateDocument(editor, ids.en, { ...en, type: 'research' }, { change: 'correction', note: 'It is research.' });
		const after = (await library.search(parse(library.SearchQuery, {}))).facets.type;
		expect(after.find((f) => f.value === 'report')?.count ?? 0).toBe(reports - 1);
		expect(await find({ type: 'research', q: 'children' })).toContain(ids.en);
	});

	it('treats search syntax and wildcards as text', async () => {
		for (const q of ['%', '_', '\\', '"unclosed', 'a & | ! :* (', "'; select 1; --", 'OR', '-']) await expect(find({ q })).resolves.toBeInstanceOf(Array);
		expect(await find({ q: '%' })).toEqual([]);
	});

	it('answers a repeated search from memory until a document changes, then sees the change', async () => {
		const q = { q: 'sextorsion' };
		expect(await find(q)).toEqual([]);
		// a search made again while nothing changed comes from the memo: same answer
		expect(await find(q)).toEqual([]);
		const id = await makePublishedDocument(editor, { title: { fr: 'La sextorsion expliquée aux parents' }, type: 'guideline', year: 2025 });
		expect(await find(q)).toEqual([id]);
		await library.withdrawDocument(editor, id);
		expect(await find(q)).toEqual([]);
		await library.publishDocument(editor, id);
		expect(await find(q)).toEqual([id]);
		const total = (await library.search(parse(library.SearchQuery, {}))).total;
		await library.withdrawDocument(editor, id);
		expect((await library.search(parse(library.SearchQuery, {}))).total).toBe(total - 1);
	});
});

describe('best', () => {
	it('gives the first k in order, as a full sort would', () => {
		fc.assert(
			fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 300 }), fc.integer({ min: 1, max: 80 }), (xs, k) => {
				const items = xs.map((x, i) => ({ x, i }));
				const order = (a: { x: number; i: number }, b: { x: number; i: number }) => b.x - a.x || a.i - b.i;
				expect(best([...items], k, order)).toEqual([...items].sort(order).slice(0, k));
			})
		);
	});
});
