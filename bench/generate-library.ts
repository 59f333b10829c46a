// Synthetic library documents for the bench: `count` published documents in the six languages,
// with titles, summaries and (for a third of them) several hundred words of "PDF text", inserted
// in batches with their search rows built by the same SQL as library/search.ts (to_tsvector with
// the language's configuration, unaccent for the stemmed ones). Deterministic for a seed.
import { sql } from 'drizzle-orm';
import type { Db } from '../src/lib/server/db';
import { DOCUMENT_TYPES, type DocumentLanguage } from '../src/lib/library/vocab';
import { TOPIC_GRAPH_IDS } from '../src/lib/topics';
import { prng } from '../src/lib/prng';
import { searchRow } from '../src/lib/server/library/search';

/** Real words per language (queries use them) mixed with generated ones for a realistic vocabulary. */
const WORDS: Record<DocumentLanguage, string[]> = {
	en: ['children', 'online', 'protection', 'safety', 'parents', 'teachers', 'report', 'platforms', 'bullying', 'privacy', 'education', 'policy', 'livestreaming', 'grooming', 'helpline'],
	fr: ['enfants', 'protection', 'sécurité', 'éducateurs', 'parents', 'rapport', 'plateformes', 'harcèlement', 'signalement', 'écoles', 'recommandations', 'numérique'],
	es: ['niños', 'protección', 'seguridad', 'familias', 'docentes', 'informe', 'plataformas', 'acoso', 'escuelas', 'herramientas', 'privacidad'],
	ru: ['детей', 'защита', 'безопасность', 'родители', 'учителя', 'доклад', 'платформы', 'травля', 'школы', 'интернете', 'рекомендации'],
	zh: ['儿童', '在线', '保护', '家长', '教师', '网络安全', '报告', '平台', '欺凌', '隐私', '学校'],
	ar: ['الأطفال', 'حماية', 'السلامة', 'الإنترنت', 'المعلمين', 'الآباء', 'تقرير', 'المنصات', 'التنمر', 'الخصوصية', 'المدارس']
};
const SYLLABLES: Record<DocumentLanguage, string[]> = {
	en: ['ta', 'ren', 'mo', 'lis', 'ver', 'pa', 'con', 'tion', 'al', 'ing'],
	fr: ['ré', 'ta', 'mon', 'lie', 'ser', 'pa', 'tion', 'ment', 'eau', 'que'],
	es: ['ca', 'ro', 'mi', 'len', 'tos', 'pa', 'ción', 'mien', 'ar', 'es'],
	ru: ['ка', 'ро', 'ми', 'ле', 'ство', 'па', 'ния', 'ова', 'ть', 'ый'],
	zh: ['学', '习', '社', '会', '发', '展', '信', '息', '技', '术', '政', '策'],
	ar: ['ال', 'تع', 'لم', 'مج', 'تم', 'عي', 'رق', 'مي', 'سي', 'اس']
};
const LANGS: DocumentLanguage[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];
const COUNTRIES = ['KE', 'FR', 'BR', 'IN', 'EG', 'KZ', 'CN', 'MX', 'SN', 'ID', 'NG', 'DE', 'AR', 'PK', 'TH'];

export interface LibraryGeneration {
	documents: number;
	searchRows: number;
	withPdfText: number;
	ms: number;
}

export async function generateLibrary(db: Db, count: number, seed = 7): Promise<LibraryGeneration> {
	const rand = prng(seed).next;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
	const vocab = Object.fromEntries(
		LANGS.map((l) => {
			const made = Array.from({ length: 1500 }, () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYLLABLES[l])).join(''));
			return [l, [...WORDS[l], ...made]];
		})
	) as Record<DocumentLanguage, string[]>;
	// a skewed choice: common words often, most words rarely
	const word = (l: DocumentLanguage) => vocab[l][Math.floor(vocab[l].length * rand() ** 3)];
	const sep = (l: DocumentLanguage) => (l === 'zh' ? '' : ' ');
	const text = (l: DocumentLanguage, n: number) => Array.from({ length: n }, () => word(l)).join(sep(l));
	const t0 = performance.now();
	let rows = 0;
	let withPdf = 0;
	const BATCH = 250;
	for (let start = 0; start < count; start += BATCH) {
		const docs: { id: string; langs: DocumentLanguage[]; title: Record<string, string>; summary: Record<string, string>; body: Record<string, string> }[] = [];
		const values = [];
		for (let i = start; i < Math.min(count, start + BATCH); i++) {
			const primary = pick(LANGS);
			const langs = [...new Set<DocumentLanguage>([primary, ...(rand() < 0.5 ? ['en' as DocumentLanguage] : [])])];
			const title: Record<string, string> = {};
			const summary: Record<string, string> = {};
			const body: Record<string, string> = {};
			for (const l of langs) {
				title[l] = text(l, 6 + Math.floor(rand() * 5));
				summary[l] = text(l, 30 + Math.floor(rand() * 30));
			}
			if (rand() < 0.33) {
				body[primary] = text(primary, 300 + Math.floor(rand() * 500));
				withPdf++;
			}
			const id = crypto.randomUUID();
			docs.push({ id, langs, title, summary, body });
			values.push(
				sql`(${id}, 'published', true, ${pick(DOCUMENT_TYPES)}, ${2000 + Math.floor(rand() * 26)}, ${JSON.stringify(title)}::jsonb, ${JSON.stringify(summary)}::jsonb, ${JSON.stringify(rand() < 0.6 ? [pick(COUNTRIES)] : [])}::jsonb, ${JSON.stringify([pick(TOPIC_GRAPH_IDS), pick(TOPIC_GRAPH_IDS)].filter((x, j, a) => a.indexOf(x) === j))}::jsonb, ${JSON.stringify(langs)}::jsonb, now())`
			);
		}
		await db.execute(sql`insert into library_documents (id, status, is_demo, type, year, title, summary, countries, topics, languages, published_at) values ${sql.join(values, sql`, `)}`);
		const search = [];
		for (const d of docs) {
			for (const l of d.langs) {
				search.push(searchRow(d.id, l, d.title[l] ?? '', d.summary[l] ?? '', d.body[l] ?? ''));
				rows++;
			}
		}
		await db.execute(sql`insert into library_search (document_id, language, config, title, haystack, tsv, head) values ${sql.join(search, sql`, `)}`);
	}
	await db.execute(sql`analyze library_documents`);
	await db.execute(sql`analyze library_search`);
	return { documents: count, searchRows: rows, withPdfText: withPdf, ms: Math.round(performance.now() - t0) };
}
